import { ActionTypes, CardFactory, Channels, MessageFactory, type Activity } from 'botbuilder';
import { supportsCardActions, supportsSuggestedActions } from 'botbuilder-dialogs';
import { slackMessage } from './slack/slackMessage';

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
  /** Urgent advice: shown apart from ordinary answers where the channel allows it, with a button to call. */
  urgent?: { call?: { label: string; phone: string } };
  /** Everything about the person was deleted: the web chat forgets them on the device too. */
  forgetDevice?: boolean;
  /** A picture (a PNG) where the channel shows one inline; the text says the same for everyone else. */
  image?: { png: Buffer; name: string };
}

/** Channels whose clients show an image attachment given as a data URL: Web Chat (ours, and Azure's) and the Emulator. */
const IMAGE_CHANNELS = new Set(['webchat', 'directline', 'emulator']);

/** Channels that show Adaptive Cards (and tel: links in them). */
const CARD_CHANNELS = new Set(['msteams', 'webchat', 'directline', 'emulator']);

/** What the card under urgent advice says: a label, not advice (the advice is the message). */
const URGENT_HEADING = 'This needs attention now';

/**
 * Teams shows at most three suggested actions (in every scope; the rest are dropped) and six buttons on a card;
 * botbuilder's own tables predate the first and allow fifty of the second.
 */
const TEAMS_SUGGESTED_ACTIONS = 3;
const TEAMS_CARD_BUTTONS = 6;

function showsSuggestedActions(channelId: string, count: number): boolean {
  return channelId === Channels.Msteams ? count <= TEAMS_SUGGESTED_ACTIONS : supportsSuggestedActions(channelId, count);
}

function showsCardButtons(channelId: string, count: number): boolean {
  return channelId === Channels.Msteams ? count <= TEAMS_CARD_BUTTONS : supportsCardActions(channelId, count);
}

/** Whether this many actions are shown as buttons of some kind on the channel (otherwise they are listed as text). */
export function showsButtons(channelId: string, count: number): boolean {
  return showsSuggestedActions(channelId, count) || showsCardButtons(channelId, count);
}

export function renderReply(reply: Reply, channelId: string): Partial<Activity> {
  const activity = renderFor(reply, channelId);
  if (reply.image && IMAGE_CHANNELS.has(channelId))
    activity.attachments = [
      ...(activity.attachments ?? []),
      {
        contentType: 'image/png',
        contentUrl: `data:image/png;base64,${reply.image.png.toString('base64')}`,
        name: reply.image.name,
      },
    ];
  // Read by this server's chat page (chat.js), which is the only Direct Line client that keeps a visitor.
  if (reply.forgetDevice && channelId === Channels.Directline)
    activity.channelData = { ...(activity.channelData as object | undefined), backcare: { forgetDevice: true } };
  return activity;
}

function renderFor(reply: Reply, channelId: string): Partial<Activity> {
  if (reply.urgent && CARD_CHANNELS.has(channelId)) return urgentCard(reply, reply.urgent);
  if (channelId === Channels.Slack) {
    // Through Azure's Slack channel, channelData is sent to Slack as the message itself (mrkdwn and Block Kit).
    const message = slackMessage(reply);
    return { ...MessageFactory.text(message.text), ...(message.blocks ? { channelData: message } : {}) };
  }
  const actions = reply.actions ?? [];
  const plain = !showsButtons(channelId, 1);
  if (actions.length === 0) return MessageFactory.text(plain ? withoutEmphasis(reply.text) : reply.text);
  if (showsSuggestedActions(channelId, actions.length)) {
    return { ...MessageFactory.suggestedActions(actions, reply.text), textFormat: 'markdown' };
  }
  if (showsCardButtons(channelId, actions.length)) {
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

/**
 * Urgent advice: the message as text (notifications and screen readers read it as any other), followed by an
 * Adaptive Card in the "attention" style (red on most hosts) that marks it as urgent, with a tap-to-call button
 * when the configured number is one.
 */
function urgentCard(reply: Reply, urgent: NonNullable<Reply['urgent']>): Partial<Activity> {
  const card = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.3',
    body: [
      {
        type: 'Container',
        style: 'attention',
        items: [{ type: 'TextBlock', text: URGENT_HEADING, wrap: true, weight: 'bolder', color: 'attention' }],
      },
    ],
    actions: urgent.call ? [{ type: 'Action.OpenUrl', title: urgent.call.label, url: `tel:${urgent.call.phone}` }] : [],
  };
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card), reply.text);
  activity.textFormat = 'markdown';
  if (reply.actions?.length)
    activity.suggestedActions = MessageFactory.suggestedActions(reply.actions).suggestedActions;
  return activity;
}

/** Plain-text channels would show Markdown's ** and __ as they are. */
function withoutEmphasis(text: string): string {
  return text.replace(/(\*\*|__)(.+?)\1/g, '$2');
}
