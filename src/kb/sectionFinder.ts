import type { SpellingFixer } from '../nlu/spelling';
import { BIAS, type Features } from '../nlu/textFeatures';
import { Utterance } from '../nlu/utterance';
import type { Topic, TopicSection } from './loadKnowledge';

/**
 * A section answers first only when one of its questions is at least this close to the message (cosine), and
 * closer by MIN_MARGIN than any general question of the topic: a wrong section first would hide the answer.
 */
const MIN_SIMILARITY = 0.4;
const MIN_MARGIN = 0.1;

interface SectionVectors {
  section: TopicSection;
  questions: Features[];
}

interface TopicVectors {
  /** How much each feature says within this topic: words every question has ("back", "pain") say little. */
  weights: Map<string, number>;
  general: Features[];
  sections: SectionVectors[];
}

/**
 * Which part of a topic a question asks about: "is hot stone safe if I'm pregnant" is the hot-stone topic, and
 * within it the paragraph on who should take care. Nearest neighbour over the same word features the models
 * read, weighted by how rare each is among the topic's questions, between the message and each section's
 * example questions, against the topic's general questions: a section is chosen only when it is nearer.
 */
export class SectionFinder {
  private readonly byTopic = new Map<string, TopicVectors>();

  constructor(topics: readonly Topic[], spelling?: SpellingFixer) {
    const features = (text: string) => new Utterance(text, spelling).features;
    for (const topic of topics) {
      if (topic.sections.length === 0) continue;
      const inSections = new Set(topic.sections.flatMap((section) => section.questions));
      const read = new Map([topic.title, ...topic.questions].map((text) => [text, features(text)]));
      const weights = inverseFrequencies([...read.values()]);
      const vector = (text: string) => weighted(read.get(text)!, weights);
      this.byTopic.set(topic.id, {
        weights,
        general: [topic.title, ...topic.questions.filter((question) => !inSections.has(question))].map(vector),
        sections: topic.sections.map((section) => ({ section, questions: section.questions.map(vector) })),
      });
    }
  }

  /** The section of the topic that the message asks about, or undefined for the topic as a whole. */
  sectionFor(topicId: string, message: Utterance): TopicSection | undefined {
    const vectors = this.byTopic.get(topicId);
    if (!vectors) return undefined;
    const vector = weighted(message.features, vectors.weights);
    const general = nearest(vector, vectors.general);
    let best: { section: TopicSection; similarity: number } | undefined;
    for (const { section, questions } of vectors.sections) {
      const similarity = nearest(vector, questions);
      if (!best || similarity > best.similarity) best = { section, similarity };
    }
    return best && best.similarity >= MIN_SIMILARITY && best.similarity >= general + MIN_MARGIN
      ? best.section
      : undefined;
  }
}

/** log(n / df): a feature in every question weighs nothing; features no question has are dropped. */
function inverseFrequencies(questions: Features[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const question of questions)
    for (const name of question.keys()) if (name !== BIAS) counts.set(name, (counts.get(name) ?? 0) + 1);
  return new Map([...counts].map(([name, count]) => [name, Math.log(questions.length / count)]));
}

/** Each feature times its weight, scaled back to unit length. */
function weighted(features: Features, weights: Map<string, number>): Features {
  const result: Features = new Map();
  let norm = 0;
  for (const [name, value] of features) {
    const w = value * (weights.get(name) ?? 0);
    if (w === 0) continue;
    result.set(name, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [name, value] of result) result.set(name, value / norm);
  return result;
}

function nearest(message: Features, examples: Features[]): number {
  return examples.reduce((most, example) => Math.max(most, cosine(message, example)), 0);
}

/** Both are scaled to unit length already. */
function cosine(a: Features, b: Features): number {
  let dot = 0;
  for (const [name, value] of a) dot += value * (b.get(name) ?? 0);
  return dot;
}
