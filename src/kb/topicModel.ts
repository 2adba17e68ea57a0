import { LinearModel, type Example } from '../nlu/linearModel';
import type { SpellingFixer } from '../nlu/spelling';
import type { Features } from '../nlu/textFeatures';
import { Utterance } from '../nlu/utterance';
import type { Knowledge } from './loadKnowledge';
import type { TermIndex } from './termIndex';
import type { TopicExample, TrainingSet } from './trainingSets';

/** The class of messages no topic answers. */
export const NO_TOPIC = 'none';
/** How many of the term index's best topics the model reads. */
const RANKED_TOPICS = 5;

/**
 * What the topic model reads: the message's words (as for the safety model),
 * and what the knowledge base's own words say about it (the term index's best
 * topics, whether it is about back care at all, another body part), so that
 * the model learns from the writers' phrasings how far to trust each.
 */
export function topicFeatures(utterance: Utterance, terms: TermIndex): Features {
  const features = new Map(utterance.features);
  const ranking = terms.rank(utterance.text);
  for (const { topic, strength, lead } of ranking.topics.slice(0, RANKED_TOPICS))
    features.set(`@${topic}`, strength * (1 - lead));
  if (ranking.inDomain) features.set('@in-domain', 1);
  if (ranking.otherBodyPart) features.set('@other-body-part', 1);
  return features;
}

export function topicClasses(knowledge: Knowledge): string[] {
  return [NO_TOPIC, ...knowledge.topics.map((topic) => topic.id)];
}

/**
 * The examples: the writers' messages (each labelled with the topic it wants, or none for those no topic
 * answers), and each topic's own title and example questions.
 */
export function topicExamples(
  knowledge: Knowledge,
  terms: TermIndex,
  sets: TrainingSet<TopicExample>[],
  spelling?: SpellingFixer,
): Example[] {
  const example = (text: string, label: string) => ({
    features: topicFeatures(new Utterance(text, spelling), terms),
    label,
  });
  return [
    ...sets.flatMap((set) => set.examples.map(({ text, topic }) => example(text, topic ?? NO_TOPIC))),
    ...knowledge.topics.flatMap((topic) => [topic.title, ...topic.questions].map((text) => example(text, topic.id))),
  ];
}

export function trainTopicModel(
  knowledge: Knowledge,
  terms: TermIndex,
  sets: TrainingSet<TopicExample>[],
  spelling?: SpellingFixer,
): LinearModel {
  return LinearModel.train(topicExamples(knowledge, terms, sets, spelling), topicClasses(knowledge));
}
