import type { Reply } from '../reply';

/**
 * Replies as Slack shows them. Slack's text format is mrkdwn, not Markdown: `*bold*`, `<url|label>` links, and
 * `&`, `<`, `>` escaped; buttons are Block Kit buttons, whose value comes back as the person's message.
 */

/** Slack's limits: a section's text, a button's label. */
const MAX_SECTION_CHARS = 3000;
const MAX_BUTTON_CHARS = 75;
const MAX_BUTTONS = 25;

/** The id our buttons carry, so that a tap is told apart from another app's interactivity. */
export const SLACK_BUTTON_ACTION = 'backcare_reply';

export interface SlackMessage {
  /** Also what notifications show. */
  text: string;
  blocks?: object[];
}

/** Markdown (as the replies are written) to Slack's mrkdwn. */
export function toMrkdwn(markdown: string): string {
  return markdown
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, '<$2|$1>')
    .replace(/(\*\*|__)(.+?)\1/g, '*$2*')
    .replace(/^#{1,6}\s+(.+)$/gm, '*$1*')
    .replace(/^\s*[-*]\s+/gm, '• ');
}

/** What a person typed in Slack, as the bot reads text: Slack's escapes undone, links as their text. */
export function fromSlackText(text: string): string {
  return text
    .replace(/<(?:https?:|mailto:)[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<((?:https?:|mailto:)[^>]*)>/g, '$1')
    .replace(/<[@#!][^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

export function slackMessage(reply: Reply): SlackMessage {
  const text = toMrkdwn(reply.text);
  const actions = (reply.actions ?? []).slice(0, MAX_BUTTONS);
  if (actions.length === 0) return { text };
  return {
    text,
    blocks: [
      ...sections(text).map((part) => ({ type: 'section', text: { type: 'mrkdwn', text: part } })),
      {
        type: 'actions',
        elements: actions.map((label, i) => ({
          type: 'button',
          action_id: `${SLACK_BUTTON_ACTION}_${i}`,
          text: { type: 'plain_text', text: label.slice(0, MAX_BUTTON_CHARS), emoji: false },
          value: label,
        })),
      },
    ],
  };
}

/** The text in parts Slack takes (3,000 characters a section), cut between paragraphs where it can be. */
function sections(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (const paragraph of text.split(/\n{2,}/)) {
    const joined = current === '' ? paragraph : `${current}\n\n${paragraph}`;
    if (joined.length <= MAX_SECTION_CHARS) current = joined;
    else {
      if (current !== '') parts.push(current);
      for (let at = 0; at < paragraph.length; at += MAX_SECTION_CHARS)
        parts.push(paragraph.slice(at, at + MAX_SECTION_CHARS));
      current = parts.pop()!;
    }
  }
  if (current !== '') parts.push(current);
  return parts;
}
