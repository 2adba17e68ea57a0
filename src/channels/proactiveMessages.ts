import { CloudAdapterBase, DeliveryModes, TurnContext, type Activity, type ConversationReference } from 'botbuilder';

/** Channels that take a bot's message outside a turn (a proactive message). */
const PROACTIVE_CHANNELS = new Set(['msteams', 'slack', 'webchat', 'directline', 'emulator', 'telegram', 'facebook']);

/** Where a later message goes, stored with the job: plain data, so any replica can send it. */
export interface Destination {
  /** Which of the server's adapters (Azure's, our Direct Line's, our Slack bridge's) carries it. */
  route: string;
  /** The bot's app id the turn was for ('' without authentication). */
  botAppId: string;
  reference: Partial<ConversationReference>;
}

/**
 * Sends messages outside a turn, from a stored destination. Each replica
 * registers the same adapters under the same names, so a message scheduled on
 * one replica can be sent by another.
 */
export class ProactiveMessages {
  private readonly adapters = new Map<string, CloudAdapterBase>();

  register(route: string, adapter: CloudAdapterBase): void {
    this.adapters.set(route, adapter);
  }

  /** Whether a message can follow later: not with expectReplies (one response per request) or a turn-only adapter. */
  canSendLater(context: TurnContext): boolean {
    return (
      this.routeOf(context) !== undefined &&
      context.activity.deliveryMode !== DeliveryModes.ExpectReplies &&
      PROACTIVE_CHANNELS.has(context.activity.channelId)
    );
  }

  /** The destination of this turn's conversation; undefined when it cannot take a later message. */
  destination(context: TurnContext): Destination | undefined {
    if (!this.canSendLater(context)) return undefined;
    const route = this.routeOf(context)!;
    const adapter = context.adapter as CloudAdapterBase;
    const identity = context.turnState.get<{ claims?: { type: string; value: string }[] }>(adapter.BotIdentityKey);
    const botAppId = identity?.claims?.find((claim) => claim.type === 'aud')?.value ?? '';
    return { route, botAppId, reference: TurnContext.getConversationReference(context.activity) };
  }

  async send(destination: Destination, activity: Partial<Activity>): Promise<void> {
    const adapter = this.adapters.get(destination.route);
    if (!adapter) throw new Error(`no adapter for ${destination.route}`);
    await adapter.continueConversationAsync(destination.botAppId, destination.reference, async (later) => {
      await later.sendActivity(activity);
    });
  }

  private routeOf(context: TurnContext): string | undefined {
    if (!(context.adapter instanceof CloudAdapterBase)) return undefined;
    for (const [route, adapter] of this.adapters) if (adapter === context.adapter) return route;
    return undefined;
  }
}
