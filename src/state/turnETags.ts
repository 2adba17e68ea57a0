import type { Storage, StoreItem, StoreItems } from 'botbuilder';

/**
 * botbuilder's BotState saves with eTag "*", so the last writer wins. This
 * storage writes an item with the eTag it was read with instead: should two
 * turns ever overlap on one conversation or user (a lock that expired under a
 * turn that took too long), the later write fails, and the turn says so,
 * rather than silently undoing the other's change. BotState writes back the
 * very object it read, so the eTag is remembered by object (weakly: nothing is
 * kept once the turn lets go of its state); a new object ("*" on state nobody
 * read, such as a cleared one) is written as it is.
 */
export class TurnETagStorage implements Storage {
  /** The eTag each item was read with, until it is written. */
  private readonly readWith = new WeakMap<StoreItem, string>();

  constructor(private readonly inner: Storage) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    for (const key of keys) {
      const item: unknown = items[key];
      const eTag = (item as StoreItem | undefined)?.eTag;
      if (typeof eTag === 'string') this.readWith.set(item as StoreItem, eTag);
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const checked: StoreItems = {};
    for (const [key, item] of Object.entries(changes) as [string, StoreItem | undefined][]) {
      const read = item ? this.readWith.get(item) : undefined;
      checked[key] = item?.eTag === '*' && read !== undefined ? { ...item, eTag: read } : item;
      // The store gives the write a new eTag this object does not learn: a second write of it wins as before.
      if (item) this.readWith.delete(item);
    }
    await this.inner.write(checked);
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}
