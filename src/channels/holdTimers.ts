import type { Activity, ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Scheduler } from '../scheduling/scheduler';
import type { Destination, ProactiveMessages } from './proactiveMessages';

const HOLD_ENDED = 'hold-ended';
/** "Well done, you can relax" a minute late is wrong: the person has moved on. */
const STALE_AFTER_MS = 60_000;

interface HoldEnded {
  destination: Destination;
  message: Partial<Activity>;
}

/**
 * Counts a stretch's hold for the user: when the hold is over, a message
 * arrives on its own. The turn that started the hold returns at once, so a
 * hold never keeps an HTTP request open. The end of the hold is a scheduled
 * message in the shared store, sent by whichever replica is up; any new
 * message in the conversation cancels it (the user moved on). The
 * conversation's state says whether one was started, so that the turns of a
 * conversation without a hold never ask the store.
 */
export class HoldTimers {
  private readonly pending: StatePropertyAccessor<boolean>;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly proactive: ProactiveMessages,
    conversationState: ConversationState,
  ) {
    this.pending = conversationState.createProperty<boolean>('holdPending');
    scheduler.handle(HOLD_ENDED, async (job, stale) => {
      if (stale) return;
      const { destination, message } = job.payload as HoldEnded;
      await proactive.send(destination, message);
    });
  }

  canFollowUp(context: TurnContext): boolean {
    return this.proactive.canSendLater(context);
  }

  async start(context: TurnContext, seconds: number, message: Partial<Activity>): Promise<void> {
    const destination = this.proactive.destination(context);
    if (!destination) return;
    const payload: HoldEnded = { destination, message };
    await this.scheduler.schedule({
      id: holdId(context),
      kind: HOLD_ENDED,
      dueAt: Date.now() + seconds * 1000,
      staleAfterMs: STALE_AFTER_MS,
      payload,
    });
    await this.pending.set(context, true);
  }

  async cancel(context: TurnContext): Promise<void> {
    if (context.activity.conversation?.id === undefined || !(await this.pending.get(context))) return;
    await this.scheduler.cancel(holdId(context));
    await this.pending.delete(context);
  }
}

function holdId(context: TurnContext): string {
  return `hold:${context.activity.channelId}:${context.activity.conversation.id}`;
}
