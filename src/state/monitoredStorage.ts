import type { Storage, StoreItems } from 'botbuilder';

/** Errors that came out of a store (disk full, read-only, locked, unreachable), not out of the bot's own code. */
const storageFailures = new WeakSet<object>();

export interface StorageHealth {
  ok: boolean;
  /** What went wrong with the last failed call, in words fit for a health check (no keys, no data). */
  problem?: string;
}

/**
 * Storage that remembers whether its last call failed, for `/healthz`: a
 * full disk or a locked database shows there, and clears with the next call
 * that succeeds.
 */
export class MonitoredStorage implements Storage {
  private failure: string | undefined;
  /** How many calls have failed so far. */
  private failures = 0;

  constructor(private readonly inner: Storage) {}

  get health(): StorageHealth {
    return this.failure === undefined ? { ok: true } : { ok: false, problem: this.failure };
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.watch(() => this.inner.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.watch(() => this.inner.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.watch(() => this.inner.delete(keys));
  }

  private async watch<T>(call: () => Promise<T>): Promise<T> {
    const failuresBefore = this.failures;
    try {
      const result = await call();
      // Only a call made since the last failure shows the store is well again: one that overlapped it (a turn's
      // other write, committed apart from the one that failed) does not.
      if (this.failures === failuresBefore) this.failure = undefined;
      return result;
    } catch (error) {
      // An eTag conflict is a race between two turns, not a fault of the store.
      if (!isConflict(error)) {
        this.failures++;
        this.failure = describeStorageFailure(error);
        if (typeof error === 'object' && error !== null) storageFailures.add(error);
      }
      throw error;
    }
  }
}

/** A failure of the store itself, as opposed to a bug or an eTag conflict. */
export function isStorageFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && storageFailures.has(error);
}

function isConflict(error: unknown): boolean {
  return error instanceof Error && /eTag conflict/i.test(error.message);
}

function describeStorageFailure(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (code === 'SQLITE_FULL') return 'the disk is full';
  if (code === 'SQLITE_READONLY') return 'the database cannot be written';
  if (code === 'SQLITE_BUSY') return 'the database is locked by another process';
  return typeof code === 'string' ? `storage error (${code})` : 'storage error';
}
