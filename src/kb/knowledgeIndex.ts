import { recognizeCommand, type Command } from '../nlu/commands';
import type { LinearModel } from '../nlu/linearModel';
import { normaliseText } from '../nlu/normalise';
import type { Knowledge, Topic } from './loadKnowledge';
import type { TermIndex } from './termIndex';
import { NO_TOPIC, topicFeatures } from './topicModel';

export interface TopicScore {
  topic: string;
  confidence: number;
}

export interface MatchResult {
  /** The best topic, or null when nothing fits well enough to answer. */
  topic: string | null;
  /** The model's probability that the best topic is the one meant. */
  confidence: number;
  /** Runner-up topics, best first (never the chosen topic). */
  alternatives: TopicScore[];
}

/** Below this, a message is not about any topic; from SURE_CONFIDENCE on the bot answers straight away. */
export const MIN_CONFIDENCE = 0.25;
/** Between the two it says it is unsure and offers the likeliest topics. Chosen by cross-validation over writers. */
export const SURE_CONFIDENCE = 0.75;
const MAX_ALTERNATIVES = 3;
/** Alternatives offered beside an unsure match must themselves be plausible. */
const MIN_ALTERNATIVE = 0.08;
/** Commands whose words ask about the assistant: "help" what it can do, "delete my data" privacy (catalogue ids are stable). */
const COMMAND_TOPICS: Partial<Record<Command, string>> = {
  help: 'bot.help',
  forgetMe: 'bot.privacy',
  whatDoYouKnow: 'bot.privacy',
};

/**
 * Which topic a message wants: a learned model (trained on thousands of
 * questions from many writers, in knowledge/training/topics) reads the
 * message's words and the term index's ranking of the knowledge base's own
 * words, and says how likely each topic is, or none. Its probability is the
 * confidence: the bot answers when it is high, offers the likeliest topics
 * when it is middling, and declines below that.
 */
export class KnowledgeIndex {
  readonly topics: ReadonlyMap<string, Topic>;
  private readonly byTitle: ReadonlyMap<string, Topic>;

  constructor(
    knowledge: Knowledge,
    private readonly terms: TermIndex,
    private readonly model: LinearModel,
  ) {
    this.topics = new Map(knowledge.topics.map((topic) => [topic.id, topic]));
    this.byTitle = new Map(knowledge.topics.map((topic) => [normaliseText(topic.title), topic]));
  }

  /** The topic whose title is exactly this text (what a tapped suggested action sends back). */
  findByTitle(text: string): Topic | undefined {
    return this.byTitle.get(normaliseText(text));
  }

  match(text: string): MatchResult {
    // Conversation commands are not questions, except two that ask about the assistant itself.
    const command = recognizeCommand(text);
    if (command !== null) {
      const topic = COMMAND_TOPICS[command];
      return topic && this.topics.has(topic)
        ? { topic, confidence: 1, alternatives: [] }
        : { topic: null, confidence: 0, alternatives: [] };
    }
    const probabilities = this.model.predict(topicFeatures(text, this.terms));
    const ranked = this.model.classes
      .map((topic, i) => ({ topic, confidence: round(probabilities[i]) }))
      .filter(({ topic }) => topic !== NO_TOPIC && this.topics.has(topic))
      .sort((a, b) => b.confidence - a.confidence);
    const [best, ...rest] = ranked;
    const noTopic = probabilities[this.model.classes.indexOf(NO_TOPIC)] ?? 0;
    const chosen = best && best.confidence >= MIN_CONFIDENCE && best.confidence > noTopic ? best.topic : null;
    return {
      topic: chosen,
      confidence: best?.confidence ?? 0,
      alternatives: rest.filter(({ confidence }) => confidence >= MIN_ALTERNATIVE).slice(0, MAX_ALTERNATIVES),
    };
  }

  /**
   * The two topics a comparison weighs, when each side names a different one and no single topic answers the
   * comparison itself: "massage or stretches?" is two topics, "swedish or thai, which is better?" is the topic
   * on choosing a massage. Null when the message compares nothing.
   */
  comparedTopics(text: string, whole: MatchResult = this.match(text)): [string, string] | null {
    const normalised = normaliseText(text);
    // A long message with an "or" in it is a story, not a comparison.
    if (!COMPARING.test(normalised) || normalised.split(' ').length > MAX_COMPARISON_WORDS) return null;
    const parts = normalised.split(BETWEEN_PARTS).filter((part) => part.trim() !== '');
    if (parts.length < 2) return null;
    const [before, after] = [parts[0], parts.slice(1).join(' ')].map((part) => this.match(part));
    if (!before.topic || !after.topic || before.topic === after.topic) return null;
    if (Math.min(before.confidence, after.confidence) < PART_CONFIDENCE) return null;
    // A third topic that fits the whole message is about the comparison itself (choosing between massages, say).
    const aboutTheComparison =
      whole.topic !== null && whole.confidence >= SURE_CONFIDENCE && ![before.topic, after.topic].includes(whole.topic);
    return aboutTheComparison ? null : [before.topic, after.topic];
  }
}

/** A message weighing two things: "massage or stretches?", "swedish vs thai", "the difference between X and Y". */
const COMPARING = /\b(or|vs|versus|compared? (to|with)|difference|diff|better)\b/;
const BETWEEN_PARTS = /\b(?:or|vs|versus|compared? (?:to|with)|and|than)\b/;
/** Each half of a comparison must name its topic clearly on its own. */
const PART_CONFIDENCE = 0.5;
const MAX_COMPARISON_WORDS = 20;

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
