import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app';
import { openSharedServices, type SharedServices } from '../../src/shared/sharedServices';
import { silentLogger, testConfig } from '../helpers';
import { describeWithRedis, startRedis, type TestRedis } from '../redisServer';
import { activity, post, start } from './botClient';

const MESSAGES = 20;
/** Each matches nothing, so each adds one to the conversation's count of misses (a change every turn must keep). */
const unmatched = (i: number) => `purple elephants dancing on the moon, number ${i}`;

/** Sends the messages all at once, spread over the servers, and reads the conversation's state afterwards. */
async function sendAtOnce(bases: string[], shared: SharedServices, conversationId: string) {
  const responses = await Promise.all(
    Array.from({ length: MESSAGES }, (_, i) => post(bases[i % bases.length], activity(unmatched(i), conversationId))),
  );
  const state = await shared.storage.read([`emulator/conversations/${conversationId}/`]);
  return { responses, misses: state[`emulator/conversations/${conversationId}/`]?.conversationData?.misses };
}

describe('messages sent at once to one conversation', () => {
  let folder: string;
  let app: App;
  let shared: SharedServices;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'backcare-concurrent-'));
    const config = testConfig({ STORAGE: 'sqlite', SQLITE_PATH: join(folder, 'bot.sqlite') });
    shared = await openSharedServices(config, silentLogger);
    app = createApp(config, { logger: silentLogger, shared });
  });
  afterAll(async () => {
    await app.close();
    await shared.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('on SQLite: all are answered, one after another, and no turn loses another one’s state', async () => {
    const base = await start(app);
    const { responses, misses } = await sendAtOnce([base], shared, 'sqlite-burst');
    expect(responses.map((response) => response.status)).toEqual(Array(MESSAGES).fill(200));
    for (const response of responses) expect(response.json.activities.length).toBeGreaterThan(0);
    expect(misses).toBe(MESSAGES);
  });
});

describeWithRedis('messages sent at once to one conversation on Redis', () => {
  let redis: TestRedis;
  const apps: App[] = [];
  const opened: SharedServices[] = [];

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const shared of opened) await shared.close();
    await redis.stop();
  });

  async function replica(prefix: string) {
    const config = testConfig({ STORAGE: 'redis', REDIS_URL: redis.url, REDIS_PREFIX: prefix });
    const shared = await openSharedServices(config, silentLogger);
    const app = createApp(config, { logger: silentLogger, shared });
    apps.push(app);
    opened.push(shared);
    return { base: await start(app), shared };
  }

  it('across two replicas: all are answered and no state change is lost', async () => {
    const prefix = redis.prefix();
    const [one, two] = [await replica(prefix), await replica(prefix)];
    const { responses, misses } = await sendAtOnce([one.base, two.base], one.shared, 'redis-burst');
    expect(responses.map((response) => response.status)).toEqual(Array(MESSAGES).fill(200));
    for (const response of responses) expect(response.json.activities.length).toBeGreaterThan(0);
    expect(misses).toBe(MESSAGES);
  });
});
