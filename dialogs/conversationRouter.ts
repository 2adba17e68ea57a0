import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogTurnStatus, type DialogContext, type DialogSet, type DialogState } from 'botbuilder-dialogs';
import { RootDialogSet } from './rootDialogSet';
import { recognizeCommand, type Command } from '../src/nlu/commands';
import type { UserProfile } from '../src/plan/profile';
import type { HoldTimers } from '../src/channels/holdTimers';
import type { ReminderRequests } from './reminderRequests';
import { isSharedConversation } from '../src/channels/sharedConversation';
import { MAX_UNDERSTOOD_CHARS } from '../src/nlu/messageLimits';
import type { PersonalData } from '../src/state/personalData';
import { warningSignUnchecked } from '../src/plan/profile';
import { progressOf } from '../src/plan/progress';
import { FORGET_ME_DIALOG, ForgetMeDialog, type ForgetMeOptions } from './forgetMeDialog';
import type { ConversationData } from './conversationData';
import { MAIN_DIALOG, type MainDialog, type MainDialogOptions } from './mainDialog';
import { send } from './send';
import type { SafetyScreen } from './safetyScreen';
import type { StatedCautions } from './statedCautions';
import type { Replies } from './replies';
import type { KnowledgeIndex } from '../src/kb/knowledgeIndex';
import { utteranceOf } from './utteranceOf';

/**
 * The turn pipeline every message goes through. The safety screen comes
 * first: a warning sign interrupts whatever is running. Global commands next,
 * so they work in the middle of any dialog: "help" answers and then asks the
 * open question again, "stop" ends whatever is running, "start over" clears
 * the conversation, "forget me" deletes what is stored about the user after
 * a confirmation. Anything else continues the running dialog or starts the
 * main one.
 */
export class ConversationRouter {
  private readonly dialogs: DialogSet;

  constructor(
    mainDialog: MainDialog,
    dialogState: StatePropertyAccessor<DialogState>,
    private readonly conversationData: StatePropertyAccessor<ConversationData>,
    private readonly replies: Replies,
    /** Everything stored about the user, for "forget me". */
    private readonly personalData: PersonalData,
    private readonly safety: SafetyScreen,
    private readonly profile: StatePropertyAccessor<UserProfile>,
    private readonly holdTimers: HoldTimers,
    /** Reads each message once, for every part of the turn. */
    private readonly index: KnowledgeIndex,
    private readonly reminderRequests: ReminderRequests,
    private readonly cautions: StatedCautions,
  ) {
    this.dialogs = new RootDialogSet(dialogState).add(mainDialog).add(new ForgetMeDialog());
  }

  /** A new conversation: a returning user is asked how their back is today, a new one is welcomed. */
  async welcome(context: TurnContext): Promise<void> {
    if (isSharedConversation(context.activity))
      return send(context, this.replies.groupWelcome(context.activity.channelId));
    const { painHistory, assessmentProgress, routineProgress } = await this.profile.get(context, {});
    if (!painHistory?.length) {
      if (assessmentProgress) return send(context, this.replies.welcomeBackToUnfinished('assessment'));
      if (routineProgress) return send(context, this.replies.welcomeBackToUnfinished('routine'));
      return send(context, this.replies.welcome());
    }
    const dc = await this.dialogs.createContext(context);
    await dc.beginDialog(MAIN_DIALOG, { checkIn: true } satisfies MainDialogOptions);
  }

  async onMessage(context: TurnContext): Promise<void> {
    // The user has moved on: a hold that was being counted must not announce itself after this message.
    await this.holdTimers.cancel(context);
    const dc = await this.dialogs.createContext(context);
    const screened = await this.safety.screen(context, utteranceOf(context, this.index));
    // Urgent advice comes alone in this turn and replaces whatever was running.
    if (screened === 'urgent') return void (await dc.cancelAllDialogs());
    if (screened === 'answered') return;
    if (screened === 'carryOn') {
      if (dc.activeDialog) await dc.repromptDialog();
      return;
    }
    // "Is that right?" about a caution the last message seemed to state: answered, the running dialog goes on.
    if (await this.cautions.answerConfirmation(context)) {
      if (dc.activeDialog) await dc.repromptDialog();
      return;
    }
    await this.route(context, dc);
    if (screened === 'checkAfter') await this.safety.askPendingCheck(context);
    // A caution said in passing ("I'm 20 weeks pregnant") is checked with the person after the answer; never in
    // a group chat.
    else if (!isSharedConversation(context.activity)) await this.cautions.confirmStated(context);
  }

  private async route(context: TurnContext, dc: DialogContext): Promise<void> {
    // Read in full for warning signs above; past this length nothing else reads it (each reader's work is bounded).
    if ((context.activity.text ?? '').length > MAX_UNDERSTOOD_CHARS) {
      await send(context, this.replies.tooLong());
      if (dc.activeDialog) await dc.repromptDialog();
      return;
    }
    // Reminders are set or stopped whatever is running, which then carries on.
    if (await this.reminderRequests.handle(context)) {
      if (dc.activeDialog) await dc.repromptDialog();
      return;
    }
    switch (await this.command(context, dc)) {
      case 'help':
        await send(context, this.replies.help());
        if (dc.activeDialog) await dc.repromptDialog();
        return;
      case 'progress': {
        // Like help, at any time: the running dialog then asks its question again.
        if (isSharedConversation(context.activity))
          return send(context, this.replies.privateChat(context.activity.channelId));
        const { painHistory, routineLog } = await this.profile.get(context, {});
        await send(context, this.replies.progress(progressOf(painHistory, routineLog)));
        if (dc.activeDialog) await dc.repromptDialog();
        return;
      }
      case 'cancel': {
        await dc.cancelAllDialogs();
        // A stopped walkthrough or assessment is not resumed by a later "continue".
        const profile = await this.profile.get(context, {});
        delete profile.routineProgress;
        delete profile.assessmentProgress;
        await send(context, this.replies.cancelled());
        return;
      }
      case 'startOver': {
        await dc.cancelAllDialogs();
        // A warning sign's hold belongs to the person (user state), so it outlasts starting over.
        await this.conversationData.set(context, {});
        await send(context, this.replies.welcome());
        return;
      }
      case 'forgetMe':
        if (isSharedConversation(context.activity))
          return send(context, this.replies.privateChat(context.activity.channelId));
        await dc.cancelAllDialogs();
        await dc.beginDialog(FORGET_ME_DIALOG, {
          holdGoesToo: warningSignUnchecked(await this.profile.get(context, {})),
        } satisfies ForgetMeOptions);
        return;
      default: {
        const wasForgetting = dc.activeDialog?.id === FORGET_ME_DIALOG;
        const result = await dc.continueDialog();
        if (wasForgetting && result.status === DialogTurnStatus.complete)
          return this.forget(context, result.result === true);
        if (result.status === DialogTurnStatus.empty) await dc.beginDialog(MAIN_DIALOG);
      }
    }
  }

  /** The message's command; "no thanks" answering "Anything else?" is an answer for the main dialog, not "stop". */
  private async command(context: TurnContext, dc: DialogContext): Promise<Command | null> {
    const command = recognizeCommand(utteranceOf(context, this.index));
    if (command === 'cancel' && !dc.activeDialog && (await this.conversationData.get(context, {})).askedAnythingElse)
      return null;
    return command;
  }

  private async forget(context: TurnContext, confirmed: boolean): Promise<void> {
    if (!confirmed) {
      await send(context, this.replies.keptData());
      return;
    }
    await this.personalData.forget(context);
    await send(context, this.replies.forgotten());
  }
}
