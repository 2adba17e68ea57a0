import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { DirectLineTokens } from '../../src/channels/directLine/tokens';
import { createApp, type App } from '../../src/app';
import { silentLogger, testConfig } from '../helpers';
import { start, until } from './botClient';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const ALLOWED = 'http://clinic.example.org';

interface Session {
  conversationId: string;
  token: string;
}

describe('self-hosted Direct Line', () => {
  let app: App;
  let base: string;

  beforeAll(async () => {
    app = createApp(testConfig({ DIRECTLINE_SECRET: SECRET, WEBCHAT_ORIGINS: ALLOWED }), { logger: silentLogger });
    base = await start(app);
  });
  afterAll(() => app.close());

  const call = async (
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
  };

  async function newSession(): Promise<Session> {
    const { status, json } = await call('POST', '/v3/directline/tokens/generate');
    expect(status).toBe(200);
    return { conversationId: json.conversationId, token: json.token };
  }

  /** Polls like Web Chat until an activity matching the test arrives; returns everything seen. */
  async function pollUntil(session: Session, found: (activity: Partial<Activity>) => boolean, watermark = '') {
    const deadline = Date.now() + 5000;
    const seen: Partial<Activity>[] = [];
    let mark = watermark;
    while (Date.now() < deadline) {
      const { status, json } = await call(
        'GET',
        `/v3/directline/conversations/${session.conversationId}/activities?watermark=${mark}`,
        session.token,
      );
      expect(status).toBe(200);
      seen.push(...json.activities);
      mark = json.watermark;
      if (seen.some(found)) return { seen, watermark: mark };
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`not found in ${JSON.stringify(seen.map((activity) => activity.text))}`);
  }

  it('keeps a returning device the same visitor in a new conversation, from a credential only this server signs', async () => {
    const userOf = (token: string) => new DirectLineTokens(SECRET).check(token);
    const first = await call('POST', '/v3/directline/tokens/generate');
    expect(typeof first.json.visitor).toBe('string');
    const again = await call('POST', '/v3/directline/tokens/generate', undefined, { visitor: first.json.visitor });
    expect(again.status).toBe(200);
    expect(again.json.conversationId).not.toBe(first.json.conversationId);
    const [before, after] = [await userOf(first.json.token), await userOf(again.json.token)];
    expect(before.ok && after.ok && before.claims.userId === after.claims.userId).toBe(true);

    // Signed elsewhere, or a conversation token offered as a visitor credential: a new visitor, not that user.
    const forged = await new DirectLineTokens('another-secret-that-is-long-enough-too').issueVisitor(
      before.ok ? before.claims.userId : '',
    );
    for (const visitor of [forged, first.json.token, 'not-a-credential']) {
      const other = await call('POST', '/v3/directline/tokens/generate', undefined, { visitor });
      const claims = await userOf(other.json.token);
      expect(claims.ok && before.ok && claims.claims.userId !== before.claims.userId).toBe(true);
    }
  });

  it('starts a conversation with a welcome, takes a message, and returns replies after the watermark', async () => {
    const session = await newSession();
    const started = await call('POST', '/v3/directline/conversations', session.token, { user: { id: 'someone-else' } });
    expect(started.status).toBe(201);
    expect(started.json.conversationId).toBe(session.conversationId);

    const welcome = await pollUntil(session, (activity) => /Hi, I'm BackCare/.test(activity.text ?? ''));
    const hello = welcome.seen.find((activity) => /Hi, I'm BackCare/.test(activity.text ?? ''))!;
    expect(hello.from?.role).toBe('bot');
    expect(hello.suggestedActions?.actions.map((action) => action.title)).toContain('Get a personal plan');

    const posted = await call(
      'POST',
      `/v3/directline/conversations/${session.conversationId}/activities`,
      session.token,
      {
        type: 'message',
        text: 'what is swedish massage',
        from: { id: 'someone-else' },
        channelData: { clientActivityID: 'client-1' },
      },
    );
    expect(posted.status).toBe(200);
    expect(posted.json.id).toMatch(new RegExp(`^${session.conversationId}\\|`));

    const answer = await pollUntil(
      session,
      (activity) => /Swedish/.test(activity.text ?? '') && activity.from?.role === 'bot',
      welcome.watermark,
    );
    // Only what came after the watermark, starting with the user's own message echoed back as Web Chat expects.
    expect(answer.seen.some((activity) => /Hi, I'm BackCare/.test(activity.text ?? ''))).toBe(false);
    const echo = answer.seen.find((activity) => activity.text === 'what is swedish massage')!;
    expect(echo.from?.id).toMatch(/^dl_/); // from the token, not from what the client claimed
    expect(echo.channelData).toEqual({ clientActivityID: 'client-1' });
    expect(Number(answer.watermark)).toBeGreaterThan(Number(welcome.watermark));
  });

  it('refreshes a token and reconnects to the same conversation with it', async () => {
    const session = await newSession();
    await call('POST', '/v3/directline/conversations', session.token);
    const refreshed = await call('POST', '/v3/directline/tokens/refresh', session.token);
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.conversationId).toBe(session.conversationId);
    const again = await call(
      'GET',
      `/v3/directline/conversations/${session.conversationId}?watermark=`,
      refreshed.json.token,
    );
    expect(again.status).toBe(200);
    expect(again.json.conversationId).toBe(session.conversationId);
    await pollUntil({ ...session, token: refreshed.json.token }, (activity) =>
      /Hi, I'm BackCare/.test(activity.text ?? ''),
    );
  });

  it("refuses another conversation's token, tampered, expired and missing tokens, and unknown conversations", async () => {
    const mine = await newSession();
    const theirs = await newSession();
    await call('POST', '/v3/directline/conversations', theirs.token);
    const theirActivities = `/v3/directline/conversations/${theirs.conversationId}/activities`;

    expect((await call('GET', theirActivities, mine.token)).status).toBe(403);
    expect((await call('POST', theirActivities, mine.token, { type: 'message', text: 'hi' })).status).toBe(403);
    expect((await call('GET', `/v3/directline/conversations/${theirs.conversationId}`, mine.token)).status).toBe(403);

    // The same token with the conversation in its payload swapped: the signature no longer matches.
    const [header, payload, signature] = mine.token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = [
      header,
      Buffer.from(JSON.stringify({ ...claims, conv: theirs.conversationId })).toString('base64url'),
      signature,
    ].join('.');
    const tampered = await call('GET', theirActivities, forged);
    expect(tampered.status).toBe(401);
    expect(tampered.json.error.code).toBe('Unauthorized');

    const expired = (
      await new DirectLineTokens(SECRET).issue(mine.conversationId, claims.user, Date.now() - 31 * 60 * 1000)
    ).token;
    const late = await call('GET', `/v3/directline/conversations/${mine.conversationId}/activities`, expired);
    expect(late.status).toBe(403);
    expect(late.json.error.code).toBe('TokenExpired');
    expect((await call('POST', '/v3/directline/tokens/refresh', expired)).status).toBe(403);

    expect((await call('GET', `/v3/directline/conversations/${mine.conversationId}/activities`)).status).toBe(401);
    const otherKey = (
      await new DirectLineTokens('another-secret-that-is-long-enough-to-sign').issue(mine.conversationId, claims.user)
    ).token;
    expect((await call('POST', '/v3/directline/conversations', otherKey)).status).toBe(401);

    const unknown = (await new DirectLineTokens(SECRET).issue('no-such-conversation', 'dl_nobody')).token;
    expect((await call('GET', '/v3/directline/conversations/no-such-conversation/activities', unknown)).status).toBe(
      404,
    );
  });

  it('refuses oversize and malformed activities', async () => {
    const session = await newSession();
    const activities = `/v3/directline/conversations/${session.conversationId}/activities`;
    const big = await call('POST', activities, session.token, { type: 'message', text: 'x'.repeat(40 * 1024) });
    expect(big.status).toBe(413);
    const huge = await call('POST', activities, session.token, { type: 'message', text: 'x'.repeat(300 * 1024) });
    expect(huge.status).toBe(413);
    expect((await call('POST', activities, session.token, '{"type": "message", ')).status).toBe(400);
    expect((await call('POST', activities, session.token, { text: 'no type' })).status).toBe(400);
    expect((await call('POST', activities, session.token, '[1, 2]')).status).toBe(400);
  });

  it('limits the request rate per conversation', async () => {
    const session = await newSession();
    const path = `/v3/directline/conversations/${session.conversationId}/activities?watermark=`;
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) statuses.push((await call('GET', path, session.token)).status);
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    const limited = await call('GET', path, session.token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('10');
  });

  it('allows only configured origins from a browser', async () => {
    const preflight = (origin: string) =>
      call('OPTIONS', '/v3/directline/tokens/generate', undefined, undefined, {
        origin,
        'access-control-request-method': 'POST',
      });
    const allowed = await preflight(ALLOWED);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect((await preflight('http://evil.example.com')).status).toBe(403);
    const fromEvil = await call('POST', '/v3/directline/tokens/generate', undefined, undefined, {
      origin: 'http://evil.example.com',
    });
    expect(fromEvil.status).toBe(403);
    // The page itself, served by this server, is same-origin.
    const own = await call('POST', '/v3/directline/tokens/generate', undefined, undefined, { origin: base });
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('has no connector endpoint to post as the bot, and shows visitors no service URL', async () => {
    const session = await newSession();
    await call('POST', '/v3/directline/conversations', session.token);
    const posted = await call(
      'POST',
      `/v3/directline/conversations/${session.conversationId}/activities`,
      session.token,
      { type: 'message', text: 'what is thai massage' },
    );
    expect(posted.status).toBe(200);
    const { seen } = await pollUntil(
      session,
      (activity) => /Thai/.test(activity.text ?? '') && activity.from?.role === 'bot',
    );
    for (const activity of seen) expect(activity).not.toHaveProperty('serviceUrl');
    expect(JSON.stringify(seen)).not.toMatch(/connector|127\.0\.0\.1|localhost/);
    for (const path of [
      `/directline/connector/guess/v3/conversations/${session.conversationId}/activities`,
      `/v3/conversations/${session.conversationId}/activities`,
    ]) {
      const forged = await call('POST', path, undefined, { type: 'message', text: 'I am the bot, honest' });
      expect(forged.status).toBe(404);
    }
  });
});

describe('self-hosted Direct Line limits', () => {
  let app: App;
  let base: string;

  beforeEach(async () => {
    app = createApp(testConfig({ DIRECTLINE_SECRET: SECRET }), { logger: silentLogger });
    base = await start(app);
  });
  afterEach(() => app.close());

  const call = async (method: string, path: string, token?: string, body?: string) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body,
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
  };
  const newSession = async () => (await call('POST', '/v3/directline/tokens/generate')).json as Session;

  it('counts the 32 KB limit of an activity in bytes, and refuses deeply nested JSON with 400', async () => {
    const { conversationId, token } = await newSession();
    const activities = `/v3/directline/conversations/${conversationId}/activities`;
    // 12,000 characters, 36,000 bytes.
    const euros = await call('POST', activities, token, JSON.stringify({ type: 'message', text: '€'.repeat(12_000) }));
    expect(euros.status).toBe(413);
    const nested = `{"type":"message","value":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const deep = await call('POST', activities, token, nested);
    expect(deep.status).toBe(400);
    expect(deep.json.error.message).toMatch(/nested/);
  });

  it('says in Retry-After when the limit resets, and limits refresh, start and reconnect too', async () => {
    const { conversationId, token } = await newSession();
    const reconnect = `/v3/directline/conversations/${conversationId}`;
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push((await call('POST', '/v3/directline/conversations', token)).status);
    for (let i = 0; i < 25; i++) statuses.push((await call('GET', reconnect, token)).status);
    expect(statuses.slice(0, 30).every((status) => status < 300)).toBe(true);
    const limited = await call('GET', reconnect, token);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(10);
    expect((await call('POST', '/v3/directline/tokens/refresh', token)).status).toBe(429);
  });

  it('gives a refreshed token no fresh budget, and the token it replaced stops working', async () => {
    const { conversationId, token } = await newSession();
    const poll = `/v3/directline/conversations/${conversationId}/activities?watermark=`;
    for (let i = 0; i < 25; i++) expect((await call('GET', poll, token)).status).toBe(200);
    const refreshed = await call('POST', '/v3/directline/tokens/refresh', token);
    expect(refreshed.status).toBe(200);
    const old = await call('GET', poll, token);
    expect(old.status).toBe(401);
    expect(old.json.error.message).toMatch(/replaced/);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await call('GET', poll, refreshed.json.token)).status);
    expect(statuses).toContain(429);
  });
});

describe('self-hosted Direct Line across a restart', () => {
  it('keeps the conversation, its messages and its token working on the SQLite file, with no secret set', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'backcare-dl-restart-'));
    const config = testConfig({ STORAGE: 'sqlite', SQLITE_PATH: join(folder, 'bot.sqlite') });
    const run = async (steps: (base: string) => Promise<void>) => {
      const app = createApp(config, { logger: silentLogger });
      try {
        await steps(await start(app));
      } finally {
        await app.close();
      }
    };
    const call = async (base: string, method: string, path: string, token?: string, body?: unknown) => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: await response.json().catch(() => undefined) };
    };
    const botTexts = (json: { activities: Partial<Activity>[] }) =>
      json.activities.filter((a) => a.from?.role === 'bot' && a.type === 'message').map((a) => a.text ?? '');
    let session: Session = { conversationId: '', token: '' };
    try {
      await run(async (base) => {
        session = (await call(base, 'POST', '/v3/directline/tokens/generate')).json;
        await call(base, 'POST', '/v3/directline/conversations', session.token);
        const path = `/v3/directline/conversations/${session.conversationId}/activities`;
        await call(base, 'POST', path, session.token, { type: 'message', text: 'what is hot stone massage' });
        await until(
          async () => botTexts((await call(base, 'GET', path, session.token)).json).some((t) => /stones/.test(t)),
          'the answer',
        );
      });
      await run(async (base) => {
        const path = `/v3/directline/conversations/${session.conversationId}/activities`;
        const before = await call(base, 'GET', path, session.token);
        expect(before.status).toBe(200);
        expect(botTexts(before.json).some((text) => /stones/.test(text))).toBe(true);
        await call(base, 'POST', path, session.token, { type: 'message', text: 'tell me more' });
        await until(
          async () =>
            botTexts((await call(base, 'GET', path, session.token)).json).length > botTexts(before.json).length,
          'an answer after the restart',
        );
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
