import type { ConversationState, UserState } from 'botbuilder';
import type { Config } from '../src/config';
import type { KnowledgeIndex } from '../src/kb/knowledgeIndex';
import type { Knowledge } from '../src/kb/loadKnowledge';
import type { Logger } from '../src/logger';
import { RedFlagDetector } from '../src/nlu/redFlags';
import type { UserProfile } from '../src/plan/profile';
import { AssessmentDialog } from './assessmentDialog';
import { CheckInDialog } from './checkInDialog';
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
  const replies = new Replies(index);
  const detector = new RedFlagDetector(knowledge.redFlags);
  const safety = new SafetyScreen(detector, knowledge.redFlags, config.urgentAdvice, conversationData, logger);
  const mainDialog = new MainDialog(
    index,
    conversationData,
    profile,
    replies,
    logger,
    new AssessmentDialog(index, conversationData, profile, replies, safety),
    new CheckInDialog(profile, conversationData, replies),
  );
  return { mainDialog, conversationData, profile, replies, safety };
}
