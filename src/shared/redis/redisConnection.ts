import type { RedisClientType } from 'redis';
import type { Logger } from '../../logger';
import { StorageError } from '../../state/sqliteStorage';

/** The client `createClient` makes with no modules, functions or scripts, speaking RESP3. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type RedisClient = RedisClientType<{}, {}, {}, 3, {}>;

/** Start-up waits this long for Redis before giving up with one line. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * A connected client. `redis` is required here, not at the top of the file: a
 * server on SQLite (the default) never loads it. After start-up the client
 * reconnects on its own; commands sent meanwhile fail, and the turn says so.
 */
export async function connectRedis(url: string, logger: Logger): Promise<RedisClient> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createClient: create } = require('redis') as typeof import('redis');
  const client = create({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: CONNECT_TIMEOUT_MS, reconnectStrategy: (retries) => Math.min(retries * 100, 2_000) },
  });
  let connected = false;
  client.on('error', (error: Error) => {
    // Before the first connection the error is start-up's to report; after it, reconnecting is logged once a try.
    if (connected) logger.warn({ err: error }, 'redis connection problem');
  });
  try {
    await client.connect();
  } catch (error) {
    client.destroy();
    throw new StorageError(`cannot connect to Redis at ${redactedUrl(url)}: ${(error as Error).message}`);
  }
  connected = true;
  return client;
}

/** The URL without its password, fit for a log line. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured REDIS_URL';
  }
}
