import Database from 'better-sqlite3';
import { MemoryStorage, type Storage } from 'botbuilder';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { ConversationStore } from '../channels/directLine/conversationStore';
import type { Config } from '../config';
import type { LimiterFactory } from '../http/requestBudget';
import type { Logger } from '../logger';
import { SqliteStorage } from '../state/sqliteStorage';
import type { JobStore } from './jobStore';
import type { KeyStore } from './keyStore';
import { connectRedis, redactedUrl, type RedisClient } from './redis/redisConnection';
import { RedisConversationStore } from './redis/redisConversationStore';
import { RedisJobStore } from './redis/redisJobStore';
import { RedisKeyStore } from './redis/redisKeyStore';
import { RedisStorage } from './redis/redisStorage';
import { SqliteConversationStore } from './sqlite/sqliteConversationStore';
import { SqliteJobStore } from './sqlite/sqliteJobStore';
import { SqliteKeyStore } from './sqlite/sqliteKeyStore';

/** SQLite's idle Direct Line conversations are swept this often (Redis expires its own keys). */
const SWEEP_MS = 60_000;

/**
 * Everything a replica shares with the others, in one store: bot state,
 * Direct Line conversations, scheduled messages, small keys (locks, secrets,
 * "seen once" marks) and request budgets. SQLite (one process, the default),
 * memory (tests and throwaway runs) or Redis (replicas).
 */
export interface SharedServices {
  storage: Storage;
  conversations: ConversationStore;
  jobs: JobStore;
  keys: KeyStore;
  limiter: LimiterFactory;
  /** True when other processes use the same store: turns then lock in it, not only in this process. */
  replicated: boolean;
  /** For the start-up line: where things are kept (no passwords). */
  where: string;
  /** False while the store cannot be reached (Redis down; the client reconnects by itself). */
  reachable(): boolean;
  close(): Promise<void>;
}

type StorageSettings = Pick<Config, 'storage' | 'sqlitePath' | 'sqliteMaxMegabytes' | 'redis'>;

/** The configured store, connected (Redis is reached before the server listens, or start-up stops). */
export async function openSharedServices(config: StorageSettings, logger: Logger): Promise<SharedServices> {
  return config.storage === 'redis' ? openRedis(config, logger) : openLocal(config);
}

/** SQLite or memory: nothing to wait for. */
export function openLocal(config: StorageSettings, storage?: Storage): SharedServices {
  if (config.storage === 'redis') throw new Error('Redis is opened with openSharedServices');
  const sqlite =
    config.storage === 'sqlite' && !storage
      ? new SqliteStorage(config.sqlitePath, { maxMegabytes: config.sqliteMaxMegabytes })
      : undefined;
  const db = sqlite?.db ?? new Database(':memory:');
  const conversations = new SqliteConversationStore(db);
  const sweep = setInterval(() => conversations.expireIdle(), SWEEP_MS);
  sweep.unref();
  return {
    storage: storage ?? sqlite ?? new MemoryStorage(),
    conversations,
    jobs: new SqliteJobStore(db),
    keys: new SqliteKeyStore(db),
    limiter: (name, points, duration) => new RateLimiterMemory({ keyPrefix: name, points, duration }),
    replicated: false,
    where: sqlite ? sqlite.path : 'memory',
    reachable: () => db.open,
    close: async () => {
      clearInterval(sweep);
      if (db.open) db.close();
    },
  };
}

async function openRedis(config: StorageSettings, logger: Logger): Promise<SharedServices> {
  const { url, prefix } = config.redis!;
  return redisServices(await connectRedis(url, logger), prefix, redactedUrl(url));
}

/** Everything on a connected Redis client, every key under `prefix`; closing them closes the client. */
export function redisServices(client: RedisClient, prefix: string, where: string): SharedServices {
  return {
    storage: new RedisStorage(client, `${prefix}state:`),
    conversations: new RedisConversationStore(client, prefix),
    jobs: new RedisJobStore(client, prefix),
    keys: new RedisKeyStore(client, prefix),
    limiter: (name, points, duration) =>
      new RateLimiterRedis({
        storeClient: client,
        useRedisPackage: true,
        keyPrefix: `${prefix}rate:${name}`,
        points,
        duration,
      }),
    replicated: true,
    where,
    reachable: () => client.isReady,
    close: async () => {
      await client.close().catch(() => client.destroy());
    },
  };
}
