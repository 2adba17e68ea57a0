import { recognizeCommand, type Command } from '../nlu/commands';
import { normaliseText, stem, tokenise } from '../nlu/normalise';
import type { Knowledge, Topic } from './loadKnowledge';
import { isSpecificPhrase, TermExtractor } from './termExtractor';

export interface TopicScore {
  topic: string;
  confidence: number;
}

export interface MatchResult {
  /** The best topic, or null when nothing fits well enough to answer. */
  topic: string | null;
  confidence: number;
  /** Runner-up topics, best first (never the chosen topic). */
  alternatives: TopicScore[];
}

/** Below this, a message is not about any topic. Chosen on the phrasing sets in test/fixtures. */
export const MIN_CONFIDENCE = 0.4;
/** From here on the bot answers straight away; between the two it says it is unsure and offers choices. */
export const SURE_CONFIDENCE = 0.6;
const MAX_ALTERNATIVES = 3;
/** Commands whose words ask about the assistant: "help" what it can do, "delete my data" privacy (catalogue ids are stable). */
const COMMAND_TOPICS: Partial<Record<Command, string>> = {
  help: 'bot.help',
  forgetMe: 'bot.privacy',
  whatDoYouKnow: 'bot.privacy',
};
/** Both keep a message below MIN_CONFIDENCE whatever words it shares with a topic. */
const OTHER_BODY_PART_FACTOR = 0.35;
const OUT_OF_DOMAIN_FACTOR = 0.35;
/** Evidence at which confidence reaches about 63%: roughly one distinctive keyword. */
const EVIDENCE_SCALE = 6;

/**
 * How strongly a word ties a message to a topic: a title word most, then
 * keywords, then words of the example questions. Keyword and question
 * weights add up to a cap, so a word repeated in many questions does not
 * outweigh the title.
 */
const TITLE_WEIGHT = 3;
const FIELD_WEIGHT = { keyword: 2.5, question: 0.8 } as const;
const MAX_FIELD_WEIGHT = 3;

/**
 * Matching a message to a topic in well under a millisecond: fuse.js only
 * corrects spelling word by word against the knowledge base's own vocabulary
 * (small, fast lookups), and topics are ranked by a weighted sum over the
 * terms they share with the message, each weighted by how rare it is across
 * topics (a word every topic uses says little).
 */
export class KnowledgeIndex {
  private readonly extractor: TermExtractor;
  private readonly weights = new Map<string, Map<string, number>>();
  private readonly idf = new Map<string, number>();
  /** The idf of a term only one topic uses. */
  private readonly uniqueIdf: number;
  /** The stems of every word in each topic's title and keywords, phrases broken up. */
  private readonly ownWords = new Map<string, Set<string>>();
  readonly topics: ReadonlyMap<string, Topic>;
  private readonly byTitle: ReadonlyMap<string, Topic>;

  constructor(knowledge: Knowledge) {
    this.topics = new Map(knowledge.topics.map((topic) => [topic.id, topic]));
    this.byTitle = new Map(knowledge.topics.map((topic) => [normaliseText(topic.title), topic]));
    this.extractor = new TermExtractor(knowledge.lexicon);
    this.extractor.learn(
      knowledge.topics.flatMap((topic) => [
        { phrase: true, text: topic.title },
        ...topic.keywords.map((text) => ({ phrase: true, text })),
        ...topic.questions.map((text) => ({ phrase: false, text })),
      ]),
    );

    for (const topic of knowledge.topics) {
      const weights = new Map<string, number>();
      const addField = (text: string, fieldWeight: number) => {
        for (const [term, quality] of this.extractor.extract(text, 'topic').terms) {
          weights.set(term, Math.min(MAX_FIELD_WEIGHT, (weights.get(term) ?? 0) + fieldWeight * quality));
        }
      };
      topic.keywords.forEach((keyword) => addField(keyword, FIELD_WEIGHT.keyword));
      topic.questions.forEach((question) => addField(question, FIELD_WEIGHT.question));
      for (const [term, quality] of this.extractor.extract(topic.title, 'topic').terms) {
        weights.set(term, (weights.get(term) ?? 0) + TITLE_WEIGHT * quality);
      }
      this.weights.set(topic.id, weights);
      this.ownWords.set(
        topic.id,
        new Set([topic.title, ...topic.keywords].flatMap((text) => tokenise(text).map(stem))),
      );
    }

    const documentFrequency = new Map<string, number>();
    for (const weights of this.weights.values()) {
      for (const term of weights.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
    const topicCount = knowledge.topics.length;
    for (const [term, count] of documentFrequency) this.idf.set(term, Math.log(1 + topicCount / count));
    this.uniqueIdf = Math.log(1 + topicCount);
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

    const { terms, otherBodyParts, inDomain } = this.extractor.extract(text, 'message');
    const specificPhrases = new Set([...terms.keys()].filter(isSpecificPhrase));
    const scores: { topic: string; score: number; specificPhrase: boolean; uniqueTerms: number }[] = [];
    for (const [topic, weights] of this.weights) {
      let score = 0;
      let specificPhrase = false;
      let uniqueTerms = 0;
      for (const [term, quality] of terms) {
        const weight = weights.get(term);
        if (weight === undefined) continue;
        const idf = this.idf.get(term) ?? 0;
        score += weight * quality * idf;
        specificPhrase ||= specificPhrases.has(term);
        if (idf >= this.uniqueIdf) uniqueTerms++;
      }
      if (score > 0) scores.push({ topic, score, specificPhrase, uniqueTerms });
    }
    scores.sort((a, b) => b.score - a.score);
    if (scores.length === 0) return { topic: null, confidence: 0, alternatives: [] };

    // Small talk and other subjects share words with topics ("good morning", "thai green curry"), and a knee or a
    // neck is not the lower back. A message counts as on topic when it has a back-care word, uses one of the best
    // topic's own multi-word phrases, or shares two terms with it that no other topic uses (off-topic text rarely
    // hits two by chance). A body part other than the lower back lowers confidence, unless the message uses a phrase
    // of the best topic and names only body parts that topic is about ("pull my knee in towards my chest").
    const own = this.ownWords.get(scores[0].topic)!;
    const describesTopic = scores[0].specificPhrase && otherBodyParts.every((part) => own.has(part));
    const onTopic = inDomain || describesTopic || scores[0].uniqueTerms >= 2;
    const scopeFactor =
      (otherBodyParts.length > 0 && !describesTopic ? OTHER_BODY_PART_FACTOR : 1) *
      (onTopic ? 1 : OUT_OF_DOMAIN_FACTOR);
    // Confidence grows with the evidence and with the lead over the runner-up: a close second means "not sure".
    const best = scores[0].score;
    const evidence = (score: number) => scopeFactor * (1 - Math.exp(-score / EVIDENCE_SCALE));
    const lead = (best - (scores[1]?.score ?? 0)) / best;
    const confidence = round(evidence(best) * (0.7 + 0.3 * lead));
    const alternatives = scores
      .slice(1, 1 + MAX_ALTERNATIVES)
      .map(({ topic, score }) => ({ topic, confidence: round(evidence(score) * 0.7 * (score / best)) }));
    return {
      topic: confidence >= MIN_CONFIDENCE ? scores[0].topic : null,
      confidence,
      alternatives,
    };
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
