import type { StatePropertyAccessor } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { recognizeTrend, recognizeYesNoUnsure } from '../src/nlu/choiceAnswers';
import { readerThread } from '../src/nlu/readerThread';
import type { PlanBuilder } from '../src/plan/buildPlan';
import { trendBetween, type UserProfile } from '../src/plan/profile';
import { recordPainScore } from './painHistory';
import type { Replies } from './replies';
import type { SafetyScreen } from './safetyScreen';
import { send } from './send';
import { userDate } from './userClock';
import { SCORE_ACTIONS } from './wording';

export const CHECK_IN_DIALOG = 'checkIn';
/** Where the check-in hands over a message that is not a score: the main dialog's router. */
export interface CheckInOptions {
  notAScoreDialogId: string;
}

interface CheckInState extends CheckInOptions {
  /** The warning-sign checklist, asked again before any advice: the score it was asked about, if one was given. */
  recheck?: { score?: number; previous?: number; whichSign?: true; explained?: true };
  /** The checklist was asked in this check-in: a score given after it is not asked about again. */
  checked?: true;
}

/**
 * Welcomes a returning user with their last score and asks how it is today.
 * A score is recorded and the change reflected back ("down from 7 to 5"); the
 * stored plan follows the new score. Pain much higher than last time, or "it's
 * getting worse", gets the warning-sign checklist again before any of that.
 * Anything else is not forced into a score: it is handed to the main dialog as
 * an ordinary message.
 */
export class CheckInDialog extends Dialog<CheckInOptions> {
  constructor(
    private readonly profile: StatePropertyAccessor<UserProfile>,
    private readonly replies: Replies,
    private readonly safety: SafetyScreen,
    private readonly plans: PlanBuilder,
  ) {
    super(CHECK_IN_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: CheckInOptions): Promise<DialogTurnResult> {
    dc.activeDialog!.state = { ...options };
    const { painHistory } = await this.profile.get(dc.context, {});
    const last = painHistory?.at(-1);
    if (!last) return dc.endDialog();
    await send(dc.context, this.replies.welcomeBack(last, userDate(dc.context.activity)));
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as CheckInState;
    const text = dc.context.activity.text ?? '';
    if (state.recheck) return this.continueRecheck(dc, state, text);
    const { value } = await readerThread.readSeverity(text);
    const saysWorse = !state.checked && recognizeTrend(text) === 'worse';
    if (value === null && !saysWorse) return dc.replaceDialog(state.notAScoreDialogId);

    const previous = (await this.profile.get(dc.context, {})).painHistory?.at(-1)?.score;
    const reason = state.checked ? undefined : this.safety.recheckReason(previous, value ?? undefined, saysWorse);
    if (reason === undefined) return this.checkedIn(dc, previous ?? value!, value!, await this.record(dc, value!));
    // The score is kept whatever the answer; what it means for the plan waits for the checklist.
    state.recheck = { previous };
    if (value !== null) {
      state.recheck.score = value;
      await this.record(dc, value);
    }
    const checklist = this.safety.checklist();
    await send(dc.context, { ...checklist, text: `${reason}\n\n${checklist.text}` });
    return Dialog.EndOfTurn;
  }

  /** The checklist's answer, as the assessment reads it: a sign is reported; otherwise the check-in goes on. */
  private async continueRecheck(dc: DialogContext, state: CheckInState, text: string): Promise<DialogTurnResult> {
    const recheck = state.recheck!;
    if (recheck.whichSign) {
      // A sign tapped or typed as labelled was reported by the safety screen already; "more than one" is here.
      await this.safety.reportChecklistSign(dc.context, text);
      return dc.endDialog();
    }
    let answer = recognizeYesNoUnsure(text);
    if (answer === 'no' && this.safety.noButASign(text)) answer = 'yes';
    if (answer === null && !recheck.explained) {
      recheck.explained = true;
      await send(dc.context, this.safety.whyChecklistMatters());
      return Dialog.EndOfTurn;
    }
    if (answer === 'yes') {
      recheck.whichSign = true;
      await send(dc.context, this.safety.askWhichSign());
      return Dialog.EndOfTurn;
    }
    delete state.recheck;
    state.checked = true;
    if (answer !== 'no') await send(dc.context, this.safety.recheckUnsure());
    if (recheck.score === undefined) {
      await send(dc.context, { text: this.safety.recheckAskScore(), actions: SCORE_ACTIONS });
      return Dialog.EndOfTurn;
    }
    const profile = await this.profile.get(dc.context, {});
    const previous = recheck.previous ?? recheck.score;
    return this.checkedIn(dc, previous, recheck.score, {
      trend: trendBetween(previous, recheck.score),
      hasPlan: profile.plan !== undefined,
    });
  }

  /** Records the score, and the plan follows it. */
  private async record(dc: DialogContext, score: number) {
    const profile = await this.profile.get(dc.context, {});
    const previous = profile.painHistory?.at(-1)?.score ?? score;
    recordPainScore(profile, userDate(dc.context.activity), score);
    const trend = trendBetween(previous, score);
    if (profile.answers) {
      profile.answers = { ...profile.answers, severity: score, trend };
      profile.plan = this.plans.forProfile(profile);
    }
    await this.profile.set(dc.context, profile);
    return { trend, hasPlan: profile.plan !== undefined };
  }

  private async checkedIn(
    dc: DialogContext,
    previous: number,
    score: number,
    { trend, hasPlan }: Awaited<ReturnType<CheckInDialog['record']>>,
  ): Promise<DialogTurnResult> {
    await send(dc.context, this.replies.checkedIn(previous, score, trend, hasPlan));
    return dc.endDialog();
  }
}
