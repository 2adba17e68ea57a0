import { ActionTypes, CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { supportsCardActions, supportsSuggestedActions } from 'botbuilder-dialogs';

/**
 * One content model for every channel: the text, and what the user might
 * say next. Each channel gets the richest form it shows.
 */
export interface Reply {
  text: string;
  /** Short follow-ups; each is sent back as the user's message when tapped. */
  actions?: string[];
  /** Introduces the actions where they are listed as text: answers to a question are not things to ask. */
  actionsIntro?: string;
}

export function renderReply(reply: Reply, channelId: string): Partial<Activity> {
  const actions = reply.actions ?? [];
  const plain = !supportsSuggestedActions(channelId) && !supportsCardActions(channelId);
  if (actions.length === 0) return MessageFactory.text(plain ? withoutEmphasis(reply.text) : reply.text);
  if (supportsSuggestedActions(channelId, actions.length)) {
    return { ...MessageFactory.suggestedActions(actions, reply.text), textFormat: 'markdown' };
  }
  if (supportsCardActions(channelId, actions.length)) {
    // Teams and Slack do not show suggested actions everywhere, but they do show card buttons.
    const buttons = actions.map((title) => ({ type: ActionTypes.ImBack, title, value: title }));
    return {
      ...MessageFactory.attachment(CardFactory.heroCard('', undefined, buttons), reply.text),
      textFormat: 'markdown',
    };
  }
  // Short answers ("0" to "10", "Yes") read best on one line; longer ones as a list.
  const list = actions.every((action) => action.length <= 12)
    ? ` ${actions.join(', ')}`
    : `\n${actions.map((title) => `- ${title}`).join('\n')}`;
  return MessageFactory.text(`${withoutEmphasis(reply.text)}\n\n${reply.actionsIntro ?? 'You can also ask:'}${list}`);
}

/** Plain-text channels would show Markdown's ** and __ as they are. */
function withoutEmphasis(text: string): string {
  return text.replace(/(\*\*|__)(.+?)\1/g, '$2');
}
