import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { MemoryStorage, type Storage } from 'botbuilder';
import { SqliteStorage } from '../../src/state/sqliteStorage';

describe('SqliteStorage', () => {
  let dir: string;
  let storage: SqliteStorage;
  const open = () => new SqliteStorage(join(dir, 'nested', 'state.sqlite'));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'backcare-sqlite-'));
    storage = open();
  });
  afterEach(() => {
    storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips items and gives each write a new eTag', async () => {
    await storage.write({ a: { count: 1, nested: { list: [1, 2] } }, b: { name: 'x' } });
    const first = await storage.read(['a', 'b', 'missing']);
    expect(first.a).toMatchObject({ count: 1, nested: { list: [1, 2] } });
    expect(first.b).toMatchObject({ name: 'x' });
    expect(first).not.toHaveProperty('missing');
    expect(typeof first.a.eTag).toBe('string');

    await storage.write({ a: { ...first.a, count: 2 } });
    const second = await storage.read(['a']);
    expect(second.a.count).toBe(2);
    expect(second.a.eTag).not.toBe(first.a.eTag);
  });

  it('waits for another process holding the write lock instead of failing at once', async () => {
    await storage.write({ a: { v: 1 } });
    const path = join(dir, 'nested', 'state.sqlite');
    // Another process takes the write lock, says so, and keeps it for 400 ms.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require('better-sqlite3'))(${JSON.stringify(path)}); db.pragma('busy_timeout = 5000');
         db.exec('BEGIN IMMEDIATE'); db.prepare("UPDATE state SET value = value WHERE key = 'a'").run();
         process.stdout.write('locked'); setTimeout(() => { db.exec('COMMIT'); db.close(); }, 400);`,
      ],
      { cwd: resolve(__dirname, '..', '..') },
    );
    await new Promise<void>((locked) => holder.stdout.once('data', () => locked()));
    const started = Date.now();
    await storage.write({ a: { v: 2 } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect((await storage.read(['a'])).a.v).toBe(2);
    await new Promise((exited) => holder.once('exit', exited));
  });

  it('refuses a write that would pass the size limit, and keeps everything written before', async () => {
    storage.close();
    storage = new SqliteStorage(join(dir, 'nested', 'state.sqlite'), { maxMegabytes: 0.5 });
    await storage.write({ kept: { v: 'before' } });
    const large = { blob: 'x'.repeat(700 * 1024) };
    await expect(storage.write({ kept: { v: 'after' }, filler: large })).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    expect((await storage.read(['kept', 'filler'])).kept.v).toBe('before');
    await storage.write({ kept: { v: 'small writes still fit' } });
    expect((await storage.read(['kept'])).kept.v).toBe('small writes still fit');
  });

  it('deletes items', async () => {
    await storage.write({ a: { v: 1 }, b: { v: 2 } });
    await storage.delete(['a', 'never-written']);
    expect(Object.keys(await storage.read(['a', 'b']))).toEqual(['b']);
  });

  it('survives closing and reopening the file (a restart)', async () => {
    await storage.write({ 'conversation/1': { dialogState: { step: 3 } } });
    storage.close();
    storage = open();
    expect((await storage.read(['conversation/1']))['conversation/1']).toMatchObject({ dialogState: { step: 3 } });
  });

  it('rejects a write with a stale eTag and keeps the newer value', async () => {
    await storage.write({ a: { v: 1 } });
    const stale = (await storage.read(['a'])).a;
    await storage.write({ a: { ...stale, v: 2 } });
    await expect(storage.write({ a: { ...stale, v: 3 } })).rejects.toThrow(
      'Storage: error writing "a" due to eTag conflict.',
    );
    expect((await storage.read(['a'])).a.v).toBe(2);
  });

  it('writes the whole batch or none of it', async () => {
    await storage.write({ a: { v: 1 } });
    const stale = (await storage.read(['a'])).a;
    await storage.write({ a: { ...stale, v: 2 } });
    await expect(storage.write({ b: { v: 'new' }, a: { ...stale, v: 3 } })).rejects.toThrow('eTag conflict');
    expect(await storage.read(['b'])).toEqual({});
  });

  it('commits writes asked for together, each on its own terms: one conflict fails that write alone', async () => {
    await storage.write({ a: { v: 1 } });
    const stale = (await storage.read(['a'])).a;
    await storage.write({ a: { ...stale, v: 2 } });
    const together = [
      storage.write({ b: { v: 'b' } }),
      storage.write({ a: { ...stale, v: 3 } }),
      storage.write({ c: { v: 'c' }, d: { v: 'd' } }),
    ];
    const settled = await Promise.allSettled(together);
    expect(settled.map(({ status }) => status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const items = await storage.read(['a', 'b', 'c', 'd']);
    expect([items.a.v, items.b.v, items.c.v, items.d.v]).toEqual([2, 'b', 'c', 'd']);
  });

  it('commits writes still waiting when it is closed', async () => {
    const written = storage.write({ a: { v: 1 } });
    storage.close();
    await written;
    storage = open();
    expect((await storage.read(['a'])).a.v).toBe(1);
  });

  // Same cases against botbuilder's MemoryStorage: the SQLite store must behave the same way.
  describe.each<[string, () => Storage]>([
    ['MemoryStorage', () => new MemoryStorage()],
    ['SqliteStorage', () => storage],
  ])('eTag rules shared with %s', (_name, make) => {
    it('lets a write with eTag "*" or no eTag overwrite, and a write to a new key succeed whatever its eTag', async () => {
      const store = make();
      await store.write({ a: { v: 1 } });
      await store.write({ a: { v: 2, eTag: '*' } });
      expect((await store.read(['a'])).a.v).toBe(2);
      await store.write({ a: { v: 3 } });
      expect((await store.read(['a'])).a.v).toBe(3);
      await store.write({ fresh: { v: 1, eTag: 'anything' } });
      expect((await store.read(['fresh'])).fresh.v).toBe(1);
    });

    it('accepts a write carrying the current eTag and rejects the one that raced it', async () => {
      const store = make();
      await store.write({ a: { v: 1 } });
      const current = (await store.read(['a'])).a;
      await store.write({ a: { ...current, v: 2 } });
      await expect(store.write({ a: { ...current, v: 3 } })).rejects.toThrow('eTag conflict');
    });
  });
});
