import { randomUUID } from 'node:crypto';
import type { KeyStore } from './keyStore';

/** A lock outlives its holder by at most this long (a replica killed mid-turn). */
const LOCK_TTL_MS = 10_000;
const RENEW_EVERY_MS = 3_000;
/** A turn waits this long for the one before it; past that the store is in trouble and the turn fails. */
const WAIT_LIMIT_MS = 30_000;

/**
 * Runs one turn at a time per conversation and per user, so that no turn reads
 * state another is about to write. In one process a queue per key does it;
 * with replicas, each key is also a lock in the shared store (with an expiry,
 * renewed while the turn runs), taken in a fixed order so two turns cannot
 * each hold what the other waits for.
 */
export class TurnLocks {
  private readonly tails = new Map<string, Promise<void>>();

  /** `shared`: the store replicas share; without it (one process) the queues alone are enough. */
  constructor(private readonly shared?: KeyStore) {}

  async run<T>(keys: string[], work: () => Promise<T>): Promise<T> {
    const ordered = [...new Set(keys)].sort();
    const releases: (() => Promise<void>)[] = [];
    try {
      for (const key of ordered) releases.push(await this.queue(key));
      if (this.shared) for (const key of ordered) releases.push(await this.lock(this.shared, key));
      return await work();
    } finally {
      for (const release of releases.reverse()) await release();
    }
  }

  /** Waits for the turns queued before this one in this process. */
  private async queue(key: string): Promise<() => Promise<void>> {
    const before = this.tails.get(key) ?? Promise.resolve();
    let done!: () => void;
    const mine = new Promise<void>((resolve) => (done = resolve));
    const tail = before.then(() => mine);
    this.tails.set(key, tail);
    await before;
    return async () => {
      done();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
  }

  private async lock(shared: KeyStore, key: string): Promise<() => Promise<void>> {
    const name = `lock:${key}`;
    const holder = randomUUID();
    const giveUp = Date.now() + WAIT_LIMIT_MS;
    for (let pause = 5; !(await shared.setIfAbsent(name, holder, LOCK_TTL_MS)); pause = Math.min(pause * 2, 50)) {
      if (Date.now() > giveUp) throw new Error('a turn in this conversation did not finish in time');
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
    const renew = setInterval(
      () => void shared.extendIf(name, holder, LOCK_TTL_MS).catch(() => undefined),
      RENEW_EVERY_MS,
    );
    renew.unref();
    return async () => {
      clearInterval(renew);
      await shared.deleteIf(name, holder);
    };
  }
}
