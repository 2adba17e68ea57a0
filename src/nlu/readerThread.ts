import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PROJECT_ROOT } from '../paths';
import type { DurationReading } from './durationBand';
import type { DetectedLanguage } from './language';
import { quickDuration } from './quickDuration';
import type { Answer, Question } from './readers';
import { quickSeverity, type SeverityReading } from './severity';
import type { SittingHoursReading } from './sittingHours';

/** The worker as `npm run build` compiles it (tests and the bundled server both use this file). */
const WORKER_FILE = join(PROJECT_ROOT, 'dist', 'src', 'nlu', 'readerWorker.js');

/** A question as the worker is sent it. */
export type ReaderRequest = Question & { id: number };

/**
 * The readers on this thread, for when there is no worker. Loaded only then: the server's main thread never loads
 * the recognizer packages or builds their models (about 150 ms of start-up together).
 */
function readersHere(): typeof import('./readers') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./readers') as typeof import('./readers');
}

/**
 * The slow readers (readers.ts) on a thread of their own: durations ("3 weeks", "since Christmas") with the
 * date-time recognizer, which takes about 300 ms to warm up and a few milliseconds per answer (tens on long, odd
 * ones), pain scores and sitting hours with the number recognizer (about 60 ms to load and warm up), and the
 * language detector, whose data takes about 80 ms to load. On another core that happens beside start-up and
 * other people's turns, instead of holding up the event loop. Without the worker (not built, or it failed),
 * questions are answered on this thread, as before.
 */
export class ReaderThread {
  private worker?: Worker;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve(answer: Answer): void; question: Question }>();
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
    if (!this.worker) {
      const { answer, WARM_UPS } = readersHere();
      WARM_UPS.forEach(answer);
    }
    return release;
  }

  /** The worker, listened to; undefined when it cannot be started. */
  private startWorker(): Worker | undefined {
    try {
      const worker = new Worker(WORKER_FILE);
      worker.on('message', ({ id, answer }: { id: number; answer: Answer }) => {
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

  /** A count and a unit ("3 weeks") is read here at once; the rest on the thread. */
  readDuration(text: string, today: Date): Promise<DurationReading> {
    const quick = quickDuration(text);
    if (quick) return Promise.resolve(quick);
    return this.ask({ kind: 'duration', text, today: today.getTime() }) as Promise<DurationReading>;
  }

  detectLanguage(text: string): Promise<DetectedLanguage> {
    return this.ask({ kind: 'language', text }) as Promise<DetectedLanguage>;
  }

  /** A number alone ("7", "7/10") is read here at once; the rest on the thread. */
  readSeverity(text: string): Promise<SeverityReading> {
    const quick = quickSeverity(text);
    return quick ? Promise.resolve(quick) : (this.ask({ kind: 'severity', text }) as Promise<SeverityReading>);
  }

  readSittingHours(text: string): Promise<SittingHoursReading> {
    return this.ask({ kind: 'sittingHours', text }) as Promise<SittingHoursReading>;
  }

  private ask(question: Question): Promise<Answer> {
    const worker = this.worker;
    if (!worker) return Promise.resolve(readersHere().answer(question));
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
    for (const { resolve, question } of this.waiting.values()) resolve(readersHere().answer(question));
    this.waiting.clear();
  }
}

/** One per process, shared by every bot in it. */
export const readerThread = new ReaderThread();
