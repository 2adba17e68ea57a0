import { MemoryStorage, type Storage } from 'botbuilder';
import type { Config } from '../config';
import { SqliteStorage } from './sqliteStorage';

export interface ClosableStorage {
  storage: Storage;
  close(): void;
}

/** The storage the configuration asks for; SQLite is the embedded default, memory is for tests and throwaway runs. */
export function createStorage(config: Pick<Config, 'storage' | 'sqlitePath' | 'sqliteMaxMegabytes'>): ClosableStorage {
  if (config.storage === 'memory') return { storage: new MemoryStorage(), close: () => undefined };
  const sqlite = new SqliteStorage(config.sqlitePath, { maxMegabytes: config.sqliteMaxMegabytes });
  return { storage: sqlite, close: () => sqlite.close() };
}
