import { TeamsActivityHandler, type ConversationState, type TurnContext, type UserState } from 'botbuilder';
import type { ConversationRouter } from '../dialogs/conversationRouter';
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
  ) {
    super();
    const welcome = conversationState.createProperty<WelcomeState>('welcome');

    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some(
        (member) => member.id !== context.activity.recipient?.id,
      );
      const state = await welcome.get(context, {});
      // Once per conversation, however many times the channel reports the user joining.
      if (joined && !state.welcomed) {
        state.welcomed = true;
        await router.welcome(context);
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      const state = await welcome.get(context, {});
      state.welcomed = true;
      // A card button posts its data rather than text (Web Chat's Action.Submit): read its text as typed.
      const value = context.activity.value as { text?: unknown } | undefined;
      if (!context.activity.text && typeof value?.text === 'string') context.activity.text = value.text;
      await router.onMessage(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    // Before the turn, so that "forget me" in this very conversation finds it listed.
    await this.personalData.recordConversation(context);
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
  }
}
