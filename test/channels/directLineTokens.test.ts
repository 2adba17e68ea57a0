import { SignJWT } from 'jose';
import { DirectLineTokens, TOKEN_LIFETIME_SECONDS } from '../../src/channels/directLine/tokens';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';

describe('Direct Line tokens', () => {
  const tokens = new DirectLineTokens(SECRET);

  it('binds a token to one conversation and user until it expires', async () => {
    const issued = await tokens.issue('conv', 'user', 1_000_000);
    expect(issued.expiresIn).toBe(TOKEN_LIFETIME_SECONDS);
    expect(await tokens.check(issued.token, 1_000_000)).toEqual({
      ok: true,
      claims: {
        conversationId: 'conv',
        userId: 'user',
        tokenId: issued.tokenId,
        expiresAt: 1000 + TOKEN_LIFETIME_SECONDS,
      },
    });
    expect(await tokens.check(issued.token, 1_000_000 + TOKEN_LIFETIME_SECONDS * 1000)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('rejects forged, truncated and foreign tokens', async () => {
    const { token } = await tokens.issue('conv', 'user');
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(JSON.stringify({ conv: 'other', user: 'user', exp: 9e9 })).toString('base64url');
    expect(await tokens.check(`${header}.${payload}.${signature}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(await tokens.check(token.slice(0, -2))).toEqual({ ok: false, reason: 'invalid' });
    expect(await tokens.check('not a token')).toEqual({ ok: false, reason: 'invalid' });
    expect(await tokens.check(undefined)).toEqual({ ok: false, reason: 'invalid' });
    expect(await new DirectLineTokens('another-secret-that-is-long-enough!!').check(token)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('checks issuer, audience and not-before, and refuses an unsigned token', async () => {
    const key = new TextEncoder().encode(SECRET);
    const now = Math.floor(Date.now() / 1000);
    const claims = { conv: 'conv', user: 'user', jti: 'id' };
    const signed = (issuer: string, audience: string, notBefore = now) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(issuer)
        .setAudience(audience)
        .setNotBefore(notBefore)
        .setExpirationTime(now + 600)
        .sign(key);
    expect((await tokens.check(await signed('backcare', 'backcare-directline'))).ok).toBe(true);
    for (const token of [
      await signed('someone-else', 'backcare-directline'),
      await signed('backcare', 'backcare-visitor'),
      await signed('backcare', 'backcare-directline', now + 600),
    ])
      expect(await tokens.check(token)).toEqual({ ok: false, reason: 'invalid' });
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, iss: 'backcare', aud: 'backcare-directline', exp: now + 600 })).toString('base64url')}.`;
    expect(await tokens.check(none)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('keeps visitor credentials and conversation tokens apart', async () => {
    const visitor = await tokens.issueVisitor('dl_someone');
    expect(await tokens.visitorOf(visitor)).toBe('dl_someone');
    expect((await tokens.check(visitor)).ok).toBe(false);
    expect(await tokens.visitorOf((await tokens.issue('conv', 'dl_someone')).token)).toBeUndefined();
  });
});
