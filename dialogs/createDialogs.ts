import type { ConversationState, UserState } from 'botbuilder';
import type { Config } from '../src/config';
import { HoldTimers } from '../src/channels/holdTimers';
import type { KnowledgeIndex } from '../src/kb/knowledgeIndex';
import { RoutineFinder } from '../src/kb/routineFinder';
import type { Knowledge } from '../src/kb/loadKnowledge';
import type { Logger } from '../src/logger';
import { RedFlagDetector } from '../src/nlu/redFlags';
import type { UserProfile } from '../src/plan/profile';
import { AssessmentDialog } from './assessmentDialog';
import { CheckInDialog } from './checkInDialog';
import { RoutineDialog } from './routineDialog';
import type { ConversationData } from './conversationData';
import { MainDialog } from './mainDialog';
import { Replies } from './replies';
import { SafetyScreen } from './safetyScreen';

/** The dialogs and what they share, wired once for the bot and for dialog tests that drive MainDialog alone. */
export function createDialogs(
  knowledge: Knowledge,
  index: KnowledgeIndex,
  config: Config,
  logger: Logger,
  conversationState: ConversationState,
  userState: UserState,
) {
  const conversationData = conversationState.createProperty<ConversationData>('conversationData');
  const profile = userState.createProperty<UserProfile>('profile');
  const routines = new RoutineFinder(knowledge.routines);
  const replies = new Replies(index, routines, config.webChat.branding.botName);
  const holdTimers = new HoldTimers(logger);
  const detector = new RedFlagDetector(knowledge.redFlags);
  const safety = new SafetyScreen(detector, knowledge.redFlags, config.urgentAdvice, conversationData, logger);
  const mainDialog = new MainDialog(
    index,
    conversationData,
    profile,
    replies,
    logger,
    routines,
    new AssessmentDialog(index, conversationData, profile, replies, safety),
    new CheckInDialog(profile, conversationData, replies),
    new RoutineDialog(routines, index, conversationData, profile, replies, holdTimers),
  );
  return { mainDialog, conversationData, profile, replies, safety, holdTimers };
}
