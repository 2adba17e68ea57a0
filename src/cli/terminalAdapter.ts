import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';

/**
 * A Bot Framework adapter whose channel is this terminal: the same bot and
 * dialogs as the server, with replies printed as plain text.
 */
export class TerminalAdapter extends BotAdapter {
  private readonly reference: ConversationReference;

  constructor(
    private readonly print: (text: string) => void,
    userId = 'terminal-user',
  ) {
    super();
    this.reference = {
      channelId: 'terminal',
      serviceUrl: 'terminal://local',
      conversation: { id: `terminal-${randomUUID()}`, isGroup: false, name: 'terminal', conversationType: 'personal' },
      user: { id: userId, name: 'You' },
      bot: { id: 'backcare', name: 'BackCare' },
    };
  }

  /** Runs one turn for what the user typed. */
  async say(text: string, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.processActivity({ type: ActivityTypes.Message, text }, logic);
  }

  /** What a channel sends when someone opens the conversation: triggers the welcome. */
  async join(logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.processActivity({ type: ActivityTypes.ConversationUpdate, membersAdded: [this.reference.user!] }, logic);
  }

  override async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    for (const activity of activities) {
      if (activity.type === ActivityTypes.Message && activity.text) this.print(activity.text);
      if (activity.type === 'delay') await new Promise((resolve) => setTimeout(resolve, Number(activity.value) || 0));
    }
    return activities.map(() => ({ id: randomUUID() }));
  }

  override async updateActivity(): Promise<void> {
    throw new Error('the terminal cannot change a message once printed');
  }

  override async deleteActivity(): Promise<void> {
    throw new Error('the terminal cannot delete a message once printed');
  }

  override async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'continueConversation' },
      reference,
      true,
    );
    await this.runMiddleware(new TurnContext(this, activity as Activity), logic);
  }

  private async processActivity(
    partial: Partial<Activity>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { id: randomUUID(), timestamp: new Date(), ...partial },
      this.reference,
      true,
    ) as Activity;
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }
}
