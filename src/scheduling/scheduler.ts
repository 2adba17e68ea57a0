import type { Job, JobStore } from '../shared/jobStore';
import type { Logger } from '../logger';

/** `stale`: found too long after its time to be sent; a repeating job still schedules its next time. */
export type JobHandler = (job: Job, stale: boolean) => Promise<void>;

/** How often each replica looks for due jobs: a hold's end arrives within this of its time. */
const POLL_MS = 250;
/** Jobs taken per look; more wait for the next one. */
const BATCH = 50;

/**
 * Messages to send later (the end of a hold, reminders), kept in the shared
 * store with their due time. Every replica looks for due jobs; the store hands
 * each job to one of them, so a job is sent once by whichever replica is up,
 * can be cancelled from any, and outlives a restart. A job found long after
 * its time (the process was down) is stale: its handler does not send it late.
 */
export class Scheduler {
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | undefined;
  private tick: Promise<void> | undefined;

  constructor(
    private readonly jobs: JobStore,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  handle(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  schedule(job: Job): Promise<void> {
    return this.jobs.put(job);
  }

  cancel(id: string): Promise<void> {
    return this.jobs.remove(id);
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.tick ??= this.runDue().finally(() => (this.tick = undefined));
    }, POLL_MS);
    this.timer.unref();
  }

  /** Stops looking; a batch being sent finishes first. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.tick;
  }

  /** Sends what is due now (the timer calls this; tests call it to avoid waiting). */
  async runDue(): Promise<void> {
    let due: Job[];
    try {
      due = await this.jobs.claimDue(this.now(), BATCH);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not read scheduled messages');
      return;
    }
    for (const job of due) {
      const late = this.now() - job.dueAt;
      const stale = late > job.staleAfterMs;
      if (stale) this.logger.info({ kind: job.kind, lateMs: late }, 'scheduled message not sent: too late');
      const handler = this.handlers.get(job.kind);
      if (!handler) {
        this.logger.warn({ kind: job.kind }, 'scheduled message of an unknown kind dropped');
        continue;
      }
      try {
        await handler(job, stale);
      } catch (error) {
        this.logger.warn({ err: error, kind: job.kind }, 'could not send a scheduled message');
      }
    }
  }
}
