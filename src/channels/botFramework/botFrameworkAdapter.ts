import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';

/**
 * CloudAdapter with its activity-processing step public, so that the
 * /api/messages route can answer refusals itself: CloudAdapter.process turns
 * every failure into a 500 carrying the SDK's message and prints it raw.
 */
export class BotFrameworkAdapter extends CloudAdapter {
  runTurn(
    authorization: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}
