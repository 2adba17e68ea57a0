import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Topic } from '../src/kb/loadKnowledge';
import type { ConversationData } from './conversationData';
import type { Replies } from './replies';
import { send } from './send';

/**
 * Sends a knowledge-base answer, from the main dialog or in the middle of
 * another one. After a warning sign, stretches and self-massage wait until a
 * clinician has checked the user.
 */
export async function answerTopic(
  context: TurnContext,
  topic: Topic,
  conversationData: StatePropertyAccessor<ConversationData>,
  replies: Replies,
): Promise<void> {
  const data = await conversationData.get(context, {});
  if (topic.selfCare && data.warningSign && !data.clinicianChecked) {
    await send(context, replies.heldForClinician());
    return;
  }
  data.lastTopicId = topic.id;
  await send(context, replies.topic(topic));
}
