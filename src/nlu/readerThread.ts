import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PROJECT_ROOT } from '../paths';
import { recognizeDuration, type DurationReading } from './duration';
import { detectLanguage, type DetectedLanguage } from './language';

/** The worker as `npm run build` compiles it (tests and the bundled server both use this file). */
const WORKER_FILE = join(PROJECT_ROOT, 'dist', 'src', 'nlu', 'readerWorker.js');
/** The first call builds the recognizer's model and compiles its patterns. */
const WARM_UP = 'since last Christmas, about three weeks';

/** What the readers are asked (a Date does not cross threads as a Date: `today` is milliseconds since 1970). */
type Question = { kind: 'duration'; text: string; today: number } | { kind: 'language'; text: string };
/** A question as the worker is sent it. */
export type ReaderRequest = Question & { id: number };

/** The readers' slow first calls (the recognizer's model, the detector's data), on the calling thread. */
export function warmUpReaders(): void {
  answer({ kind: 'duration', text: WARM_UP, today: Date.now() });
  answer({ kind: 'language', text: WARM_UP });
}

/** A question's answer, read on the calling thread (the worker's, or this one when there is no worker). */
export function answer(question: Question): DurationReading | DetectedLanguage {
  return question.kind === 'duration'
    ? recognizeDuration(question.text, new Date(question.today))
    : detectLanguage(question.text);
}

/**
 * The slow readers on a thread of their own: durations ("3 weeks", "since Christmas") with the date-time
 * recognizer, which takes about 300 ms to warm up and a few milliseconds per answer (tens on long, odd ones), and
 * the language detector, whose data takes about 80 ms to load. On another core that happens beside start-up and
 * other people's turns, instead of holding up the event loop. Without the worker (not built, or it failed),
 * questions are answered on this thread, as before.
 */
export class ReaderThread {
  private worker?: Worker;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve(answer: unknown): void; question: Question }>();
  private users = 0;

  /**
   * Starts the worker, which warms up on its own thread (where it cannot run, the readers are warmed here). Every
   * bot in the process shares it; the returned function says this one is done, and the last one stops the worker.
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
    this.worker = existsSync(WORKER_FILE) ? this.startWorker() : undefined;
    if (!this.worker) warmUpReaders();
    return release;
  }

  /** The worker, listened to; undefined when it cannot be started. */
  private startWorker(): Worker | undefined {
    try {
      const worker = new Worker(WORKER_FILE);
      worker.on('message', ({ id, answer }: { id: number; answer: unknown }) => {
        this.waiting.get(id)?.resolve(answer);
        this.waiting.delete(id);
        if (this.waiting.size === 0) worker.unref();
      });
      worker.on('error', () => this.stopWorker(worker));
      worker.on('exit', () => this.stopWorker(worker));
      // The worker keeps the process alive only while it is asked something. After the listeners: adding a
      // 'message' listener refs the thread again.
      worker.unref();
      return worker;
    } catch {
      return undefined;
    }
  }

  readDuration(text: string, today: Date): Promise<DurationReading> {
    return this.ask({ kind: 'duration', text, today: today.getTime() }) as Promise<DurationReading>;
  }

  detectLanguage(text: string): Promise<DetectedLanguage> {
    return this.ask({ kind: 'language', text }) as Promise<DetectedLanguage>;
  }

  private ask(question: Question): Promise<unknown> {
    const worker = this.worker;
    if (!worker) return Promise.resolve(answer(question));
    const id = this.nextId++;
    return new Promise((resolve) => {
      if (this.waiting.size === 0) worker.ref();
      this.waiting.set(id, { resolve, question });
      worker.postMessage({ ...question, id } satisfies ReaderRequest);
    });
  }

  /** Whatever the worker had not answered is answered here: no question is lost. */
  private stopWorker(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    for (const { resolve, question } of this.waiting.values()) resolve(answer(question));
    this.waiting.clear();
  }
}

/** One per process, shared by every bot in it. */
export const readerThread = new ReaderThread();
