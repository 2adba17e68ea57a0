import {
  ComponentDialog,
  ConfirmPrompt,
  ListStyle,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { renderReply } from '../src/channels/reply';

export const FORGET_ME_DIALOG = 'forgetMe';

export interface ForgetMeOptions {
  /** A warning sign holds back self-care advice: deleting it lifts the hold, which the person should know. */
  holdGoesToo?: boolean;
}
const CONFIRM = 'forgetMe.confirm';
const STEPS = 'forgetMe.steps';

/**
 * Asks before deleting: "forget me" cannot be undone. Ends with true when the
 * user confirmed; the caller deletes, after the dialog stack is gone, so that
 * nothing is written back.
 */
export class ForgetMeDialog extends ComponentDialog {
  constructor() {
    super(FORGET_ME_DIALOG);
    const confirm = new ConfirmPrompt(CONFIRM);
    // The question carries its own buttons (below); ConfirmPrompt reads its list style from itself, not the options.
    confirm.style = ListStyle.none;
    this.addDialog(confirm);
    this.initialDialogId = STEPS;
    this.addDialog(
      new WaterfallDialog(STEPS, [
        async (step: WaterfallStepContext) => {
          const question =
            'This deletes everything I have stored about you: every conversation we have had and anything you told me. ' +
            ((step.options as ForgetMeOptions).holdGoesToo
              ? 'That includes the warning sign you told me about, so I would no longer hold back stretches and ' +
                'self-massage: please still get it checked. '
              : '') +
            'It cannot be undone. Delete it?';
          // Rendered as every other reply is, so that the question is the message's text on every channel (botbuilder's
          // own rendering puts it inside a card on Teams).
          const ask = (text: string) => renderReply({ text, actions: ['Yes', 'No'] }, step.context.activity.channelId);
          return step.prompt(CONFIRM, {
            prompt: ask(question),
            retryPrompt: ask('Please answer yes to delete everything I have stored about you, or no to keep it.'),
          });
        },
        async (step: WaterfallStepContext) => step.endDialog(step.result === true),
      ]),
    );
  }
}
