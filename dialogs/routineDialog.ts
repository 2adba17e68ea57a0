import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { HoldTimers } from '../src/channels/holdTimers';
import { renderReply } from '../src/channels/reply';
import type { KnowledgeIndex } from '../src/kb/knowledgeIndex';
import type { RoutineFinder } from '../src/kb/routineFinder';
import type { Routine } from '../src/kb/schema';
import { recognizeRoutineControl } from '../src/nlu/routineControls';
import { normaliseText } from '../src/nlu/normalise';
import { readerThread } from '../src/nlu/readerThread';
import { warningSignUnchecked, type UserProfile } from '../src/plan/profile';
import { answerKnowledgeQuestion } from './answerTopic';
import type { ConversationData } from './conversationData';
import { recordPainScore, recordRoutine } from './painHistory';
import type { Replies } from './replies';
import { RoutineReplies, START, NOT_NOW, gentlerAction } from './routineReplies';
import { send } from './send';
import type { StatedCautions } from './statedCautions';
import { utteranceOf } from './utteranceOf';
import { userDate } from './userClock';
import { lowerFirst } from './wording';

export const ROUTINE_DIALOG = 'routine';

export interface RoutineOptions {
  routineId: string;
  /** Resuming a paused walkthrough at this step (0-based). */
  resumeAt?: number;
}

interface RoutineState {
  routineId: string;
  step: number;
  stage: 'ready' | 'step' | 'feeling' | 'hurt';
  /** The last pain score before the routine, to compare with afterwards. */
  scoreBefore?: number;
}

/**
 * Coaches the user through a routine one step per turn, at their pace:
 * next, back, repeat, skip, pause (resumed later with "continue", also in a
 * new conversation or after a restart, since progress is kept in user state).
 * "That hurts" stops it at once with safety advice and a gentler option.
 * Holds are counted with a follow-up message where the channel allows it.
 */
export class RoutineDialog extends Dialog<RoutineOptions> {
  private readonly say: RoutineReplies;

  constructor(
    private readonly finder: RoutineFinder,
    private readonly index: KnowledgeIndex,
    private readonly conversationData: StatePropertyAccessor<ConversationData>,
    private readonly profile: StatePropertyAccessor<UserProfile>,
    private readonly replies: Replies,
    private readonly holdTimers: HoldTimers,
    private readonly cautions: StatedCautions,
  ) {
    super(ROUTINE_DIALOG);
    this.say = new RoutineReplies(finder, replies.safetyMessages);
  }

  override async beginDialog(dc: DialogContext, options?: RoutineOptions): Promise<DialogTurnResult> {
    const routine = options && this.finder.byId(options.routineId);
    if (!routine) return dc.endDialog();
    const context = dc.context;
    if (warningSignUnchecked(await this.profile.get(context, {}))) {
      await send(context, this.replies.heldForClinician());
      return dc.endDialog();
    }
    const profile = await this.profile.get(context, {});
    const ruledOut = this.cautions.against(routine, profile);
    if (ruledOut.length > 0) {
      const gentler = routine.gentler ? this.finder.byId(routine.gentler) : undefined;
      const offered = gentler && this.cautions.against(gentler, profile).length === 0 ? gentler : undefined;
      await send(context, this.cautions.notForYou(routine, ruledOut, offered));
      return dc.endDialog();
    }
    const score = profile.painHistory?.at(-1)?.score ?? profile.answers?.severity;
    if (routine.maxSeverity !== undefined && score !== undefined && score > routine.maxSeverity) {
      await send(context, this.say.tooSevere(routine, score));
      return dc.endDialog();
    }
    const state: RoutineState = { routineId: routine.id, step: 0, stage: 'ready', scoreBefore: score };
    dc.activeDialog!.state = state;
    if (options.resumeAt !== undefined && options.resumeAt < routine.steps.length) {
      state.step = options.resumeAt;
      state.stage = 'step';
      await send(context, { text: this.say.resuming(routine, state.step) });
      await this.showStep(context, state, routine);
      return Dialog.EndOfTurn;
    }
    await send(context, this.say.introduction(routine));
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as RoutineState;
    const routine = this.finder.byId(state.routineId)!;
    const text = dc.context.activity.text ?? '';
    switch (state.stage) {
      case 'ready':
        return this.continueReady(dc, state, routine, text);
      case 'step':
        return this.continueStep(dc, state, routine, text);
      case 'feeling':
        return this.continueFeeling(dc, state, routine, text);
      case 'hurt':
        return this.continueAfterHurt(dc, routine, text);
    }
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state as RoutineState;
    const routine = this.finder.byId(state.routineId)!;
    if (state.stage === 'step') await this.showStep(context, state, routine);
    else if (state.stage === 'ready') await send(context, this.say.introduction(routine));
    else if (state.stage === 'feeling') await send(context, this.say.howDoYouFeel(routine));
  }

  private async continueReady(
    dc: DialogContext,
    state: RoutineState,
    routine: Routine,
    text: string,
  ): Promise<DialogTurnResult> {
    const control = recognizeRoutineControl(text);
    if (control === 'hurts') return this.hurt(dc, state, routine);
    const normalised = normaliseText(text);
    if (control === 'next' || control === 'resume' || normalised === normaliseText(START)) {
      state.stage = 'step';
      await this.showStep(dc.context, state, routine);
      return Dialog.EndOfTurn;
    }
    if (control === 'pause' || normalised === normaliseText(NOT_NOW) || /^(no|nope|nah)\b/.test(normalised)) {
      await send(dc.context, this.say.notNow(routine));
      return dc.endDialog();
    }
    if (await this.stoppedForCaution(dc, routine, text)) return dc.endDialog();
    if (!(await this.answeredKnowledgeQuestion(dc.context)))
      await send(dc.context, { text: "Say **start** when you're ready, or **not now**.", actions: [START, NOT_NOW] });
    else
      await send(dc.context, { text: `Ready to start the ${lowerFirst(routine.title)}?`, actions: [START, NOT_NOW] });
    return Dialog.EndOfTurn;
  }

  private async continueStep(
    dc: DialogContext,
    state: RoutineState,
    routine: Routine,
    text: string,
  ): Promise<DialogTurnResult> {
    const context = dc.context;
    const control = recognizeRoutineControl(text);
    switch (control) {
      case 'hurts':
        return this.hurt(dc, state, routine);
      case 'next':
      case 'skip':
        if (state.step === routine.steps.length - 1) return this.finish(dc, state, routine);
        state.step += 1;
        await this.showStep(context, state, routine, control === 'skip' ? 'Skipped. ' : '');
        return Dialog.EndOfTurn;
      case 'back':
        if (state.step === 0) await this.showStep(context, state, routine, 'This is the first step. ');
        else {
          state.step -= 1;
          await this.showStep(context, state, routine);
        }
        return Dialog.EndOfTurn;
      case 'repeat':
      case 'resume':
        await this.showStep(context, state, routine);
        return Dialog.EndOfTurn;
      case 'pause':
        await send(context, this.say.paused(routine, state.step));
        return dc.endDialog();
      case null:
        if (await this.stoppedForCaution(dc, routine, text)) return dc.endDialog();
        if (await this.answeredKnowledgeQuestion(context))
          await this.showStep(context, state, routine, `Back to the ${lowerFirst(routine.title)}. `);
        else await send(context, this.say.controls());
        return Dialog.EndOfTurn;
    }
  }

  private async continueFeeling(
    dc: DialogContext,
    state: RoutineState,
    routine: Routine,
    text: string,
  ): Promise<DialogTurnResult> {
    const { value } = await readerThread.readSeverity(text);
    const context = dc.context;
    if (value !== null) {
      const profile = await this.profile.get(context, {});
      recordPainScore(profile, userDate(context.activity), value, routine.id);
      await this.profile.set(context, profile);
    }
    await send(context, this.say.afterwards(routine, state.scoreBefore, value));
    return dc.endDialog();
  }

  private async continueAfterHurt(dc: DialogContext, routine: Routine, text: string): Promise<DialogTurnResult> {
    const gentler = routine.gentler ? this.finder.byId(routine.gentler) : undefined;
    const normalised = normaliseText(text);
    if (
      gentler &&
      (normalised === normaliseText(gentlerAction(gentler)) || /^(yes|yeah|yep|ok|okay|try it|sure)\b/.test(normalised))
    )
      return dc.replaceDialog(ROUTINE_DIALOG, { routineId: gentler.id } satisfies RoutineOptions);
    await send(dc.context, this.say.endedAfterHurt());
    return dc.endDialog();
  }

  /** Stop at once: safety first, recorded, then a gentler option or an ending. */
  private async hurt(dc: DialogContext, state: RoutineState, routine: Routine): Promise<DialogTurnResult> {
    await this.holdTimers.cancel(dc.context);
    await this.recordEnd(dc.context, routine, 'hurt', state.stage === 'step' ? state.step + 1 : undefined);
    const gentler = routine.gentler ? this.finder.byId(routine.gentler) : undefined;
    await send(dc.context, this.say.stopForPain(gentler));
    if (!gentler) return dc.endDialog();
    state.stage = 'hurt';
    return Dialog.EndOfTurn;
  }

  private async finish(dc: DialogContext, state: RoutineState, routine: Routine): Promise<DialogTurnResult> {
    await this.recordEnd(dc.context, routine, 'completed');
    state.stage = 'feeling';
    await send(dc.context, this.say.howDoYouFeel(routine));
    return Dialog.EndOfTurn;
  }

  /** Over, finished or stopped for pain: nothing left to resume, and a line in the user's history. */
  private async recordEnd(
    context: TurnContext,
    routine: Routine,
    outcome: 'completed' | 'hurt',
    step?: number,
  ): Promise<void> {
    const profile = await this.profile.get(context, {});
    delete profile.routineProgress;
    const date = userDate(context.activity);
    recordRoutine(profile, { date, routineId: routine.id, outcome, ...(step === undefined ? {} : { step }) });
    await this.profile.set(context, profile);
  }

  /** Shows the current step and keeps the place, so a pause or a lost connection resumes here. */
  private async showStep(context: TurnContext, state: RoutineState, routine: Routine, prefix = ''): Promise<void> {
    const profile = await this.profile.get(context, {});
    profile.routineProgress = { routineId: routine.id, step: state.step, savedAt: new Date().toISOString() };
    await this.profile.set(context, profile);
    const step = routine.steps[state.step];
    const countsHold = step.holdSeconds !== undefined && this.holdTimers.canFollowUp(context);
    await send(context, this.say.step(routine, state.step, prefix, countsHold));
    if (countsHold)
      await this.holdTimers.start(
        context,
        step.holdSeconds!,
        renderReply(this.say.holdOver(step), context.activity.channelId),
      );
  }

  /**
   * "Is this OK if I'm on blood thinners?" during a routine that lists the caution: it stops, says why and offers
   * the gentler one when that is not ruled out too (true when it stopped).
   */
  private async stoppedForCaution(dc: DialogContext, routine: Routine, text: string): Promise<boolean> {
    const asked = this.cautions.askedAbout(text).filter((id) => routine.cautions.includes(id));
    if (asked.length === 0) return false;
    const gentler = routine.gentler ? this.finder.byId(routine.gentler) : undefined;
    const offered = gentler && !gentler.cautions.some((id) => asked.includes(id)) ? gentler : undefined;
    const profile = await this.profile.get(dc.context, {});
    delete profile.routineProgress;
    await send(dc.context, this.cautions.stopIfYou(asked, offered));
    return true;
  }

  private answeredKnowledgeQuestion(context: TurnContext): Promise<boolean> {
    const message = utteranceOf(context, this.index);
    return answerKnowledgeQuestion(context, message, this.index, this.conversationData, this.profile, this.replies);
  }
}
