import type { Activity } from 'botbuilder';
import { SLACK_BUTTON_ACTION } from './slack/slackMessage';

/**
 * The label of a button the person tapped, where the channel posts data instead of text: Web Chat's and Teams'
 * Action.Submit (`value.text`), and Slack's Block Kit payload, which Azure's Slack channel puts in channelData.
 * Read as if it had been typed.
 */
export function tappedButtonText(activity: Partial<Activity>): string | undefined {
  const value = activity.value as { text?: unknown } | undefined;
  if (typeof value?.text === 'string') return value.text;
  const channelData = activity.channelData as { Payload?: unknown; payload?: unknown } | undefined;
  return slackButtonValue(channelData?.Payload ?? channelData?.payload);
}

/** The value of our button in a Slack interactivity payload (an object, or its JSON). */
export function slackButtonValue(payload: unknown): string | undefined {
  let parsed = payload;
  if (typeof payload === 'string') {
    try {
      parsed = JSON.parse(payload);
    } catch {
      return undefined;
    }
  }
  const actions = (parsed as { actions?: unknown } | null | undefined)?.actions;
  if (!Array.isArray(actions)) return undefined;
  const ours = actions.find(
    (action: { action_id?: unknown }) =>
      typeof action?.action_id === 'string' && action.action_id.startsWith(SLACK_BUTTON_ACTION),
  ) as { value?: unknown } | undefined;
  return typeof ours?.value === 'string' ? ours.value : undefined;
}
