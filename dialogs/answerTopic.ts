import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { SURE_CONFIDENCE, type KnowledgeIndex } from '../src/kb/knowledgeIndex';
import type { Topic, TopicSection } from '../src/kb/loadKnowledge';
import { warningSignUnchecked, type UserProfile } from '../src/plan/profile';
import type { Utterance } from '../src/nlu/utterance';
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
  profile: StatePropertyAccessor<UserProfile>,
  replies: Replies,
  section?: TopicSection,
): Promise<void> {
  // Read without creating it: after "forget me", a question must not store an empty profile again.
  const person = await profile.get(context);
  if (topic.selfCare && person && warningSignUnchecked(person)) {
    await send(context, replies.heldForClinician());
    return;
  }
  // Someone with a caution the topic lists hears first that it is not for them, then why.
  const note = replies.cautionNote(topic, person, context.activity.text ?? '');
  const shown = note?.section ?? section;
  const data = await conversationData.get(context, {});
  data.lastTopicId = topic.id;
  data.lastSection = shown?.heading;
  const reply = shown ? replies.section(topic, shown) : replies.topic(topic);
  await send(context, note ? { ...reply, text: `${note.text}\n\n${reply.text}` } : reply);
}

/**
 * In the middle of a dialog, a message that is not an answer may be a
 * question: a tapped topic title or a sure match is answered (true), so the
 * dialog can ask its own question again.
 */
export async function answerKnowledgeQuestion(
  context: TurnContext,
  message: Utterance,
  index: KnowledgeIndex,
  conversationData: StatePropertyAccessor<ConversationData>,
  profile: StatePropertyAccessor<UserProfile>,
  replies: Replies,
): Promise<boolean> {
  const titled = index.findByTitle(message.text);
  const match = titled ? undefined : index.match(message);
  const topic =
    titled ?? (match?.topic && match.confidence >= SURE_CONFIDENCE ? index.topics.get(match.topic) : undefined);
  if (!topic) return false;
  const section = titled ? undefined : index.sectionFor(topic.id, message);
  await answerTopic(context, topic, conversationData, profile, replies, section);
  return true;
}
