import type Database from 'better-sqlite3';
import type { KeyStore } from '../keyStore';

/** Expired rows are swept after this many writes, so the table holds only live keys and recent marks. */
const SWEEP_EVERY_WRITES = 500;

/** The KeyStore in the SQLite file (one process): expiry is a column, checked on read. */
export class SqliteKeyStore implements KeyStore {
  private readonly insert: Database.Statement<[string, string, number | null]>;
  private readonly select: Database.Statement<[string, number], { value: string }>;
  private readonly dropExpired: Database.Statement<[number]>;
  private readonly dropIfExpired: Database.Statement<[string, number]>;
  private readonly dropIf: Database.Statement<[string, string]>;
  private readonly renew: Database.Statement<[number, string, string, number]>;
  private writes = 0;

  constructor(
    db: Database.Database,
    private readonly now: () => number = Date.now,
  ) {
    db.exec('CREATE TABLE IF NOT EXISTS shared_keys (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires INTEGER)');
    this.insert = db.prepare('INSERT OR IGNORE INTO shared_keys (key, value, expires) VALUES (?, ?, ?)');
    this.select = db.prepare('SELECT value FROM shared_keys WHERE key = ? AND (expires IS NULL OR expires > ?)');
    this.dropExpired = db.prepare('DELETE FROM shared_keys WHERE expires IS NOT NULL AND expires <= ?');
    this.dropIfExpired = db.prepare('DELETE FROM shared_keys WHERE key = ? AND expires IS NOT NULL AND expires <= ?');
    this.dropIf = db.prepare('DELETE FROM shared_keys WHERE key = ? AND value = ?');
    this.renew = db.prepare(
      'UPDATE shared_keys SET expires = ? WHERE key = ? AND value = ? AND (expires IS NULL OR expires > ?)',
    );
  }

  async setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean> {
    const now = this.now();
    if (++this.writes % SWEEP_EVERY_WRITES === 0) this.dropExpired.run(now);
    else this.dropIfExpired.run(key, now);
    return this.insert.run(key, value, ttlMs === undefined ? null : now + ttlMs).changes === 1;
  }

  async get(key: string): Promise<string | undefined> {
    return this.select.get(key, this.now())?.value;
  }

  async deleteIf(key: string, value: string): Promise<boolean> {
    return this.dropIf.run(key, value).changes === 1;
  }

  async extendIf(key: string, value: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    return this.renew.run(now + ttlMs, key, value, now).changes === 1;
  }
}
