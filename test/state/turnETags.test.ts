import { ConversationState, MemoryStorage, type Storage } from 'botbuilder';
import { TurnETagStorage } from '../../src/state/turnETags';
import { SqliteStorage } from '../../src/state/sqliteStorage';
import { turnInOneConversation as turn } from './turnContext';

describe.each([
  ['SQLite', () => new SqliteStorage(':memory:')],
  ['memory', () => new MemoryStorage()],
])('state writes (%s)', (_name, open: () => Storage) => {
  it('carry the eTag they were read with: of two overlapping turns, the later write fails instead of undoing the other', async () => {
    const state = new ConversationState(new TurnETagStorage(open()));
    const count = state.createProperty<number>('count');
    const setup = turn();
    await count.set(setup, 0);
    await state.saveChanges(setup);

    const first = turn();
    const second = turn();
    await count.set(first, (await count.get(first, 0)) + 1);
    await count.set(second, (await count.get(second, 0)) + 1);
    await state.saveChanges(second);
    await expect(state.saveChanges(first)).rejects.toThrow(/eTag conflict/);

    const after = turn();
    expect(await count.get(after)).toBe(1);
    // A turn that saved can save again: the store's new eTag is not known to it, so its next save is a plain "*".
    await count.set(second, 2);
    await state.saveChanges(second);
  });

  it('leave "*" as it is on state that was not read (cleared, or new)', async () => {
    const storage = new TurnETagStorage(open());
    await storage.write({ k: { n: 1 } });
    await storage.read(['k']);
    await storage.write({ k: { n: 2, eTag: '*' } });
    expect((await storage.read(['k'])).k.n).toBe(2);
  });
});
