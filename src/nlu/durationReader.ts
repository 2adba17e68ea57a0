import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PROJECT_ROOT } from '../paths';
import { recognizeDuration, type DurationReading } from './duration';
import type { DurationRequest } from './durationWorker';

/** The worker as `npm run build` compiles it (tests and the bundled server both use this file). */
const WORKER_FILE = join(PROJECT_ROOT, 'dist', 'src', 'nlu', 'durationWorker.js');
/** The first call builds the recognizer's model and compiles its patterns. */
export const WARM_UP = 'since last Christmas, about three weeks';

interface Waiting {
  resolve(reading: DurationReading): void;
  text: string;
  today: Date;
}

/**
 * Reads durations ("3 weeks", "since Christmas") on a worker thread. The date-time recognizer takes about 300 ms to
 * warm up and a few milliseconds per answer (tens on long, odd ones); on a thread of its own that happens on
 * another core, beside start-up and other people's turns, instead of holding up the event loop. Without the worker
 * (not built, or it failed), answers are read on this thread, as before.
 */
export class DurationReader {
  private worker?: Worker;
  private nextId = 0;
  private readonly waiting = new Map<number, Waiting>();
  private users = 0;

  /**
   * Starts the worker, which warms up on its own thread (where it cannot run, warms up the reader here). Every bot
   * in the process shares it; the returned function says this one is done, and the last one stops the worker.
   */
  start(): () => Promise<void> {
    this.users++;
    let released = false;
    const release = async () => {
      if (released) return;
      released = true;
      if (--this.users > 0 || !this.worker) return;
      const worker = this.worker;
      this.stopWorker(worker);
      await worker.terminate();
    };
    if (this.worker) return release;
    if (!existsSync(WORKER_FILE)) {
      recognizeDuration(WARM_UP, new Date());
      return release;
    }
    try {
      const worker = new Worker(WORKER_FILE);
      worker.on('message', ({ id, reading }: { id: number; reading: DurationReading }) => {
        this.waiting.get(id)?.resolve(reading);
        this.waiting.delete(id);
        if (this.waiting.size === 0) worker.unref();
      });
      worker.on('error', () => this.stopWorker(worker));
      worker.on('exit', () => this.stopWorker(worker));
      // The worker keeps the process alive only while an answer is being read. After the listeners: adding a
      // 'message' listener refs the thread again.
      worker.unref();
      this.worker = worker;
    } catch {
      this.worker = undefined;
      recognizeDuration(WARM_UP, new Date());
    }
    return release;
  }

  read(text: string, today: Date): Promise<DurationReading> {
    if (!this.worker) return Promise.resolve(recognizeDuration(text, today));
    const id = this.nextId++;
    return new Promise((resolve) => {
      if (this.waiting.size === 0) this.worker!.ref();
      this.waiting.set(id, { resolve, text, today });
      this.worker!.postMessage({ id, text, today: today.getTime() } satisfies DurationRequest);
    });
  }

  /** Whatever the worker had not answered is read here: no answer is lost. */
  private stopWorker(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    for (const { resolve, text, today } of this.waiting.values()) resolve(recognizeDuration(text, today));
    this.waiting.clear();
  }
}

/** One per process, shared by every bot in it. */
export const durationReader = new DurationReader();
