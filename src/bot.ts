import { TeamsActivityHandler, type ConversationState, type TurnContext, type UserState } from 'botbuilder';
import type { ConversationRouter } from '../dialogs/conversationRouter';
import { send } from '../dialogs/mainDialog';
import type { Replies } from '../dialogs/replies';

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
    replies: Replies,
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
        await send(context, replies.welcome());
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      const state = await welcome.get(context, {});
      state.welcomed = true;
      await router.onMessage(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
  }
}
