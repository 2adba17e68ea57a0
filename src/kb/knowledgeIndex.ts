import { recognizeCommand, type Command } from '../nlu/commands';
import type { LinearModel } from '../nlu/linearModel';
import { normaliseText } from '../nlu/normalise';
import type { Knowledge, Topic, TopicSection } from './loadKnowledge';
import { SectionFinder } from './sectionFinder';
import type { SpellingFixer } from '../nlu/spelling';
import { Utterance } from '../nlu/utterance';
import type { TermIndex } from './termIndex';
import { NO_TOPIC, topicFeatures } from './topicModel';

export interface TopicScore {
  topic: string;
  confidence: number;
}

/** Two topics a message weighs against each other, and the topic on the comparison itself if there is one. */
export interface Comparison {
  sides: [string, string];
  answeredBy: string | null;
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
  private readonly sections: SectionFinder;

  constructor(
    knowledge: Knowledge,
    private readonly terms: TermIndex,
    private readonly model: LinearModel,
    private readonly spelling?: SpellingFixer,
  ) {
    this.topics = new Map(knowledge.topics.map((topic) => [topic.id, topic]));
    this.byTitle = new Map(knowledge.topics.map((topic) => [normaliseText(topic.title), topic]));
    this.sections = new SectionFinder(knowledge.topics, spelling);
  }

  /** A message read as this index reads it (spelling fixed with the knowledge base's words). */
  read(text: string): Utterance {
    return new Utterance(text, this.spelling);
  }

  /** The part of a topic the message asks about ("is hot stone safe if I'm pregnant"), to answer first. */
  sectionFor(topicId: string, message: string | Utterance): TopicSection | undefined {
    return this.sections.sectionFor(topicId, this.utterance(message));
  }

  private utterance(message: string | Utterance): Utterance {
    return typeof message === 'string' ? this.read(message) : message;
  }

  /** The topic whose title is exactly this text (what a tapped suggested action sends back). */
  findByTitle(text: string): Topic | undefined {
    return this.byTitle.get(normaliseText(text));
  }

  match(message: string | Utterance): MatchResult {
    const utterance = this.utterance(message);
    // Conversation commands are not questions, except two that ask about the assistant itself.
    const command = recognizeCommand(utterance);
    if (command !== null) {
      const topic = COMMAND_TOPICS[command];
      return topic && this.topics.has(topic)
        ? { topic, confidence: 1, alternatives: [] }
        : { topic: null, confidence: 0, alternatives: [] };
    }
    const probabilities = this.model.predict(topicFeatures(utterance, this.terms));
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
   * The two topics a comparison weighs, when each side names a different one ("massage or stretches?"), and
   * the topic that answers the comparison itself, if one does: a sure match for the whole message that links to
   * both sides ("swedish or thai, which is better?" is the topic on choosing a massage). Null when the message
   * compares nothing.
   */
  comparison(message: string | Utterance, whole: MatchResult = this.match(message)): Comparison | null {
    const normalised = this.utterance(message).normalised;
    // A long message with an "or" in it is a story, not a comparison.
    if (!COMPARING.test(normalised) || normalised.split(' ').length > MAX_COMPARISON_WORDS) return null;
    const parts = normalised.split(BETWEEN_PARTS).filter((part) => part.trim() !== '');
    if (parts.length < 2) return null;
    const [before, after] = [parts[0], parts.slice(1).join(' ')].map((part) => this.match(part));
    if (!before.topic || !after.topic || before.topic === after.topic) return null;
    if (Math.min(before.confidence, after.confidence) < PART_CONFIDENCE) return null;
    const sides: [string, string] = [before.topic, after.topic];
    const related = (whole.topic && this.topics.get(whole.topic)?.related) || [];
    const aboutTheComparison =
      whole.confidence >= SURE_CONFIDENCE && sides.every((side) => side === whole.topic || related.includes(side));
    return { sides, answeredBy: aboutTheComparison ? whole.topic : null };
  }
}

/** A message weighing two things: "massage or stretches?", "swedish vs thai", "the difference between X and Y". */
const COMPARING = /\b(or|vs|versus|compared? (to|with)|difference|diff|better)\b/;
const BETWEEN_PARTS = /\b(?:or|vs|versus|compared? (?:to|with)|and|than)\b/;
/** Each half of a comparison must name its topic on its own ("massage" is the topic on choosing one, at 0.48). */
const PART_CONFIDENCE = 0.4;
const MAX_COMPARISON_WORDS = 20;

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
