import { TeamsActivityHandler, type ConversationState, type TurnContext, type UserState } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { ConversationRouter } from '../dialogs/conversationRouter';
import { MainDialog, send, type ConversationData } from '../dialogs/mainDialog';
import { Replies } from '../dialogs/replies';
import type { KnowledgeIndex } from './kb/knowledgeIndex';
import type { Logger } from './logger';

interface WelcomeState {
  welcomed?: boolean;
}

/**
 * The activity handler: welcomes people, hands messages to the dialogs, and
 * saves state at the end of every turn. Teams-aware so that Teams-specific
 * events reach it as the same kinds of turns.
 */
export class BackCareBot extends TeamsActivityHandler {
  private readonly router: ConversationRouter;
  private readonly replies: Replies;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    index: KnowledgeIndex,
    logger: Logger,
  ) {
    super();
    this.replies = new Replies(index);
    const conversationData = conversationState.createProperty<ConversationData>('conversationData');
    const welcome = conversationState.createProperty<WelcomeState>('welcome');
    this.router = new ConversationRouter(
      new MainDialog(index, conversationData, logger),
      conversationState.createProperty<DialogState>('dialogState'),
      conversationData,
      this.replies,
      [conversationState, userState],
    );

    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some(
        (member) => member.id !== context.activity.recipient?.id,
      );
      const state = await welcome.get(context, {});
      // Once per conversation, however many times the channel reports the user joining.
      if (joined && !state.welcomed) {
        state.welcomed = true;
        await send(context, this.replies.welcome());
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      const state = await welcome.get(context, {});
      state.welcomed = true;
      await this.router.onMessage(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
  }
}
