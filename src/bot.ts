import { Channels, TeamsActivityHandler, type ConversationState, type TurnContext, type UserState } from 'botbuilder';
import { tappedButtonText } from './channels/buttonTaps';
import { isSharedConversation, mentionsBot, removeBotMention } from './channels/sharedConversation';
import type { ConversationRouter } from '../dialogs/conversationRouter';
import type { TurnLocks } from './shared/turnLocks';
import type { PersonalData } from './state/personalData';

interface WelcomeState {
  welcomed?: boolean;
}

/**
 * The activity handler: welcomes people, hands messages to the turn router,
 * and saves state at the end of every turn. Teams-aware so that Teams-specific
 * events reach it as the same kinds of turns.
 */
export class BackCareBot extends TeamsActivityHandler {
  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    router: ConversationRouter,
    private readonly personalData: PersonalData,
    private readonly turns: TurnLocks,
  ) {
    super();
    const welcome = conversationState.createProperty<WelcomeState>('welcome');

    const welcomeOnce = async (context: TurnContext) => {
      const state = await welcome.get(context, {});
      // Once per conversation, however many times the channel reports the user joining or the app installed.
      if (state.welcomed) return;
      state.welcomed = true;
      await router.welcome(context);
    };

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const added = context.activity.membersAdded ?? [];
      // Teams reports everyone who joins a group chat or team: the bot welcomes when it is added itself. Elsewhere
      // the bot is there from the start, and the person joining is the one to welcome.
      const welcomeNow =
        context.activity.channelId === Channels.Msteams
          ? added.some((member) => member.id === botId)
          : added.some((member) => member.id !== botId);
      if (welcomeNow) await welcomeOnce(context);
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await welcomeOnce(context);
      await next();
    });

    this.onMessage(async (context, next) => {
      const { activity } = context;
      const tapped = tappedButtonText(activity);
      // In a group chat or channel the bot speaks when spoken to: an @mention, or one of its own buttons.
      if (isSharedConversation(activity) && !mentionsBot(activity) && tapped === undefined) return next();
      removeBotMention(activity);
      (await welcome.get(context, {})).welcomed = true;
      if (!activity.text && tapped !== undefined) activity.text = tapped;
      await router.onMessage(context);
      await next();
    });
  }

  /**
   * One turn at a time per conversation and per user (messages sent at once, a poll on another replica): each turn
   * reads the state the one before it saved.
   */
  override async run(context: TurnContext): Promise<void> {
    const { channelId, conversation, from } = context.activity;
    const keys = [`conversation:${channelId}:${conversation?.id}`];
    if (from?.id) keys.push(`user:${channelId}:${from.id}`);
    await this.turns.run(keys, () => this.runTurn(context));
  }

  private async runTurn(context: TurnContext): Promise<void> {
    // Before the turn, so that "forget me" in this very conversation finds it listed.
    await this.personalData.recordConversation(context);
    await super.run(context);
    // Together: the store may commit both at once.
    await Promise.all([this.conversationState.saveChanges(context, false), this.userState.saveChanges(context, false)]);
  }
}
