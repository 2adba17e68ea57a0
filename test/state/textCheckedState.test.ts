import { ConversationState, MemoryStorage, UserState, type Storage, type StoreItems } from 'botbuilder';
import { TextCheckedConversationState, TextCheckedUserState } from '../../src/state/textCheckedState';
import { turnInOneConversation as turn } from './turnContext';

/** A store that records every call. */
function recording(): { storage: Storage; calls: string[] } {
  const inner = new MemoryStorage();
  const calls: string[] = [];
  const storage: Storage = {
    read: (keys) => (calls.push(`read ${keys.join()}`), inner.read(keys)),
    write: (changes: StoreItems) => {
      // The eTag aside: a write's is "*" and the store's are random.
      const state = JSON.stringify(Object.values(changes)[0], (key, value: unknown) =>
        key === 'eTag' ? undefined : value,
      );
      calls.push(`write ${Object.keys(changes).join()} ${state}`);
      return inner.write(changes);
    },
    delete: (keys) => (calls.push(`delete ${keys.join()}`), inner.delete(keys)),
  };
  return { storage, calls };
}

/** Turns that change state, leave it, force a save, clear and delete it. */
async function script(state: ConversationState | UserState): Promise<unknown[]> {
  const count = state.createProperty<number>('count');
  const seen: unknown[] = [];
  const first = turn();
  await count.set(first, 1);
  await state.saveChanges(first);
  await state.saveChanges(first); // unchanged since it was saved: not written again
  const second = turn();
  seen.push(await count.get(second));
  await state.saveChanges(second); // read, not changed: not written
  await count.set(second, 2);
  await state.saveChanges(second);
  const third = turn();
  await state.load(third);
  await state.saveChanges(third, true);
  await state.clear(third);
  await state.saveChanges(third);
  const fourth = turn();
  seen.push(await count.get(fourth));
  await count.set(fourth, 3);
  await state.delete(fourth);
  await state.saveChanges(fourth); // deleted: nothing cached to save
  seen.push(await count.get(turn()));
  return seen;
}

describe.each([
  ['conversation', ConversationState, TextCheckedConversationState],
  ['user', UserState, TextCheckedUserState],
])('%s state checked for changes by its JSON text', (_name, Botbuilder, TextChecked) => {
  it("reads and writes exactly as botbuilder's own does", async () => {
    const theirs = recording();
    const ours = recording();
    const theirResults = await script(new Botbuilder(theirs.storage));
    const ourResults = await script(new TextChecked(ours.storage));
    expect(ourResults).toEqual(theirResults);
    expect(ours.calls).toEqual(theirs.calls);
    expect(ours.calls.filter((call) => call.startsWith('write'))).toHaveLength(4);
  });
});
