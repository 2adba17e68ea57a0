import {
  CONVERSATION_IDLE_MS,
  ConversationStore,
  MAX_ACTIVITIES_PER_CONVERSATION,
  MAX_CONVERSATIONS,
} from '../../src/channels/directLine/conversationStore';
import { RateLimiter } from '../../src/channels/directLine/rateLimiter';
import { DirectLineTokens, TOKEN_LIFETIME_SECONDS } from '../../src/channels/directLine/tokens';

describe('Direct Line conversation store', () => {
  it('numbers activities with watermarks and returns only the newer ones', () => {
    const store = new ConversationStore();
    store.create('c1', 'u1', 't');
    const conversation = store.find('c1')!;
    expect(store.add(conversation, { type: 'message', text: 'one' })).toBe('c1|0000001');
    store.add(conversation, { type: 'message', text: 'two' });
    expect(store.since(conversation, 0).activities.map((a) => a.text)).toEqual(['one', 'two']);
    expect(store.since(conversation, 1)).toEqual({
      activities: [expect.objectContaining({ text: 'two' })],
      watermark: '2',
    });
    expect(store.since(conversation, 2).activities).toEqual([]);
  });

  it('keeps a bounded number of activities per conversation', () => {
    const store = new ConversationStore();
    store.create('c1', 'u1', 't');
    const conversation = store.find('c1')!;
    for (let i = 0; i < MAX_ACTIVITIES_PER_CONVERSATION + 50; i++) store.add(conversation, { text: String(i) });
    const { activities, watermark } = store.since(conversation, 0);
    expect(activities).toHaveLength(MAX_ACTIVITIES_PER_CONVERSATION);
    expect(activities[0].text).toBe('50');
    expect(watermark).toBe(String(MAX_ACTIVITIES_PER_CONVERSATION + 50));
  });

  it('forgets conversations after inactivity, and refuses new ones when full', () => {
    let now = 0;
    const store = new ConversationStore(() => now);
    store.create('old', 'u', 't');
    now += CONVERSATION_IDLE_MS + 1;
    expect(store.find('old')).toBeUndefined();
    for (let i = 0; i < MAX_CONVERSATIONS; i++) expect(store.create(`c${i}`, 'u', 't')).toBe(true);
    expect(store.create('one-too-many', 'u', 't')).toBe(false);
    now += CONVERSATION_IDLE_MS + 1;
    // Idle ones expire when room is needed.
    expect(store.create('after-expiry', 'u', 't')).toBe(true);
    expect(store.size).toBe(1);
  });
});

describe('Direct Line tokens', () => {
  const tokens = new DirectLineTokens('a-test-secret-that-is-long-enough-for-hs256');

  it('binds a token to one conversation and user until it expires', () => {
    const issued = tokens.issue('conv', 'user', 1_000_000);
    expect(issued.expiresIn).toBe(TOKEN_LIFETIME_SECONDS);
    expect(tokens.check(issued.token, 1_000_000)).toEqual({
      ok: true,
      claims: {
        conversationId: 'conv',
        userId: 'user',
        tokenId: issued.tokenId,
        expiresAt: 1000 + TOKEN_LIFETIME_SECONDS,
      },
    });
    expect(tokens.check(issued.token, 1_000_000 + TOKEN_LIFETIME_SECONDS * 1000)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('rejects forged, truncated and foreign tokens', () => {
    const { token } = tokens.issue('conv', 'user');
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(JSON.stringify({ conv: 'other', user: 'user', exp: 9e9 })).toString('base64url');
    expect(tokens.check(`${header}.${payload}.${signature}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(tokens.check(token.slice(0, -2))).toEqual({ ok: false, reason: 'invalid' });
    expect(tokens.check('not a token')).toEqual({ ok: false, reason: 'invalid' });
    expect(tokens.check(undefined)).toEqual({ ok: false, reason: 'invalid' });
    expect(new DirectLineTokens('another-secret-that-is-long-enough!!').check(token)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });
});

describe('forgetting a user', () => {
  it("empties that user's conversations and leaves others alone, watermarks going on", () => {
    const store = new ConversationStore();
    store.create('mine', 'u1', 't');
    store.create('theirs', 'u2', 't');
    store.add(store.find('mine')!, { text: 'my back hurts' });
    store.add(store.find('theirs')!, { text: 'hello' });
    store.forgetUser('u1');
    expect(store.since(store.find('mine')!, 0)).toEqual({ activities: [], watermark: '1' });
    expect(store.since(store.find('theirs')!, 0).activities).toHaveLength(1);
    expect(store.add(store.find('mine')!, { text: 'next' })).toBe('mine|0000002');
  });
});

describe('rate limiter', () => {
  it('allows a number of requests per window and per key', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 1000, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a'), limiter.take('b')]).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: false, retryAfterSeconds: 1 },
      { allowed: true },
    ]);
    now = 1000;
    expect(limiter.take('a')).toEqual({ allowed: true });
  });

  it('says how long until the window ends', () => {
    let now = 0;
    const limiter = new RateLimiter(1, 10_000, () => now);
    limiter.take('a');
    now = 2_500;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 8 });
    now = 9_990;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });
});
