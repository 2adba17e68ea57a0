import { TurnContext, type Activity } from 'botbuilder';

/**
 * Group chats and channels, where everyone in them reads what the bot says: Teams marks them with a conversation
 * type ("groupChat", "channel") and `isGroup`; other channels with `isGroup` alone.
 */
export function isSharedConversation(activity: Partial<Activity>): boolean {
  const { conversationType, isGroup } = activity.conversation ?? {};
  return isGroup === true || conversationType === 'groupChat' || conversationType === 'channel';
}

interface Mention {
  type: 'mention';
  mentioned: { id: string };
  text: string;
}

function mentions(activity: Partial<Activity>): Mention[] {
  return (activity.entities ?? []).filter(
    (entity): entity is Mention =>
      entity.type === 'mention' &&
      typeof (entity as Partial<Mention>).mentioned?.id === 'string' &&
      typeof (entity as Partial<Mention>).text === 'string',
  );
}

/** Whether the message @mentions the bot (Teams lists mentions in `entities`, with the text they replace). */
export function mentionsBot(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return botId !== undefined && mentions(activity).some((mention) => mention.mentioned.id === botId);
}

/**
 * Takes the bot's @mention out of the text ("<at>BackCare</at> stop" is "stop") before anything reads it.
 * botbuilder's removeRecipientMention assumes well-formed mention entities; it is only given messages whose are.
 */
export function removeBotMention(activity: Activity): void {
  const allMentions = (activity.entities ?? []).filter((entity) => entity.type === 'mention').length;
  if (typeof activity.text !== 'string' || !mentionsBot(activity) || allMentions !== mentions(activity).length) return;
  TurnContext.removeRecipientMention(activity);
}
