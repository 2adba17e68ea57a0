import { ComponentDialog, ConfirmPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';

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
    this.addDialog(new ConfirmPrompt(CONFIRM));
    this.initialDialogId = STEPS;
    this.addDialog(
      new WaterfallDialog(STEPS, [
        async (step: WaterfallStepContext) =>
          step.prompt(CONFIRM, {
            prompt:
              'This deletes everything I have stored about you: every conversation we have had and anything you told me. ' +
              ((step.options as ForgetMeOptions).holdGoesToo
                ? 'That includes the warning sign you told me about, so I would no longer hold back stretches and ' +
                  'self-massage: please still get it checked. '
                : '') +
              'It cannot be undone. Delete it?',
            retryPrompt: 'Please answer yes to delete everything I have stored about you, or no to keep it.',
          }),
        async (step: WaterfallStepContext) => step.endDialog(step.result === true),
      ]),
    );
  }
}
