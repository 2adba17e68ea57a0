import type { StatePropertyAccessor } from 'botbuilder';
import {
  ChoicePrompt,
  ComponentDialog,
  ListStyle,
  supportsCardActions,
  supportsSuggestedActions,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type FoundChoice,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { renderPlan } from '../src/channels/planCard';
import { renderReply } from '../src/channels/reply';
import { SURE_CONFIDENCE, type KnowledgeIndex } from '../src/kb/knowledgeIndex';
import type { Topic } from '../src/kb/loadKnowledge';
import type { RoutineFinder } from '../src/kb/routineFinder';
import { wantsAssessment } from '../src/nlu/assessmentIntent';
import { recognizeCommand } from '../src/nlu/commands';
import type { UserProfile } from '../src/plan/profile';
import type { Logger } from '../src/logger';
import { answerTopic } from './answerTopic';
import { ASSESSMENT_DIALOG, type AssessmentDialog } from './assessmentDialog';
import { CHECK_IN_DIALOG, type CheckInDialog, type CheckInOptions } from './checkInDialog';
import { ROUTINE_DIALOG, type RoutineDialog, type RoutineOptions } from './routineDialog';
import type { ConversationData } from './conversationData';
import type { Replies } from './replies';
import { send } from './send';

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
    // Always valid: an answer that is not one of the choices is a new question, not a mistake to re-ask.
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

    switch (recognizeCommand(text)) {
      case 'greeting':
        await send(step.context, this.replies.greeting());
        return step.endDialog();
      case 'thanks':
        await send(step.context, this.replies.thanks());
        return step.endDialog();
      case 'goodbye':
        await send(step.context, this.replies.goodbye());
        return step.endDialog();
      case 'clinicianChecked': {
        const profile = await this.profile.get(step.context, {});
        const hadWarningSign = profile.warningSign !== undefined;
        if (profile.warningSign) profile.warningSign.cleared = 'clinician';
        await send(step.context, hadWarningSign ? this.replies.clinicianChecked() : this.replies.thanks());
        return step.endDialog();
      }
      case 'whatDoYouKnow': {
        const profile = await this.profile.get(step.context, {});
        await send(step.context, this.replies.whatIKnow(profile));
        return step.endDialog();
      }
      case 'showPlan': {
        const { plan } = await this.profile.get(step.context, {});
        if (plan)
          await step.context.sendActivity(renderPlan(plan, step.context.activity.channelId, 'Here is your plan.'));
        else await send(step.context, this.replies.noPlanYet());
        return step.endDialog();
      }
      case 'resume': {
        const { routineProgress } = await this.profile.get(step.context, {});
        if (routineProgress)
          return step.replaceDialog(ROUTINE_DIALOG, {
            routineId: routineProgress.routineId,
            resumeAt: routineProgress.step,
          } satisfies RoutineOptions);
        await send(step.context, this.replies.nothingToContinue());
        return step.endDialog();
      }
      case 'more': {
        const { lastTopicId } = await this.conversationData.get(step.context, {});
        await send(step.context, this.replies.more(lastTopicId ? this.index.topics.get(lastTopicId) : undefined));
        return step.endDialog();
      }
      default:
        break;
    }

    const titled = this.index.findByTitle(text);
    if (titled) return this.answer(step, titled);
    const request = this.routines.request(text);
    if (request) {
      const { lastTopicId } = await this.conversationData.get(step.context, {});
      const routine = request.kind === 'named' ? request.routine : lastTopicId && this.routines.forTopic(lastTopicId);
      if (routine) return step.replaceDialog(ROUTINE_DIALOG, { routineId: routine.id } satisfies RoutineOptions);
      await send(step.context, this.replies.whichRoutine());
      return step.endDialog();
    }
    if (wantsAssessment(text)) return step.replaceDialog(ASSESSMENT_DIALOG);

    const match = this.index.match(text);
    this.logger.info({ event: 'match', topic: match.topic, confidence: match.confidence }, 'knowledge match');
    this.logger.debug({ text }, 'message text (debug only)');
    if (match.topic && match.confidence >= SURE_CONFIDENCE)
      return this.answer(step, this.index.topics.get(match.topic)!);
    if (match.topic) {
      const candidates = [match.topic, ...match.alternatives.map((alternative) => alternative.topic)].slice(0, 3);
      const reply = this.replies.unsure(candidates);
      const choices = reply.actions!;
      const channelId = step.context.activity.channelId;
      // botbuilder falls back to a numbered list when a choice is longer than 20 characters; our titles are, and
      // channels with buttons show them well, so buttons are rendered like every other reply.
      const buttons =
        supportsSuggestedActions(channelId, choices.length) || supportsCardActions(channelId, choices.length);
      return step.prompt(CLARIFY_PROMPT, {
        prompt: buttons ? renderReply(reply, channelId) : reply.text,
        choices,
        style: buttons ? ListStyle.none : ListStyle.list,
      });
    }
    await send(step.context, this.replies.noMatch());
    return step.endDialog();
  }

  private async clarifiedStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = step.result as FoundChoice | undefined;
    const chosen = choice ? this.index.findByTitle(choice.value) : undefined;
    if (chosen) return this.answer(step, chosen);
    if (choice) {
      await send(step.context, this.replies.somethingElse());
      return step.endDialog();
    }
    // Not one of the choices: the user asked something new.
    return step.replaceDialog(ROUTE);
  }

  private async answer(step: WaterfallStepContext, topic: Topic): Promise<DialogTurnResult> {
    await answerTopic(step.context, topic, this.conversationData, this.profile, this.replies);
    return step.endDialog();
  }
}
