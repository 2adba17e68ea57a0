import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Storage, StoreItems } from 'botbuilder';

/**
 * botbuilder's Storage on a SQLite file: the embedded default, so state
 * survives a restart with no server to run. Optimistic concurrency follows
 * MemoryStorage exactly: a write whose eTag is missing or "*" always wins, a
 * write to a key that does not exist yet always succeeds, otherwise the eTag
 * must match the stored one. Unlike MemoryStorage, a batch is one
 * transaction, so a conflict (or a full disk) leaves none of the batch written.
 * Writes asked for together (a turn saves its conversation and user state at
 * once) are committed together, each still on its own terms.
 */
export class SqliteStorage implements Storage {
  readonly db: Database.Database;
  private readonly selectOne: Database.Statement<[string], { value: string; etag: string }>;
  private readonly upsert: Database.Statement<[string, string, string]>;
  private readonly deleteOne: Database.Statement<[string]>;
  private readonly writeBatch: Database.Transaction<(batches: StoreItems[]) => void>;
  /** Writes asked for since the last commit, committed at the end of the current microtask run. */
  private pending: { changes: StoreItems; done(error?: unknown): void }[] = [];

  /**
   * Opens (or creates) the file and proves it can be written, so that a read-only file or folder stops start-up
   * with a StorageError instead of failing every turn later. `maxMegabytes` caps the file's size.
   */
  constructor(
    readonly path: string,
    { maxMegabytes }: { maxMegabytes?: number } = {},
  ) {
    try {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      this.db = new Database(path);
      this.db.pragma('journal_mode = WAL');
      // A commit is written to the WAL without waiting for the disk (the driver is synchronous, so a wait would
      // stall every turn): a crash of the process loses nothing, and the file is never corrupted; only a power
      // loss or an OS crash can undo the last commits (SQLite's recommended setting for WAL).
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('busy_timeout = 5000');
      this.db.exec('CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL, etag TEXT NOT NULL)');
      this.db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
      this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('opened', ?)").run(new Date().toISOString());
      if (maxMegabytes !== undefined) {
        const pageSize = this.db.pragma('page_size', { simple: true }) as number;
        this.db.pragma(`max_page_count = ${Math.max(1, Math.floor((maxMegabytes * 1024 * 1024) / pageSize))}`);
      }
    } catch (error) {
      throw new StorageError(`cannot write the SQLite file ${path}: ${(error as Error).message}`);
    }
    this.selectOne = this.db.prepare('SELECT value, etag FROM state WHERE key = ?');
    this.upsert = this.db.prepare(
      'INSERT INTO state (key, value, etag) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, etag = excluded.etag',
    );
    this.deleteOne = this.db.prepare('DELETE FROM state WHERE key = ?');
    this.writeBatch = this.db.transaction((batches: StoreItems[]) => {
      for (const [key, item] of batches.flatMap((changes) => Object.entries(changes))) {
        const stored = this.selectOne.get(key);
        const eTag: unknown = item?.eTag;
        if (stored && eTag && eTag !== '*' && eTag !== stored.etag) {
          throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
        }
        const newETag = randomUUID();
        this.upsert.run(key, JSON.stringify({ ...item, eTag: newETag }), newETag);
      }
    });
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const items: StoreItems = {};
    for (const key of keys) {
      const row = this.selectOne.get(key);
      if (row) items[key] = JSON.parse(row.value);
    }
    return items;
  }

  write(changes: StoreItems): Promise<void> {
    if (!changes) return Promise.reject(new ReferenceError('Changes are required when writing.'));
    return new Promise((resolve, reject) => {
      this.pending.push({ changes, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (this.pending.length === 1) queueMicrotask(() => this.commit());
    });
  }

  /**
   * One commit for the writes asked for together; should it fail, each is written alone, so that one's conflict or
   * size stays its own.
   */
  private commit(): void {
    const batch = this.pending;
    this.pending = [];
    try {
      // IMMEDIATE takes the write lock first, so another writer makes this wait (busy_timeout) instead of failing.
      this.writeBatch.immediate(batch.map(({ changes }) => changes));
      for (const { done } of batch) done();
    } catch (error) {
      if (batch.length === 1) return batch[0].done(error);
      for (const { changes, done } of batch) {
        try {
          this.writeBatch.immediate([changes]);
          done();
        } catch (alone) {
          done(alone);
        }
      }
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.deleteOne.run(key);
  }

  close(): void {
    if (this.pending.length > 0) this.commit();
    if (this.db.open) this.db.close();
  }
}

/** The store cannot be used at all (a read-only file or folder): start-up stops with this one line. */
export class StorageError extends Error {
  override name = 'StorageError';
}
