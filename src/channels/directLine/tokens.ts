import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a token grants: one conversation, as one user, until it expires. */
export interface TokenClaims {
  conversationId: string;
  userId: string;
  /** Which token of the conversation this is: a refresh issues a new one and the old one stops working. */
  tokenId: string;
  /** Seconds since 1970. */
  expiresAt: number;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'invalid' | 'expired' };

/** Direct Line tokens last 30 minutes; Web Chat refreshes them every 15. */
export const TOKEN_LIFETIME_SECONDS = 30 * 60;

/**
 * Signed tokens in the JWT format (HS256) Direct Line clients expect, with
 * Direct Line's claim names ("conv", "user"). Nothing is stored: the
 * signature proves the server issued the token and nobody changed the
 * conversation or user in it.
 */
export class DirectLineTokens {
  private readonly key: Buffer;

  constructor(secret: string = randomBytes(32).toString('hex')) {
    this.key = Buffer.from(secret, 'utf8');
  }

  issue(
    conversationId: string,
    userId: string,
    now = Date.now(),
  ): { token: string; tokenId: string; expiresIn: number } {
    const issuedAt = Math.floor(now / 1000);
    const tokenId = randomBytes(12).toString('base64url');
    const header = encode({ alg: 'HS256', typ: 'JWT' });
    const payload = encode({
      iss: 'backcare-directline',
      conv: conversationId,
      user: userId,
      jti: tokenId,
      iat: issuedAt,
      exp: issuedAt + TOKEN_LIFETIME_SECONDS,
    });
    return {
      token: `${header}.${payload}.${this.sign(`${header}.${payload}`)}`,
      tokenId,
      expiresIn: TOKEN_LIFETIME_SECONDS,
    };
  }

  check(token: string | undefined, now = Date.now()): TokenCheck {
    const parts = token?.split('.') ?? [];
    if (parts.length !== 3) return { ok: false, reason: 'invalid' };
    const [header, payload, signature] = parts;
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
    const claims = decode(payload);
    if (
      typeof claims?.conv !== 'string' ||
      typeof claims.user !== 'string' ||
      typeof claims.jti !== 'string' ||
      typeof claims.exp !== 'number'
    )
      return { ok: false, reason: 'invalid' };
    if (claims.exp * 1000 <= now) return { ok: false, reason: 'expired' };
    return {
      ok: true,
      claims: { conversationId: claims.conv, userId: claims.user, tokenId: claims.jti, expiresAt: claims.exp },
    };
  }

  private sign(content: string): string {
    return createHmac('sha256', this.key).update(content).digest('base64url');
  }
}

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decode(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
