import Database from 'better-sqlite3';
import { CONVERSATION_IDLE_MS, MAX_ACTIVITIES_PER_CONVERSATION } from '../../src/channels/directLine/conversationStore';
import { RequestBudget } from '../../src/http/requestBudget';
import { sharedSecret } from '../../src/shared/keyStore';
import { openLocal, redisServices, type SharedServices } from '../../src/shared/sharedServices';
import { SqliteConversationStore } from '../../src/shared/sqlite/sqliteConversationStore';
import { redisAvailable, startRedis, type TestRedis } from '../redisServer';

let redis: TestRedis | undefined;
beforeAll(async () => {
  if (redisAvailable) redis = await startRedis();
});
afterAll(() => redis?.stop());

/** The same behaviour is asked of the SQLite stores (one process) and the Redis ones (replicas). */
const backends: [string, () => Promise<SharedServices>][] = [
  ['SQLite', async () => openLocal({ storage: 'sqlite', sqlitePath: ':memory:' })],
];
if (redisAvailable) backends.push(['Redis', async () => redisServices(await redis!.client(), redis!.prefix(), 'test')]);
else if (process.env.CI) throw new Error('Redis is required in CI (apt-get install redis-server)');
else console.warn('Skipping the Redis stores: no Redis (set REDIS_URL, or install redis-server)');

describe.each(backends)('%s stores', (_name, open) => {
  let stores: SharedServices;
  beforeEach(async () => {
    stores = await open();
  });
  afterEach(() => stores.close());

  describe('state storage', () => {
    it('enforces eTags: a write over a newer one fails, and a failed batch writes nothing', async () => {
      const { storage } = stores;
      await storage.write({ a: { n: 1 } });
      const first = (await storage.read(['a'])).a;
      await storage.write({ a: { ...first, n: 2 } });
      await expect(storage.write({ a: { ...first, n: 3 }, b: { n: 1 } })).rejects.toThrow(/eTag conflict/);
      expect(await storage.read(['a', 'b'])).toEqual({ a: expect.objectContaining({ n: 2 }) });
      // A missing or "*" eTag always wins, as in botbuilder's MemoryStorage.
      await storage.write({ a: { n: 4, eTag: '*' } });
      expect((await storage.read(['a'])).a.n).toBe(4);
      await storage.delete(['a']);
      expect(await storage.read(['a'])).toEqual({});
    });
  });

  describe('Direct Line conversations', () => {
    it('numbers activities with watermarks and returns only the newer ones', async () => {
      const { conversations: store } = stores;
      await store.create({ id: 'c1', userId: 'u1', tokenId: 't' });
      expect(await store.add('c1', { type: 'message', text: 'one' })).toBe('c1|0000001');
      await store.add('c1', { type: 'message', text: 'two' });
      expect((await store.since('c1', 0)).activities.map((a) => a.text)).toEqual(['one', 'two']);
      expect(await store.since('c1', 1)).toEqual({
        activities: [expect.objectContaining({ text: 'two', id: 'c1|0000002' })],
        watermark: '2',
      });
      expect((await store.since('c1', 2)).activities).toEqual([]);
      expect(await store.add('unknown', { text: 'x' })).toBe('');
    });

    it('gives activities added at once distinct watermarks', async () => {
      const { conversations: store } = stores;
      await store.create({ id: 'c1', userId: 'u1', tokenId: 't' });
      const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => store.add('c1', { text: String(i) })));
      expect(new Set(ids).size).toBe(20);
      expect((await store.since('c1', 0)).activities).toHaveLength(20);
    });

    it('keeps a bounded number of activities per conversation', async () => {
      const { conversations: store } = stores;
      await store.create({ id: 'c1', userId: 'u1', tokenId: 't' });
      for (let i = 0; i < MAX_ACTIVITIES_PER_CONVERSATION + 50; i++) await store.add('c1', { text: String(i) });
      const { activities, watermark } = await store.since('c1', 0);
      expect(activities).toHaveLength(MAX_ACTIVITIES_PER_CONVERSATION);
      expect(activities[0].text).toBe('50');
      expect(watermark).toBe(String(MAX_ACTIVITIES_PER_CONVERSATION + 50));
    });

    it('starts a conversation once, and replaces its token', async () => {
      const { conversations: store } = stores;
      await store.create({ id: 'c1', userId: 'u1', tokenId: 't1' });
      expect(await Promise.all([store.markStarted('c1'), store.markStarted('c1')])).toEqual([true, false]);
      await store.setToken('c1', 't2');
      expect(await store.find('c1')).toEqual({ id: 'c1', userId: 'u1', tokenId: 't2' });
      expect(await store.find('nobody')).toBeUndefined();
    });

    it("forgets a user's messages, leaves others alone, and watermarks go on", async () => {
      const { conversations: store } = stores;
      await store.create({ id: 'mine', userId: 'u1', tokenId: 't' });
      await store.create({ id: 'theirs', userId: 'u2', tokenId: 't' });
      await store.add('mine', { text: 'my back hurts' });
      await store.add('theirs', { text: 'hello' });
      await store.forgetUser('u1');
      expect(await store.since('mine', 0)).toEqual({ activities: [], watermark: '1' });
      expect((await store.since('theirs', 0)).activities).toHaveLength(1);
      expect(await store.add('mine', { text: 'next' })).toBe('mine|0000002');
    });
  });

  describe('keys', () => {
    it('sets a key once, expires it, and lets only its holder renew or delete it', async () => {
      const { keys } = stores;
      expect(await keys.setIfAbsent('lock', 'me', 200)).toBe(true);
      expect(await keys.setIfAbsent('lock', 'you', 200)).toBe(false);
      expect(await keys.extendIf('lock', 'you', 200)).toBe(false);
      expect(await keys.deleteIf('lock', 'you')).toBe(false);
      expect(await keys.extendIf('lock', 'me', 200)).toBe(true);
      expect(await keys.deleteIf('lock', 'me')).toBe(true);
      expect(await keys.setIfAbsent('lock', 'you', 50)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(await keys.get('lock')).toBeUndefined();
      expect(await keys.setIfAbsent('lock', 'me', 50)).toBe(true);
    });

    it('makes one shared secret, whoever asks first', async () => {
      const { keys } = stores;
      let made = 0;
      const make = () => `secret-${++made}`;
      const secrets = await Promise.all([sharedSecret(keys, 's', make), sharedSecret(keys, 's', make)]);
      expect(secrets[0]).toBe(secrets[1]);
    });
  });

  describe('scheduled messages', () => {
    it('hands each due job to one caller only, and never one that was removed', async () => {
      const { jobs } = stores;
      for (let i = 0; i < 30; i++)
        await jobs.put({ id: `j${i}`, kind: 'k', dueAt: 1000 + i, staleAfterMs: 60_000, payload: { i } });
      await jobs.put({ id: 'later', kind: 'k', dueAt: 5000, staleAfterMs: 60_000, payload: {} });
      await jobs.remove('j0');
      // Scheduling the same id again replaces the job.
      await jobs.put({ id: 'j1', kind: 'k', dueAt: 1001, staleAfterMs: 60_000, payload: { i: 'again' } });
      const claims = await Promise.all([jobs.claimDue(2000, 10), jobs.claimDue(2000, 10), jobs.claimDue(2000, 50)]);
      const ids = claims.flat().map((job) => job.id);
      expect(ids).toHaveLength(29);
      expect(new Set(ids).size).toBe(29);
      expect(ids).not.toContain('later');
      expect(claims.flat().find((job) => job.id === 'j1')?.payload).toEqual({ i: 'again' });
      expect(await jobs.claimDue(2000, 50)).toEqual([]);
      expect((await jobs.claimDue(5000, 50)).map((job) => job.id)).toEqual(['later']);
    });
  });

  describe('request budgets', () => {
    it('allows a number of requests per window and per key, and says how long to wait', async () => {
      const budget = new RequestBudget(stores.limiter, 'test', 2, 10);
      expect(await Promise.all(['a', 'a', 'a', 'b'].map((key) => budget.take(key)))).toEqual([
        { allowed: true },
        { allowed: true },
        { allowed: false, retryAfterSeconds: 10 },
        { allowed: true },
      ]);
    });
  });
});

describe('SQLite Direct Line conversations', () => {
  it('are forgotten after an hour without use', async () => {
    let now = 0;
    const store = new SqliteConversationStore(new Database(':memory:'), () => now);
    await store.create({ id: 'old', userId: 'u', tokenId: 't' });
    now += CONVERSATION_IDLE_MS + 1;
    expect(await store.find('old')).toBeUndefined();
    store.expireIdle();
    expect(await store.add('old', { text: 'x' })).toBe('');
  });
});
