import { CloudAdapterBase, DeliveryModes, TurnContext, type Activity } from 'botbuilder';
import type { Logger } from '../logger';

/** Channels that take a bot's message outside a turn (a proactive message). */
const PROACTIVE_CHANNELS = new Set(['msteams', 'slack', 'webchat', 'directline', 'emulator', 'telegram', 'facebook']);

/**
 * Counts a stretch's hold for the user: when the hold is over, a message
 * arrives on its own, sent through the adapter as a proactive message. The
 * turn that started the hold returns at once, so a hold never keeps an HTTP
 * request open. Any new message in the conversation cancels its timer (the
 * user moved on), and timers do not keep the process alive.
 */
export class HoldTimers {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(private readonly logger: Logger) {}

  /** Whether a message can follow later: not with expectReplies (one response per request) or a turn-only adapter. */
  canFollowUp(context: TurnContext): boolean {
    return (
      context.adapter instanceof CloudAdapterBase &&
      context.activity.deliveryMode !== DeliveryModes.ExpectReplies &&
      PROACTIVE_CHANNELS.has(context.activity.channelId)
    );
  }

  start(context: TurnContext, seconds: number, message: Partial<Activity>): void {
    const adapter = context.adapter as CloudAdapterBase;
    // The identity this turn was authenticated with: right for whichever adapter (Azure's, or our Direct Line's).
    const identity = context.turnState.get<Parameters<CloudAdapterBase['continueConversationAsync']>[0]>(
      adapter.BotIdentityKey,
    );
    const reference = TurnContext.getConversationReference(context.activity);
    const key = context.activity.conversation.id;
    this.cancel(context);
    const timer = setTimeout(() => {
      this.pending.delete(key);
      adapter
        .continueConversationAsync(identity, reference, async (later) => {
          await later.sendActivity(message);
        })
        .catch((error: unknown) => this.logger.warn({ err: error }, 'could not send the end of a hold'));
    }, seconds * 1000);
    timer.unref();
    this.pending.set(key, timer);
  }

  cancel(context: TurnContext): void {
    const key = context.activity.conversation?.id;
    const timer = key === undefined ? undefined : this.pending.get(key);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.pending.delete(key!);
  }

  close(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
