import type { ConversationState, UserState } from 'botbuilder';
import type { Config } from '../src/config';
import type { HoldTimers } from '../src/channels/holdTimers';
import { SURE_CONFIDENCE, type KnowledgeIndex } from '../src/kb/knowledgeIndex';
import { wantsAssessment } from '../src/nlu/assessmentIntent';
import { recognizeCommand, SMALL_TALK } from '../src/nlu/commands';
import { RoutineFinder } from '../src/kb/routineFinder';
import type { LoadedKnowledge } from '../src/kb/loadedKnowledge';
import type { Logger } from '../src/logger';
import { LanguageCheck } from '../src/nlu/languageCheck';
import { PlanBuilder } from '../src/plan/buildPlan';
import type { UserProfile } from '../src/plan/profile';
import type { Utterance } from '../src/nlu/utterance';
import { AssessmentDialog } from './assessmentDialog';
import { CheckInDialog } from './checkInDialog';
import { RoutineDialog } from './routineDialog';
import type { ConversationData } from './conversationData';
import { MainDialog } from './mainDialog';
import { Replies } from './replies';
import { SafetyScreen } from './safetyScreen';
import { StatedCautions } from './statedCautions';

/** Steering commands (not "thanks" or "hi", which are replies too) and questions the dialogs answer. */
function isRequest(message: Utterance, index: KnowledgeIndex, routines: RoutineFinder): boolean {
  const command = recognizeCommand(message);
  if (command && !SMALL_TALK.includes(command)) return true;
  const { text } = message;
  if (wantsAssessment(text) || routines.request(text) || index.findByTitle(text)) return true;
  const match = index.match(message);
  return match.topic !== null && match.confidence >= SURE_CONFIDENCE;
}

/** The dialogs and what they share, wired once for the bot and for dialog tests that drive MainDialog alone. */
export function createDialogs(
  { knowledge, index, triage }: LoadedKnowledge,
  config: Config,
  logger: Logger,
  conversationState: ConversationState,
  userState: UserState,
  holdTimers: HoldTimers,
) {
  const conversationData = conversationState.createProperty<ConversationData>('conversationData');
  const profile = userState.createProperty<UserProfile>('profile');
  const routines = new RoutineFinder(knowledge.routines);
  const plans = new PlanBuilder(knowledge.plan, knowledge.routines, knowledge.cautions);
  const cautions = new StatedCautions(knowledge.cautions, profile, conversationData, plans);
  const replies = new Replies(
    index,
    routines,
    config.webChat.branding,
    config.microsoftApp.appId,
    cautions,
    knowledge.safetyMessages,
  );
  const safety = new SafetyScreen(
    triage,
    knowledge.redFlags,
    config.urgentAdvice,
    conversationData,
    profile,
    new LanguageCheck(),
    logger,
    (message) => isRequest(message, index, routines),
  );
  const mainDialog = new MainDialog(
    index,
    conversationData,
    profile,
    replies,
    logger,
    routines,
    new AssessmentDialog(index, conversationData, profile, replies, safety, cautions, plans),
    new CheckInDialog(profile, replies, safety, plans),
    new RoutineDialog(routines, index, conversationData, profile, replies, holdTimers, cautions),
  );
  return { mainDialog, conversationData, profile, replies, safety, cautions };
}
