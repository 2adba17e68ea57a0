import type { Activity, TurnContext } from 'botbuilder';
import type { ReminderRule } from '../nlu/reminderRequest';
import { nextReminderAt } from '../scheduling/reminderTimes';
import type { Scheduler } from '../scheduling/scheduler';
import type { Destination, ProactiveMessages } from './proactiveMessages';

const REMINDER = 'stretch-reminder';
/** A reminder more than ten minutes late is skipped (the next one is still set). */
const STALE_AFTER_MS = 10 * 60_000;

interface ReminderJob {
  destination: Destination;
  rule: ReminderRule;
  timeZone: string;
  message: Partial<Activity>;
}

/**
 * Opt-in stretch-break reminders: each is a scheduled message in the shared
 * store that, when sent, schedules the next one, so one replica or another
 * sends each reminder once and they carry on after a restart. One set per
 * person and channel; asking again replaces it.
 */
export class StretchReminders {
  constructor(
    private readonly scheduler: Scheduler,
    private readonly proactive: ProactiveMessages,
    private readonly now: () => number = Date.now,
  ) {
    scheduler.handle(REMINDER, async (job, stale) => {
      const reminder = job.payload as ReminderJob;
      await this.scheduleNext(job.id, reminder);
      if (!stale) await proactive.send(reminder.destination, reminder.message);
    });
  }

  canRemind(context: TurnContext): boolean {
    return this.proactive.canSendLater(context);
  }

  /** Starts (or replaces) the person's reminders; resolves with when the first one comes. */
  async start(
    context: TurnContext,
    rule: ReminderRule,
    timeZone: string,
    message: Partial<Activity>,
  ): Promise<number | undefined> {
    const destination = this.proactive.destination(context);
    if (!destination) return undefined;
    return this.scheduleNext(reminderId(context.activity.channelId, context.activity.from.id), {
      destination,
      rule,
      timeZone,
      message,
    });
  }

  stop(channelId: string, userId: string): Promise<void> {
    return this.scheduler.cancel(reminderId(channelId, userId));
  }

  private async scheduleNext(id: string, reminder: ReminderJob): Promise<number> {
    const dueAt = nextReminderAt(reminder.rule, reminder.timeZone, this.now());
    await this.scheduler.schedule({ id, kind: REMINDER, dueAt, staleAfterMs: STALE_AFTER_MS, payload: reminder });
    return dueAt;
  }
}

function reminderId(channelId: string, userId: string): string {
  return `reminder:${channelId}:${userId}`;
}
