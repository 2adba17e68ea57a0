import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { RedisClient } from './redisConnection';

/**
 * Checks every eTag of a batch, then writes the whole batch, in one script: Redis runs it atomically, so a
 * conflict leaves none of the batch written (as the SQLite store). ARGV holds (expected eTag, new eTag, value) per key.
 */
const WRITE_BATCH = `
for i, key in ipairs(KEYS) do
  local expected = ARGV[(i - 1) * 3 + 1]
  if expected ~= '' and expected ~= '*' then
    local current = redis.call('HGET', key, 'etag')
    if current and current ~= expected then return i end
  end
end
for i, key in ipairs(KEYS) do
  redis.call('HSET', key, 'etag', ARGV[(i - 1) * 3 + 2], 'value', ARGV[(i - 1) * 3 + 3])
end
return 0`;

/**
 * botbuilder's Storage on Redis, for replicas. The same optimistic concurrency
 * as the SQLite store and MemoryStorage: a write whose eTag is missing or "*"
 * wins, a write to a new key succeeds, otherwise the eTag must match. Keys
 * carry the deployment's prefix, so one Redis can serve several.
 */
export class RedisStorage implements Storage {
  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const values = await Promise.all(keys.map((key) => this.client.hGet(this.prefix + key, 'value')));
    const items: StoreItems = {};
    keys.forEach((key, i) => {
      const value = values[i];
      if (typeof value === 'string') items[key] = JSON.parse(value);
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const keys = Object.keys(changes);
    if (keys.length === 0) return;
    const args = keys.flatMap((key) => {
      const item = changes[key];
      const eTag = typeof item?.eTag === 'string' ? item.eTag : '';
      const newETag = randomUUID();
      return [eTag, newETag, JSON.stringify({ ...item, eTag: newETag })];
    });
    const conflict = await this.client.eval(WRITE_BATCH, {
      keys: keys.map((key) => this.prefix + key),
      arguments: args,
    });
    if (conflict !== 0) throw new Error(`Storage: error writing "${keys[Number(conflict) - 1]}" due to eTag conflict.`);
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length > 0) await this.client.del(keys.map((key) => this.prefix + key));
  }
}
