import { AsyncLocalStorage } from 'node:async_hooks';
import type { Storage, StoreItems } from 'botbuilder';

/** Per running turn: the eTag of each item it read. */
const turnReads = new AsyncLocalStorage<Map<string, string>>();

/** Runs a turn with its own record of what it read, for TurnETagStorage. */
export function asTurn<T>(work: () => Promise<T>): Promise<T> {
  return turnReads.run(new Map(), work);
}

/**
 * botbuilder's BotState saves with eTag "*", so the last writer wins. Within a
 * turn this storage writes with the eTag the turn read instead: should two
 * turns ever overlap on one conversation or user (a lock that expired under a
 * turn that took too long), the later write fails, and the turn says so,
 * rather than silently undoing the other's change. Outside a turn (the
 * turn-error handler's reset) "*" still means "whatever is there".
 */
export class TurnETagStorage implements Storage {
  constructor(private readonly inner: Storage) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    const reads = turnReads.getStore();
    if (reads)
      for (const key of keys) {
        const eTag: unknown = items[key]?.eTag;
        if (typeof eTag === 'string') reads.set(key, eTag);
      }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const reads = turnReads.getStore();
    if (!reads) return this.inner.write(changes);
    const checked: StoreItems = {};
    for (const [key, item] of Object.entries(changes)) {
      const read = reads.get(key);
      checked[key] = item?.eTag === '*' && read !== undefined ? { ...item, eTag: read } : item;
      // The store gives the write a new eTag this turn does not learn: a second write of the key wins as before.
      reads.delete(key);
    }
    await this.inner.write(checked);
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) turnReads.getStore()?.delete(key);
    await this.inner.delete(keys);
  }
}
