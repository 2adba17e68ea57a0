import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Job } from '../../src/shared/jobStore';
import { RedisJobStore } from '../../src/shared/redis/redisJobStore';
import { SqliteJobStore } from '../../src/shared/sqlite/sqliteJobStore';
import { Scheduler } from '../../src/scheduling/scheduler';
import { silentLogger } from '../helpers';
import { redisAvailable, startRedis } from '../redisServer';

const job = (id: string, dueAt: number, payload: unknown = {}): Job => ({
  id,
  kind: 'say',
  dueAt,
  staleAfterMs: 60_000,
  payload,
});

describe('scheduled messages', () => {
  let folder: string;
  beforeAll(() => (folder = mkdtempSync(join(tmpdir(), 'backcare-jobs-'))));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('are still sent after a restart, unless they are stale by then', async () => {
    const file = join(folder, 'jobs.sqlite');
    let now = 1_000_000;
    const before = new Database(file);
    const scheduler = new Scheduler(new SqliteJobStore(before), silentLogger, () => now);
    await scheduler.schedule(job('soon', now + 5_000, 'well done'));
    await scheduler.schedule(job('cancelled', now + 5_000, 'no'));
    await scheduler.cancel('cancelled');
    await scheduler.schedule(job('long-ago', now - 120_000, 'too late'));
    before.close();

    // The process restarts 20 seconds later.
    now += 20_000;
    const sent: unknown[] = [];
    const after = new Scheduler(new SqliteJobStore(new Database(file)), silentLogger, () => now);
    after.handle('say', async ({ payload }, stale) => void (stale || sent.push(payload)));
    await after.runDue();
    await after.runDue();
    expect(sent).toEqual(['well done']);
  });

  it('keeps going when one message cannot be sent', async () => {
    const scheduler = new Scheduler(new SqliteJobStore(new Database(':memory:')), silentLogger, () => 10);
    const sent: unknown[] = [];
    scheduler.handle('say', async ({ payload }) => {
      if (payload === 'broken') throw new Error('channel down');
      sent.push(payload);
    });
    await scheduler.schedule(job('a', 1, 'broken'));
    await scheduler.schedule(job('b', 2, 'fine'));
    await scheduler.runDue();
    expect(sent).toEqual(['fine']);
  });

  // Without Redis (outside CI) this case is skipped; the Redis store tests say so.
  (redisAvailable ? it : it.skip)('are sent once when two replicas look at the same moment', async () => {
    const redis = await startRedis();
    try {
      const prefix = redis.prefix();
      const sent: string[] = [];
      const replicas = await Promise.all(
        [1, 2].map(async (replica) => {
          const scheduler = new Scheduler(new RedisJobStore(await redis.client(), prefix), silentLogger, () => 100);
          scheduler.handle('say', async ({ id }) => void sent.push(`${id} by ${replica}`));
          return scheduler;
        }),
      );
      for (let i = 0; i < 40; i++) await replicas[i % 2].schedule(job(`j${i}`, i));
      await Promise.all([replicas[0].runDue(), replicas[1].runDue(), replicas[0].runDue(), replicas[1].runDue()]);
      expect(sent).toHaveLength(40);
      expect(new Set(sent.map((line) => line.split(' ')[0])).size).toBe(40);
    } finally {
      await redis.stop();
    }
  });
});
