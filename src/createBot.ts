import type { Storage, TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { ConversationRouter } from '../dialogs/conversationRouter';
import { ReminderRequests } from '../dialogs/reminderRequests';
import { createDialogs } from '../dialogs/createDialogs';
import { BackCareBot } from './bot';
import type { Config } from './config';
import type { KnowledgeIndex } from './kb/knowledgeIndex';
import { loadedKnowledge, type LoadedKnowledge } from './kb/loadedKnowledge';
import type { Logger } from './logger';
import { readerThread } from './nlu/readerThread';
import { HoldTimers } from './channels/holdTimers';
import { ProactiveMessages } from './channels/proactiveMessages';
import { StretchReminders } from './channels/stretchReminders';
import { Scheduler } from './scheduling/scheduler';
import { openLocal, type SharedServices } from './shared/sharedServices';
import { TurnLocks } from './shared/turnLocks';
import { isStorageFailure, MonitoredStorage, type StorageHealth } from './state/monitoredStorage';
import { PersonalData } from './state/personalData';
import { TextCheckedConversationState, TextCheckedUserState } from './state/textCheckedState';
import { TurnETagStorage } from './state/turnETags';
import { send } from '../dialogs/send';

export interface BotParts {
  bot: BackCareBot;
  index: KnowledgeIndex;
  /** For an adapter's onTurnError: apologise, log without the user's text, and restart the dialog. */
  onTurnError(context: TurnContext, error: Error): Promise<void>;
  /** Everything stored about a person; channels listen for "forget me" here. */
  personalData: PersonalData;
  /** What replicas share (state, Direct Line conversations, scheduled messages, keys, request budgets). */
  shared: SharedServices;
  /** Adapters that can send later (the end of a hold) register here. */
  proactive: ProactiveMessages;
  storageHealth(): StorageHealth;
  /** Stops sending scheduled messages and closes the store (unless it was given). */
  close(): Promise<void>;
}

export interface BotOptions {
  /** The store replicas share; unset, the configured local one (SQLite, or memory) is opened here. */
  shared?: SharedServices;
  /** Overrides the state storage alone (tests use MemoryStorage); the rest is then in memory. */
  storage?: Storage;
  /** The clock of scheduled messages (tests move it on). */
  now?: () => number;
}

/**
 * Everything behind an adapter, wired together: knowledge, storage, state,
 * the safety screen, dialogs and the bot. The server and `backcare chat` share it.
 */
export function createBot(config: Config, logger: Logger, options: BotOptions = {}): BotParts {
  // The recognizers' first calls and the language detector's data are slow: the reader thread warms them up on
  // another core, started first so that it is ready by the time the rest of start-up is.
  const releaseReaderThread = readerThread.start();
  let loaded: LoadedKnowledge;
  let opened: SharedServices | undefined;
  try {
    loaded = loadedKnowledge(config.knowledgeDir);
    opened = options.shared
      ? undefined
      : openLocal(options.storage ? { ...config, storage: 'memory' } : config, options.storage);
  } catch (error) {
    void releaseReaderThread();
    throw error;
  }
  const shared = options.shared ?? opened!;
  const storage = new MonitoredStorage(new TurnETagStorage(shared.storage));
  const conversationState = new TextCheckedConversationState(storage);
  const userState = new TextCheckedUserState(storage);
  const personalData = new PersonalData(storage, conversationState, userState);
  const dialogState = conversationState.createProperty<DialogState>('dialogState');
  const scheduler = new Scheduler(shared.jobs, logger, options.now);
  const proactive = new ProactiveMessages();
  const holdTimers = new HoldTimers(scheduler, proactive, conversationState);
  const reminders = new StretchReminders(scheduler, proactive, options.now);
  // "Forget me" ends the person's reminders too.
  personalData.onForget(({ channelId, userId }) => reminders.stop(channelId, userId));
  const { mainDialog, conversationData, profile, replies, safety, cautions } = createDialogs(
    loaded,
    config,
    logger,
    conversationState,
    userState,
    holdTimers,
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
    new ReminderRequests(reminders, profile, conversationData, replies),
    cautions,
  );
  scheduler.start();

  return {
    bot: new BackCareBot(
      conversationState,
      userState,
      router,
      personalData,
      new TurnLocks(shared.replicated ? shared.keys : undefined),
    ),
    index: loaded.index,
    personalData,
    shared,
    proactive,
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
    close: async () => {
      await releaseReaderThread();
      await scheduler.close();
      await opened?.close();
    },
  };
}
