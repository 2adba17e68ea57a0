import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { renderPlan } from '../src/channels/planCard';
import type { Reply } from '../src/channels/reply';
import type { KnowledgeIndex } from '../src/kb/knowledgeIndex';
import { recognizeYesNoUnsure } from '../src/nlu/choiceAnswers';
import { recognizeCommand } from '../src/nlu/commands';
import { recognizePause } from '../src/nlu/pauseRequest';
import { normaliseText } from '../src/nlu/normalise';
import type { PlanBuilder } from '../src/plan/buildPlan';
import {
  warningSignUnchecked,
  type AssessmentAnswers,
  type AssessmentProgress,
  type UserProfile,
} from '../src/plan/profile';
import { answerKnowledgeQuestion } from './answerTopic';
import {
  BAND_NUMBERS,
  describeAnswers,
  QUESTIONS,
  readBand,
  readHowMany,
  readRoughlyHowLong,
  type Band,
  type Question,
  type Reading,
} from './assessmentQuestions';
import type { ConversationData } from './conversationData';
import { recordPainScore } from './painHistory';
import type { Replies } from './replies';
import type { SafetyScreen } from './safetyScreen';
import type { StatedCautions } from './statedCautions';
import { send } from './send';
import { utteranceOf } from './utteranceOf';
import { userDate, userToday } from './userClock';

export const ASSESSMENT_DIALOG = 'assessment';
const SUMMARY = QUESTIONS.length;
/** After this many answers we could not read, the question is left out rather than asked forever. */
const MAX_MISSES = 3;

type Pending =
  | { kind: 'severityBands' }
  | { kind: 'severityInBand'; band: Band }
  /** "Yes, one of these" on the checklist: which one, because the advice differs. */
  | { kind: 'whichSign' }
  /** A plain "yes" to the massage cautions: which, since the plan and routines depend on it (asked once). */
  | { kind: 'whichCaution' }
  /** After a warning sign on the checklist: carry on to a plan that starts with a doctor, or stop. */
  | { kind: 'carryOn' }
  /** From the summary: which answer to change. */
  | { kind: 'changeWhich' }
  /** "For months": about how many (asked once). */
  | { kind: 'howMany'; unit: 'weeks' | 'months'; estimate: AssessmentAnswers }
  /** "Ages": roughly how long (asked once). */
  | { kind: 'roughlyHowLong' };

export interface AssessmentOptions {
  /** Picking up a paused assessment where it was left. */
  resume?: AssessmentProgress;
}

interface AssessmentState {
  /** The question being asked; SUMMARY when all have been. */
  index: number;
  /** The first question asked: the checklist is not asked again after a warning sign in this conversation. */
  first: number;
  answers: AssessmentAnswers;
  misses: number;
  pending?: Pending;
  /** Changing one answer from the summary: go back to the summary afterwards. */
  correcting?: boolean;
  /** The checklist was skipped or not answered once, and its reason given: the next time counts as "not sure". */
  checklistExplained?: boolean;
  previousScore?: number;
  /** The question whose answer was last acknowledged: two in a row would sound like a script. */
  acknowledged?: number;
}

const CARRY_ON = 'Carry on';
const STOP_HERE = 'Stop here';
const CONFIRM = 'Yes, show my plan';
const CHANGE = 'Change an answer';

/**
 * The assessment: warning signs, then pain, how long, trend and lifestyle,
 * one question per turn; then a summary the user can correct, then the plan.
 * Any question can be skipped, the previous one revisited, and a knowledge
 * question asked in between. A custom dialog rather than a waterfall because
 * "back" and "change an answer" move freely between questions.
 */
export class AssessmentDialog extends Dialog {
  constructor(
    private readonly index: KnowledgeIndex,
    private readonly conversationData: StatePropertyAccessor<ConversationData>,
    private readonly profile: StatePropertyAccessor<UserProfile>,
    private readonly replies: Replies,
    private readonly safety: SafetyScreen,
    private readonly cautions: StatedCautions,
    private readonly plans: PlanBuilder,
  ) {
    super(ASSESSMENT_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: AssessmentOptions): Promise<DialogTurnResult> {
    const profile = await this.profile.get(dc.context, {});
    // A new assessment replaces a paused one (its first question keeps its progress); a resumed one carries on.
    const resume = options?.resume;
    const state: AssessmentState = {
      index: resume?.index ?? 0,
      first: resume?.first ?? 0,
      answers: { ...resume?.answers },
      misses: 0,
      previousScore: profile.painHistory?.at(-1)?.score,
    };
    dc.activeDialog!.state = state;
    if (resume) {
      if (warningSignUnchecked(profile)) state.answers.warningSigns = 'yes';
      if (state.index < state.first || (state.index === 0 && state.answers.warningSigns === 'yes'))
        state.index = state.first = 1;
      return this.ask(dc, state, "Welcome back: let's carry on where we left off. ");
    }
    if (warningSignUnchecked(profile)) {
      // Already answered with urgent advice: no need to ask about warning signs again.
      state.answers.warningSigns = 'yes';
      state.index = state.first = 1;
      await send(dc.context, {
        text: this.replies.safetyMessages.planAfterWarningSign,
      });
    } else {
      await send(dc.context, {
        text: "Let's work out a plan for you. I'll ask a few short questions; you can say **skip**, **back** or **stop** at any time.",
      });
    }
    return this.ask(dc, state);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as AssessmentState;
    const text = dc.context.activity.text ?? '';
    const utterance = utteranceOf(dc.context, this.index);
    const command = recognizeCommand(utterance);
    if (command === 'back') return this.back(dc, state);
    if (command === 'skip' && QUESTIONS[state.index]?.id === 'warningSigns' && !state.pending)
      return this.checklistNotAnswered(dc, state);
    if (command === 'skip' && state.index < SUMMARY) {
      // Skipping "carry on?" after a warning sign carries on: the warning sign itself is not taken back; nor is the
      // yes to the cautions when which one is not said.
      if (state.pending?.kind !== 'carryOn' && state.pending?.kind !== 'whichCaution')
        clearAnswer(state, QUESTIONS[state.index]);
      return this.advance(dc, state);
    }
    const pause = recognizePause(utterance);
    if (pause === 'moment') {
      await send(dc.context, { text: "Take your time, I'll be here." });
      return Dialog.EndOfTurn;
    }
    if (pause === 'later') return this.pause(dc, state);
    if (state.pending) return this.continuePending(dc, state, state.pending, text);
    if (state.index === SUMMARY) return this.continueSummary(dc, state, text);

    const question = QUESTIONS[state.index];
    // "I'm pregnant" answers the cautions question as a yes, and the caution is kept.
    const named = question.id === 'massageCautions' ? this.cautions.read(text) : [];
    if (named.length > 0) await this.cautions.keep(dc.context, named);
    const reading =
      named.length > 0
        ? ({ kind: 'answer', answers: { massageCautions: 'yes' } } as const)
        : await question.read(text, userToday(dc.context.activity));
    if (named.length === 0 && reading.kind === 'answer' && reading.answers.massageCautions === 'yes') {
      clearAnswer(state, question);
      Object.assign(state.answers, reading.answers);
      state.pending = { kind: 'whichCaution' };
      return this.ask(dc, state);
    }
    return this.onReading(dc, state, question, reading, text);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.send(context, instance.state as AssessmentState);
  }

  private async onReading(
    dc: DialogContext,
    state: AssessmentState,
    question: Question,
    reading: Reading,
    text: string,
  ): Promise<DialogTurnResult> {
    switch (reading.kind) {
      case 'answer': {
        clearAnswer(state, question);
        Object.assign(state.answers, reading.answers);
        if (question.id === 'warningSigns' && reading.answers.warningSigns === 'no' && this.safety.noButASign(text))
          state.answers.warningSigns = 'yes';
        if (question.id === 'warningSigns' && state.answers.warningSigns === 'yes') {
          state.pending = { kind: 'whichSign' };
          return this.ask(dc, state);
        }
        return this.advance(dc, state, this.acknowledgement(state, question));
      }
      case 'severityBands':
      case 'severityInBand':
      case 'howMany':
      case 'roughlyHowLong':
        state.pending = reading;
        return this.ask(dc, state);
      case 'miss':
        if (question.id === 'warningSigns' && !(await this.answeredKnowledgeQuestion(dc.context)))
          return this.checklistNotAnswered(dc, state);
        return this.notUnderstood(dc, state, text, reading.hint);
    }
  }

  /**
   * The checklist cannot be skipped quietly: the first time, say why it matters and ask again; after that,
   * count it as "not sure", so the plan starts with seeing a doctor.
   */
  private async checklistNotAnswered(dc: DialogContext, state: AssessmentState): Promise<DialogTurnResult> {
    if (!state.checklistExplained) {
      state.checklistExplained = true;
      await send(dc.context, this.safety.whyChecklistMatters());
      return Dialog.EndOfTurn;
    }
    state.answers.warningSigns = 'unsure';
    await send(dc.context, {
      text: this.replies.safetyMessages.checklistCountedUnsure,
    });
    return this.advance(dc, state);
  }

  private async continuePending(
    dc: DialogContext,
    state: AssessmentState,
    pending: Pending,
    text: string,
  ): Promise<DialogTurnResult> {
    switch (pending.kind) {
      case 'severityBands':
      case 'severityInBand': {
        const read = await readBand(text);
        if (typeof read === 'number')
          return this.onReading(
            dc,
            state,
            QUESTIONS[state.index],
            { kind: 'answer', answers: { severity: read } },
            text,
          );
        if (read) {
          state.pending = { kind: 'severityInBand', band: read };
          return this.ask(dc, state);
        }
        return this.notUnderstood(dc, state, text);
      }
      case 'whichCaution': {
        // Whatever the answer, the yes stands; a caution named is kept ("rather not say" keeps none).
        const named = this.cautions.readWhich(text);
        if (named.length > 0) await this.cautions.keep(dc.context, named);
        return this.advance(dc, state);
      }
      case 'whichSign': {
        // A sign the message itself reported was already answered by the safety screen; this reads a tapped label.
        await this.safety.reportChecklistSign(dc.context, text);
        state.pending = { kind: 'carryOn' };
        return this.ask(dc, state);
      }
      case 'carryOn': {
        const normalised = normaliseText(text);
        if (
          /^(carry on|continue|go on|keep going|ok|okay|carry on anyway)$/.test(normalised) ||
          recognizeYesNoUnsure(text) === 'yes'
        )
          return this.advance(dc, state);
        if (/^(stop here|stop|no|no thanks|not now|later)$/.test(normalised)) {
          await send(dc.context, {
            text: "OK. Please get checked first. I'm here whenever you'd like to carry on: just say **make me a plan**.",
          });
          delete (await this.profile.get(dc.context, {})).assessmentProgress;
          return dc.endDialog();
        }
        return this.notUnderstood(dc, state, text);
      }
      case 'howMany': {
        const answers = await readHowMany(text, pending.unit, pending.estimate, userToday(dc.context.activity));
        return this.onReading(dc, state, QUESTIONS[state.index], { kind: 'answer', answers }, text);
      }
      case 'roughlyHowLong': {
        const answers = await readRoughlyHowLong(text, userToday(dc.context.activity));
        if (answers) return this.onReading(dc, state, QUESTIONS[state.index], { kind: 'answer', answers }, text);
        if (recognizeYesNoUnsure(text) === 'unsure') {
          clearAnswer(state, QUESTIONS[state.index]);
          await send(dc.context, { text: "No problem, let's leave that one out." });
          return this.advance(dc, state);
        }
        return this.notUnderstood(dc, state, text);
      }
      case 'changeWhich': {
        const question = questionMentioned(text);
        if (!question) return this.notUnderstood(dc, state, text);
        state.index = QUESTIONS.indexOf(question);
        state.correcting = true;
        state.pending = undefined;
        state.misses = 0;
        return this.ask(dc, state);
      }
    }
  }

  private async continueSummary(dc: DialogContext, state: AssessmentState, text: string): Promise<DialogTurnResult> {
    const normalised = normaliseText(text);
    const mentioned = questionMentioned(text);
    if (
      /\b(change|wrong|incorrect|not correct|fix|edit|not right|mistake)\b/.test(normalised) ||
      recognizeYesNoUnsure(text) === 'no'
    ) {
      if (mentioned && normalised !== normaliseText(CHANGE)) {
        return this.continuePending(dc, state, { kind: 'changeWhich' }, text);
      }
      state.pending = { kind: 'changeWhich' };
      return this.ask(dc, state);
    }
    if (
      recognizeYesNoUnsure(text) === 'yes' ||
      /^(show (me )?my plan|thats right|that is right|right|looks (good|right)|all (good|correct)|perfect|spot on|correct)$/.test(
        normalised,
      )
    )
      return this.finish(dc, state);
    return this.notUnderstood(dc, state, text);
  }

  private answeredKnowledgeQuestion(context: TurnContext): Promise<boolean> {
    const message = utteranceOf(context, this.index);
    return answerKnowledgeQuestion(context, message, this.index, this.conversationData, this.profile, this.replies);
  }

  /** prefix: said before the next question, such as an acknowledgement of the answer just given. */
  private async advance(dc: DialogContext, state: AssessmentState, prefix = ''): Promise<DialogTurnResult> {
    state.pending = undefined;
    state.misses = 0;
    state.index = state.correcting ? SUMMARY : state.index + 1;
    state.correcting = false;
    return this.ask(dc, state, prefix);
  }

  /** A few words on a notable answer, unless the answer before was acknowledged too. */
  private acknowledgement(state: AssessmentState, question: Question): string {
    const said = question.acknowledge?.(state.answers);
    const justAcknowledged = state.acknowledged === state.index - 1;
    state.acknowledged = said && !justAcknowledged ? state.index : undefined;
    return state.acknowledged === undefined ? '' : `${said} `;
  }

  /** "Can we carry on later": the answers so far are kept with the person, for "continue" in any conversation. */
  private async pause(dc: DialogContext, state: AssessmentState): Promise<DialogTurnResult> {
    await this.keep(dc.context, state);
    await send(dc.context, {
      text: "No problem. I've kept your answers so far: say **continue** whenever you're ready, even another day.",
    });
    return dc.endDialog();
  }

  private async back(dc: DialogContext, state: AssessmentState): Promise<DialogTurnResult> {
    if (state.pending)
      state.pending = undefined; // out of a follow-up, back to the question (or summary) it followed
    else if (state.index > state.first) state.index -= 1;
    else await send(dc.context, { text: "This is the first question, so there's nothing to go back to." });
    state.misses = 0;
    state.correcting = false;
    return this.ask(dc, state);
  }

  /** An answer we could not read: maybe a knowledge question, answered before asking again; otherwise a miss. */
  private async notUnderstood(
    dc: DialogContext,
    state: AssessmentState,
    text: string,
    hint?: string,
  ): Promise<DialogTurnResult> {
    if (await this.answeredKnowledgeQuestion(dc.context)) return this.ask(dc, state, 'Back to my question: ');
    return this.miss(dc, state, hint);
  }

  private async miss(dc: DialogContext, state: AssessmentState, hint?: string): Promise<DialogTurnResult> {
    state.misses += 1;
    if (state.misses >= MAX_MISSES && state.index < SUMMARY) {
      await send(dc.context, { text: "No problem, let's leave that one out." });
      clearAnswer(state, QUESTIONS[state.index]);
      return this.advance(dc, state);
    }
    await this.send(dc.context, state, hint);
    return Dialog.EndOfTurn;
  }

  private async ask(dc: DialogContext, state: AssessmentState, prefix = ''): Promise<DialogTurnResult> {
    await this.keep(dc.context, state);
    await this.send(dc.context, state, undefined, prefix);
    return Dialog.EndOfTurn;
  }

  /**
   * The answers so far, kept with the person at every question: a pause, a lost connection or a closed tab
   * loses nothing, and "continue" picks them up in any conversation.
   */
  private async keep(context: TurnContext, state: AssessmentState): Promise<void> {
    const profile = await this.profile.get(context, {});
    profile.assessmentProgress = {
      answers: state.answers,
      index: Math.min(state.index, SUMMARY),
      first: state.first,
      savedAt: new Date().toISOString(),
    };
    await this.profile.set(context, profile);
  }

  /** The current question: first time as asked, then with an example, then as a short list of choices. */
  private async send(context: TurnContext, state: AssessmentState, hint?: string, prefix = ''): Promise<void> {
    const pending = state.pending;
    if (pending) return send(context, this.pendingReply(state, pending));
    if (state.index === SUMMARY) {
      const summary = this.summary(state);
      return send(context, { ...summary, text: prefix + summary.text });
    }
    const question = QUESTIONS[state.index];
    const asked = question.ask(
      { checklist: this.safety.checklist().text, cautions: this.cautions.questionText() },
      state.previousScore,
    );
    if (state.misses === 0) return send(context, { ...asked, text: prefix + asked.text });
    if (state.misses === 1)
      return send(context, {
        text: `${hint ?? "Sorry, I didn't catch that."} ${question.example}`,
        actions: asked.actions,
      });
    return send(context, {
      text: "Let's make it easier: pick one of these, or say **skip** to leave this question out.",
      actions: [...question.choices, 'Skip'],
    });
  }

  private pendingReply(state: AssessmentState, pending: Pending): Reply {
    switch (pending.kind) {
      case 'severityBands':
        return {
          text: this.replies.safetyMessages.severityBands,
          actions: ['Mild (1-3)', 'Moderate (4-6)', 'Severe (7-10)'],
        };
      case 'severityInBand': {
        const numbers = BAND_NUMBERS[pending.band].map(String);
        return {
          text: `And as a number, which fits best: ${numbers.slice(0, -1).join(', ')} or ${numbers.at(-1)}?`,
          actions: numbers,
        };
      }
      case 'whichSign':
        return this.safety.askWhichSign();
      case 'whichCaution':
        return this.cautions.askWhich();
      case 'carryOn':
        return {
          text: this.replies.safetyMessages.carryOnAfterWarningSign,
          actions: [CARRY_ON, STOP_HERE],
        };
      case 'howMany':
        return {
          text: `About how many ${pending.unit}, roughly?`,
          actions:
            pending.unit === 'weeks'
              ? ['About 2 weeks', 'About 4 weeks', 'About 6 weeks', 'More than 8 weeks']
              : ['About 2 months', 'About 3 months', 'About 6 months', 'A year or more'],
        };
      case 'roughlyHowLong':
        return {
          text: 'Roughly how long would you say: days, weeks, months or years?',
          actions: ['A few days', 'A few weeks', 'A few months', 'Years'],
        };
      case 'changeWhich':
        return {
          text: 'Which answer would you like to change?',
          actions: QUESTIONS.filter(
            (question) => !(question.id === 'warningSigns' && state.answers.warningSigns === 'yes'),
          ).map((question) => question.label),
        };
    }
  }

  private summary(state: AssessmentState): Reply {
    return {
      text: `Here's what I understood:\n\n${describeAnswers(state.answers)}\n\nIs that right?`,
      actions: [CONFIRM, CHANGE],
    };
  }

  private async finish(dc: DialogContext, state: AssessmentState): Promise<DialogTurnResult> {
    const context = dc.context;
    const today = userDate(context.activity);
    const profile = await this.profile.get(context, {});
    const plan = this.plans.forProfile(profile, state.answers);
    delete profile.assessmentProgress;
    profile.answers = state.answers;
    profile.assessedOn = today;
    profile.plan = plan;
    if (state.answers.severity !== undefined) recordPainScore(profile, today, state.answers.severity);
    await this.profile.set(context, profile);
    await context.sendActivity(
      renderPlan(
        plan,
        context.activity.channelId,
        "Thank you. Here's your plan. It's general advice, not a diagnosis.",
      ),
    );
    (await this.conversationData.get(context, {})).planShown = true;
    return dc.endDialog();
  }
}

/** Re-answering or skipping a question replaces what was said before. */
function clearAnswer(state: AssessmentState, question: Question): void {
  if (question.id === 'duration') {
    delete state.answers.durationDays;
    delete state.answers.durationBand;
    delete state.answers.durationRough;
  } else delete state.answers[question.id];
}

function questionMentioned(text: string): Question | undefined {
  const normalised = normaliseText(text);
  return (
    QUESTIONS.find((question) => normaliseText(question.label) === normalised) ??
    QUESTIONS.find((question) => question.mentions.test(normalised))
  );
}
