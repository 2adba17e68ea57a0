import type { StatePropertyAccessor } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { readerThread } from '../src/nlu/readerThread';
import { buildPlan } from '../src/plan/buildPlan';
import { trendBetween, warningSignUnchecked, type UserProfile } from '../src/plan/profile';
import { recordPainScore } from './painHistory';
import type { Replies } from './replies';
import { send } from './send';
import { userDate } from './userClock';

export const CHECK_IN_DIALOG = 'checkIn';
/** Where the check-in hands over a message that is not a score: the main dialog's router. */
export interface CheckInOptions {
  notAScoreDialogId: string;
}

/**
 * Welcomes a returning user with their last score and asks how it is today.
 * A score is recorded and the change reflected back ("down from 7 to 5"); the
 * stored plan follows the new score. Anything else is not forced into a
 * score: it is handed to the main dialog as an ordinary message.
 */
export class CheckInDialog extends Dialog<CheckInOptions> {
  constructor(
    private readonly profile: StatePropertyAccessor<UserProfile>,
    private readonly replies: Replies,
  ) {
    super(CHECK_IN_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: CheckInOptions): Promise<DialogTurnResult> {
    dc.activeDialog!.state = { ...options };
    const { painHistory } = await this.profile.get(dc.context, {});
    const last = painHistory?.at(-1);
    if (!last) return dc.endDialog();
    await send(dc.context, this.replies.welcomeBack(last));
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { notAScoreDialogId } = dc.activeDialog!.state as CheckInOptions;
    const { value } = await readerThread.readSeverity(dc.context.activity.text ?? '');
    if (value === null) return dc.replaceDialog(notAScoreDialogId);

    const profile = await this.profile.get(dc.context, {});
    const previous = profile.painHistory?.at(-1)?.score ?? value;
    recordPainScore(profile, userDate(dc.context.activity), value);
    const trend = trendBetween(previous, value);
    if (profile.answers) {
      profile.answers = { ...profile.answers, severity: value, trend };
      profile.plan = buildPlan(profile.answers, {
        warningSignUnchecked: warningSignUnchecked(profile),
      });
    }
    await this.profile.set(dc.context, profile);
    await send(dc.context, this.replies.checkedIn(previous, value, trend, profile.plan !== undefined));
    return dc.endDialog();
  }
}
