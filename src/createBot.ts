import { ConversationState, UserState, type Storage, type TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { ConversationRouter } from '../dialogs/conversationRouter';
import { createDialogs } from '../dialogs/createDialogs';
import { BackCareBot } from './bot';
import type { Config } from './config';
import { KnowledgeIndex } from './kb/knowledgeIndex';
import { loadKnowledge } from './kb/loadKnowledge';
import type { Logger } from './logger';
import { warmUpRecognizers } from './nlu/warmUp';
import { createStorage } from './state/createStorage';

export interface BotParts {
  bot: BackCareBot;
  index: KnowledgeIndex;
  /** For an adapter's onTurnError: apologise, log without the user's text, and reset the conversation. */
  onTurnError(context: TurnContext, error: Error): Promise<void>;
  close(): void;
}

/**
 * Everything behind an adapter, wired together: knowledge, storage, state,
 * the safety screen, dialogs and the bot. The server and `backcare chat` share it.
 */
export function createBot(config: Config, logger: Logger, givenStorage?: Storage): BotParts {
  const knowledge = loadKnowledge(config.knowledgeDir);
  const index = new KnowledgeIndex(knowledge);
  const created = givenStorage ? undefined : createStorage(config);
  const storage = givenStorage ?? created!.storage;
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const { mainDialog, conversationData, profile, replies, safety, holdTimers } = createDialogs(
    knowledge,
    index,
    config,
    logger,
    conversationState,
    userState,
  );
  const router = new ConversationRouter(
    mainDialog,
    conversationState.createProperty<DialogState>('dialogState'),
    conversationData,
    replies,
    [conversationState, userState],
    safety,
    profile,
    holdTimers,
  );
  // The recognizers' first calls are slow (models load, date-time ~350 ms): pay that now, not on a user's turn.
  warmUpRecognizers();

  return {
    bot: new BackCareBot(conversationState, userState, router),
    index,
    onTurnError: async (context, error) => {
      // The error, never the message that caused it: that is the user's health information.
      logger.error(
        { err: error, channel: context.activity.channelId, activityType: context.activity.type },
        'turn failed',
      );
      try {
        await context.sendActivity("Sorry, something went wrong on my side. Please try again, or say 'start over'.");
        // A broken dialog stack would fail again on the next message: start this conversation afresh.
        await conversationState.delete(context);
        await conversationState.saveChanges(context, true);
      } catch (followUp) {
        logger.error({ err: followUp }, 'could not recover from a failed turn');
      }
    },
    close: () => {
      holdTimers.close();
      created?.close();
    },
  };
}
