import type { TurnContext } from 'botbuilder';
import { renderReply, type Reply } from '../src/channels/reply';

export async function send(context: TurnContext, reply: Reply): Promise<void> {
  await context.sendActivity(renderReply(reply, context.activity.channelId));
}
