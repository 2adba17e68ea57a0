import { ConversationState, UserState, type Storage, type TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { ConversationRouter } from '../dialogs/conversationRouter';
import { createDialogs } from '../dialogs/createDialogs';
import { BackCareBot } from './bot';
import type { Config } from './config';
import type { KnowledgeIndex } from './kb/knowledgeIndex';
import { loadedKnowledge } from './kb/loadedKnowledge';
import type { Logger } from './logger';
import { warmUpRecognizers } from './nlu/warmUp';
import { createStorage } from './state/createStorage';
import { isStorageFailure, MonitoredStorage, type StorageHealth } from './state/monitoredStorage';
import { PersonalData } from './state/personalData';
import { send } from '../dialogs/send';

export interface BotParts {
  bot: BackCareBot;
  index: KnowledgeIndex;
  /** For an adapter's onTurnError: apologise, log without the user's text, and restart the dialog. */
  onTurnError(context: TurnContext, error: Error): Promise<void>;
  /** Everything stored about a person; channels listen for "forget me" here. */
  personalData: PersonalData;
  storageHealth(): StorageHealth;
  close(): void;
}

/**
 * Everything behind an adapter, wired together: knowledge, storage, state,
 * the safety screen, dialogs and the bot. The server and `backcare chat` share it.
 */
export function createBot(config: Config, logger: Logger, givenStorage?: Storage): BotParts {
  const loaded = loadedKnowledge(config.knowledgeDir);
  const created = givenStorage ? undefined : createStorage(config);
  const storage = new MonitoredStorage(givenStorage ?? created!.storage);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const personalData = new PersonalData(storage, conversationState, userState);
  const dialogState = conversationState.createProperty<DialogState>('dialogState');
  const { mainDialog, conversationData, profile, replies, safety, holdTimers } = createDialogs(
    loaded,
    config,
    logger,
    conversationState,
    userState,
  );
  const router = new ConversationRouter(
    mainDialog,
    dialogState,
    conversationData,
    replies,
    personalData,
    safety,
    profile,
    holdTimers,
    loaded.index,
  );
  // The recognizers' first calls are slow (models load, date-time ~350 ms): pay that now, not on a user's turn.
  warmUpRecognizers();

  return {
    bot: new BackCareBot(conversationState, userState, router, personalData),
    index: loaded.index,
    personalData,
    storageHealth: () => storage.health,
    onTurnError: async (context, error) => {
      // The error, never the message that caused it: that is the user's health information.
      logger.error(
        { err: error, channel: context.activity.channelId, activityType: context.activity.type },
        'turn failed',
      );
      try {
        if (isStorageFailure(error)) {
          // What is stored is intact (writes are all or nothing); writing again now would only fail again.
          await send(context, replies.notSaved());
          return;
        }
        await send(context, replies.turnFailed());
        // A broken dialog stack would fail again on the next message: restart the dialog, and keep everything else
        // (a warning sign's hold, the profile) as it was stored before this turn.
        await conversationState.load(context, true);
        await dialogState.delete(context);
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
