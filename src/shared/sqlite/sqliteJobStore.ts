import type Database from 'better-sqlite3';
import type { Job, JobStore } from '../jobStore';

/** Scheduled messages in the SQLite file: they survive a restart. */
export class SqliteJobStore implements JobStore {
  private readonly upsert: Database.Statement<[string, number, string]>;
  private readonly deleteOne: Database.Statement<[string]>;
  private readonly claim: Database.Transaction<(now: number, limit: number) => Job[]>;

  constructor(db: Database.Database) {
    db.exec('CREATE TABLE IF NOT EXISTS jobs (id TEXT PRIMARY KEY, due INTEGER NOT NULL, job TEXT NOT NULL)');
    db.exec('CREATE INDEX IF NOT EXISTS jobs_due ON jobs (due)');
    this.upsert = db.prepare('INSERT OR REPLACE INTO jobs (id, due, job) VALUES (?, ?, ?)');
    this.deleteOne = db.prepare('DELETE FROM jobs WHERE id = ?');
    const due = db.prepare<[number, number], { id: string; job: string }>(
      'SELECT id, job FROM jobs WHERE due <= ? ORDER BY due LIMIT ?',
    );
    this.claim = db.transaction((now: number, limit: number) =>
      due.all(now, limit).map((row) => {
        this.deleteOne.run(row.id);
        return JSON.parse(row.job) as Job;
      }),
    );
  }

  async put(job: Job): Promise<void> {
    this.upsert.run(job.id, job.dueAt, JSON.stringify(job));
  }

  async remove(id: string): Promise<void> {
    this.deleteOne.run(id);
  }

  async claimDue(now: number, limit: number): Promise<Job[]> {
    return this.claim.immediate(now, limit);
  }
}
