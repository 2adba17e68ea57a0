import { MemoryStorage } from 'botbuilder';
import { asTurn, TurnETagStorage } from '../../src/state/turnETags';
import { SqliteStorage } from '../../src/state/sqliteStorage';

describe.each([
  ['SQLite', () => new SqliteStorage(':memory:')],
  ['memory', () => new MemoryStorage()],
])('state writes in a turn (%s)', (_name, open) => {
  it('carry the eTag the turn read: of two overlapping turns, the later write fails instead of undoing the other', async () => {
    const storage = new TurnETagStorage(open());
    await storage.write({ k: { count: 0 } });
    let release!: () => void;
    const firstHasRead = new Promise<void>((resolve) => (release = resolve));
    const first = asTurn(async () => {
      const { k } = await storage.read(['k']);
      release();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await storage.write({ k: { ...k, count: k.count + 1, eTag: '*' } });
    });
    const second = asTurn(async () => {
      await firstHasRead;
      const { k } = await storage.read(['k']);
      await storage.write({ k: { ...k, count: k.count + 1, eTag: '*' } });
    });
    await second;
    await expect(first).rejects.toThrow(/eTag conflict/);
    expect((await storage.read(['k'])).k.count).toBe(1);
  });

  it('leave "*" as it is outside a turn, and on a key the turn did not read', async () => {
    const storage = new TurnETagStorage(open());
    await storage.write({ k: { n: 1 } });
    await storage.write({ k: { n: 2, eTag: '*' } });
    await asTurn(() => storage.write({ k: { n: 3, eTag: '*' } }));
    expect((await storage.read(['k'])).k.n).toBe(3);
  });
});
