import type { StatePropertyAccessor } from 'botbuilder';
import {
  ChoicePrompt,
  ComponentDialog,
  ListStyle,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { renderPlan } from '../src/channels/planCard';
import { renderReply, showsButtons, type Reply } from '../src/channels/reply';
import { isSharedConversation } from '../src/channels/sharedConversation';
import { SURE_CONFIDENCE, type KnowledgeIndex } from '../src/kb/knowledgeIndex';
import type { Topic, TopicSection } from '../src/kb/loadKnowledge';
import type { RoutineFinder } from '../src/kb/routineFinder';
import { wantsAssessment } from '../src/nlu/assessmentIntent';
import { meantInstead, recognizeCommand } from '../src/nlu/commands';
import { pickedNumber, pickOption } from '../src/nlu/pickOption';
import { planEntries } from '../src/plan/planText';
import { recognizeYesNoUnsure } from '../src/nlu/choiceAnswers';
import { normaliseText } from '../src/nlu/normalise';
import type { UserProfile } from '../src/plan/profile';
import type { Logger } from '../src/logger';
import { answerTopic } from './answerTopic';
import { ASSESSMENT_DIALOG, type AssessmentDialog, type AssessmentOptions } from './assessmentDialog';
import { CHECK_IN_DIALOG, type CheckInDialog, type CheckInOptions } from './checkInDialog';
import { ROUTINE_DIALOG, type RoutineDialog, type RoutineOptions } from './routineDialog';
import type { ConversationData } from './conversationData';
import type { Replies } from './replies';
import { send } from './send';
import { userDate } from './userClock';
import { utteranceOf } from './utteranceOf';

export const MAIN_DIALOG = 'main';
const ROUTE = 'main.route';
const CLARIFY_PROMPT = 'main.clarify';

export interface MainDialogOptions {
  /** Start with the returning user's check-in instead of reading a message. */
  checkIn?: boolean;
}

/**
 * Answers each message: small talk, "tell me more" and the user's own data
 * directly, a request for help with their back by starting the assessment,
 * questions from the knowledge base. When the best topic is not a sure match
 * it asks which topic was meant; a reply that is not one of the offered
 * topics is taken as a new question.
 */
export class MainDialog extends ComponentDialog<MainDialogOptions> {
  constructor(
    private readonly index: KnowledgeIndex,
    private readonly conversationData: StatePropertyAccessor<ConversationData>,
    private readonly profile: StatePropertyAccessor<UserProfile>,
    private readonly replies: Replies,
    private readonly logger: Logger,
    private readonly routines: RoutineFinder,
    assessment: AssessmentDialog,
    checkIn: CheckInDialog,
    routine: RoutineDialog,
  ) {
    super(MAIN_DIALOG);
    // Always valid: the reply is read by pickOption, and one that picks nothing is a new question, not a mistake.
    this.addDialog(new ChoicePrompt(CLARIFY_PROMPT, async () => true));
    this.addDialog(new WaterfallDialog(ROUTE, [this.routeStep.bind(this), this.clarifiedStep.bind(this)]));
    this.addDialog(assessment);
    this.addDialog(checkIn);
    this.addDialog(routine);
    this.initialDialogId = ROUTE;
  }

  protected override async onBeginDialog(
    innerDc: DialogContext,
    options?: MainDialogOptions,
  ): Promise<DialogTurnResult> {
    if (options?.checkIn)
      return innerDc.beginDialog(CHECK_IN_DIALOG, { notAScoreDialogId: ROUTE } satisfies CheckInOptions);
    return innerDc.beginDialog(ROUTE);
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = step.context.activity.text ?? '';
    if (text.trim() === '') {
      await send(step.context, this.replies.notText());
      return step.endDialog();
    }

    const data = await this.conversationData.get(step.context, {});
    if (data.askedAnythingElse) {
      delete data.askedAnythingElse;
      const reply = anythingElseReply(text);
      if (reply === 'yes') return this.sendAndEnd(step, this.replies.whatElse());
      if (reply === 'no') return this.sendAndEnd(step, this.replies.goodbye());
    }

    const line = data.planShown ? pickedNumber(text) : null;
    if (line !== null) {
      const { plan } = await this.profile.get(step.context, {});
      if (plan) {
        const entries = planEntries(plan);
        const entry = entries[line - 1];
        return this.sendAndEnd(
          step,
          entry ? this.replies.planEntry(entry) : this.replies.noSuchPlanLine(entries.length),
        );
      }
    }

    const message = utteranceOf(step.context, this.index);
    // Everyone in a group chat or channel reads the bot's questions and the answers to them.
    const shared = isSharedConversation(step.context.activity);
    switch (recognizeCommand(message)) {
      case 'greeting':
        return this.sendAndEnd(step, this.replies.greeting());
      case 'thanks':
        await send(step.context, this.replies.thanks());
        data.askedAnythingElse = true;
        return step.endDialog();
      case 'goodbye':
        return this.sendAndEnd(step, this.replies.goodbye());
      case 'acknowledge':
        return this.sendAndEnd(step, this.replies.acknowledged());
      case 'complaint':
        return this.sendAndEnd(step, this.replies.complaint());
      case 'human':
        return this.sendAndEnd(step, this.replies.human());
      case 'correction': {
        const alternatives = data.lastAlternatives ?? [];
        data.lastAlternatives = [];
        // One other candidate: that is "the other one". Several: ask which, as for any unsure match.
        if (alternatives.length === 1) return this.answer(step, this.index.topics.get(alternatives[0])!);
        if (alternatives.length > 1) return this.offer(step, this.replies.corrected(alternatives));
        return this.sendAndEnd(step, this.replies.corrected([]));
      }
      case 'clinicianChecked': {
        if (shared) return this.offerPrivateChat(step);
        const profile = await this.profile.get(step.context, {});
        const hadWarningSign = profile.warningSign !== undefined;
        if (profile.warningSign) profile.warningSign.cleared = 'clinician';
        await send(step.context, hadWarningSign ? this.replies.clinicianChecked() : this.replies.thanks());
        return step.endDialog();
      }
      case 'whatDoYouKnow': {
        if (shared) return this.offerPrivateChat(step);
        const profile = await this.profile.get(step.context, {});
        await send(step.context, this.replies.whatIKnow(profile, userDate(step.context.activity)));
        return step.endDialog();
      }
      case 'showPlan': {
        if (shared) return this.offerPrivateChat(step);
        const { plan } = await this.profile.get(step.context, {});
        if (plan) {
          await step.context.sendActivity(renderPlan(plan, step.context.activity.channelId, 'Here is your plan.'));
          data.planShown = true;
        } else await send(step.context, this.replies.noPlanYet());
        return step.endDialog();
      }
      case 'resume': {
        if (shared) return this.offerPrivateChat(step);
        const { routineProgress, assessmentProgress } = await this.profile.get(step.context, {});
        // Both paused: the one left last. (A walkthrough saved before times were kept counts as older.)
        if (assessmentProgress && assessmentProgress.savedAt > (routineProgress?.savedAt ?? ''))
          return step.replaceDialog(ASSESSMENT_DIALOG, { resume: assessmentProgress } satisfies AssessmentOptions);
        if (routineProgress)
          return step.replaceDialog(ROUTINE_DIALOG, {
            routineId: routineProgress.routineId,
            resumeAt: routineProgress.step,
          } satisfies RoutineOptions);
        await send(step.context, this.replies.nothingToContinue());
        return step.endDialog();
      }
      case 'more': {
        const data = await this.conversationData.get(step.context, {});
        const topic = data.lastTopicId ? this.index.topics.get(data.lastTopicId) : undefined;
        await send(step.context, this.replies.more(topic, data.lastSection));
        // After a part answered first comes the rest of the topic, and after that its detail.
        delete data.lastSection;
        return step.endDialog();
      }
      case 'sources': {
        const { lastTopicId } = await this.conversationData.get(step.context, {});
        await send(step.context, this.replies.sources(lastTopicId ? this.index.topics.get(lastTopicId) : undefined));
        return step.endDialog();
      }
      default:
        break;
    }

    const titled = this.index.findByTitle(text);
    if (titled) return this.answer(step, titled);
    const request = this.routines.request(text);
    if (shared && (request || wantsAssessment(text))) return this.offerPrivateChat(step);
    if (request) {
      const { lastTopicId } = await this.conversationData.get(step.context, {});
      const routine = request.kind === 'named' ? request.routine : lastTopicId && this.routines.forTopic(lastTopicId);
      if (routine) return step.replaceDialog(ROUTINE_DIALOG, { routineId: routine.id } satisfies RoutineOptions);
      await send(step.context, this.replies.whichRoutine());
      return step.endDialog();
    }
    if (wantsAssessment(text)) return step.replaceDialog(ASSESSMENT_DIALOG);

    // "No, I meant the stretches": the question is what they meant.
    const meant = meantInstead(text);
    const question = meant === undefined ? message : this.index.read(meant);
    const match = this.index.match(question);
    this.logger.info({ event: 'match', topic: match.topic, confidence: match.confidence }, 'knowledge match');
    this.logger.debug({ text }, 'message text (debug only)');
    const comparison = this.index.comparison(question, match);
    if (comparison && !comparison.answeredBy) {
      const [first, second] = comparison.sides.map((id) => this.index.topics.get(id)!);
      await send(step.context, this.replies.twoTopics(first, second));
      return step.endDialog();
    }
    if (match.topic && match.confidence >= SURE_CONFIDENCE) {
      return this.answer(
        step,
        this.index.topics.get(match.topic)!,
        // After the topic on a comparison, "not that one" means one of its sides.
        comparison?.sides.filter((side) => side !== match.topic) ??
          match.alternatives.map((alternative) => alternative.topic),
        this.index.sectionFor(match.topic, question),
      );
    }
    if (match.topic) {
      const candidates = [match.topic, ...match.alternatives.map((alternative) => alternative.topic)].slice(0, 3);
      return this.offer(step, this.replies.unsure(candidates));
    }
    await send(step.context, this.replies.noMatch(data.misses ?? 0));
    data.misses = (data.misses ?? 0) + 1;
    return step.endDialog();
  }

  /** Offers topics as choices; the next message is read as one of them (a tap, "2", "the first one", a word). */
  private async offer(step: WaterfallStepContext, reply: Reply): Promise<DialogTurnResult> {
    const choices = reply.actions!;
    (step.values as { offered?: string[] }).offered = choices;
    const channelId = step.context.activity.channelId;
    // botbuilder falls back to a numbered list when a choice is longer than 20 characters; our titles are, and
    // channels with buttons show them well, so buttons are rendered like every other reply.
    const buttons = showsButtons(channelId, choices.length);
    return step.prompt(CLARIFY_PROMPT, {
      prompt: buttons ? renderReply(reply, channelId) : reply.text,
      choices,
      style: buttons ? ListStyle.none : ListStyle.list,
    });
  }

  private async clarifiedStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { offered = [] } = step.values as { offered?: string[] };
    const picked = pickOption(step.context.activity.text ?? '', offered);
    if (picked === null) return step.replaceDialog(ROUTE); // Not one of the choices: the user asked something new.
    const chosen = this.index.findByTitle(offered[picked]);
    if (chosen) return this.answer(step, chosen);
    await send(step.context, this.replies.somethingElse());
    return step.endDialog();
  }

  private offerPrivateChat(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.sendAndEnd(step, this.replies.privateChat(step.context.activity.channelId));
  }

  private async sendAndEnd(step: WaterfallStepContext, reply: Reply): Promise<DialogTurnResult> {
    await send(step.context, reply);
    return step.endDialog();
  }

  /** Answers a topic; `alternatives` are the other topics it could have been, for a following "not that one". */
  private async answer(
    step: WaterfallStepContext,
    topic: Topic,
    alternatives: string[] = [],
    section?: TopicSection,
  ): Promise<DialogTurnResult> {
    await answerTopic(step.context, topic, this.conversationData, this.profile, this.replies, section);
    (await this.conversationData.get(step.context, {})).lastAlternatives = alternatives;
    return step.endDialog();
  }
}

/** A bare yes or no to "Anything else?" ("no thanks", "nope, that's all"); anything longer is a new message. */
function anythingElseReply(text: string): 'yes' | 'no' | undefined {
  const command = recognizeCommand(text);
  if (
    command === 'cancel' ||
    command === 'goodbye' ||
    /^(no|nope|nah)?\s*(thats all|that is all|im good|all good|im fine|nothing else)$/.test(normaliseText(text))
  )
    return 'no';
  if (text.trim().split(/\s+/).length > 3) return undefined;
  const answer = recognizeYesNoUnsure(text);
  return answer === 'unsure' || answer === null ? undefined : answer;
}
