import { stem, tokenise } from '../nlu/normalise';
import type { Knowledge } from './loadKnowledge';
import { isSpecificPhrase, TermExtractor, type LearnedVocabulary } from './termExtractor';

/** Evidence at which a topic's strength reaches about 63%: roughly one distinctive keyword. */
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

/** How strongly a message's words tie it to one topic, and what else the terms say about the message. */
export interface TermRanking {
  /** Topics sharing a term with the message, best first: strength from 0 (nothing) towards 1. */
  topics: { topic: string; strength: number; lead: number }[];
  /** The message has a back-care word, or asks the assistant about itself or the clinic. */
  inDomain: boolean;
  /** The message names a body part other than the lower back. */
  otherBodyPart: boolean;
}

/**
 * What the index reads from the knowledge base's own texts, saved with the models (src/kb/models.ts): reading every
 * title, keyword and question takes over 100 ms at start-up, when none of the code is optimised yet.
 */
export interface TermIndexData {
  vocabulary: LearnedVocabulary;
  /** Each topic's terms and their weights, topics in the knowledge base's order. */
  topicTerms: [topic: string, terms: [term: string, weight: number][]][];
  /** Each topic's stems of every word in its title and keywords, phrases broken up. */
  ownWords: [topic: string, stems: string[]][];
}

/**
 * What the knowledge base's own words say about a message, in well under a
 * millisecond: fuse.js corrects spelling word by word against the knowledge
 * base's vocabulary (small, fast lookups), and topics are ranked by a weighted
 * sum over the terms they share with the message, each weighted by how rare it
 * is across topics (a word every topic uses says little). The topic model
 * reads this ranking beside the message's words.
 */
export class TermIndex {
  /** The topics in a fixed order, and for each term the topics (by that order) that use it, with its weight there. */
  private readonly topicIds: string[] = [];
  private readonly postings = new Map<string, { topic: number; weight: number }[]>();
  private readonly idf = new Map<string, number>();
  /** The idf of a term only one topic uses. */
  private readonly uniqueIdf: number;
  /** The stems of every word in each topic's title and keywords, phrases broken up. */
  private readonly ownWords = new Map<string, Set<string>>();

  /** The index of a knowledge base, read from its topics' texts. */
  static build(knowledge: Knowledge): TermIndex {
    const extractor = new TermExtractor(knowledge.lexicon);
    const vocabulary = extractor.vocabularyOf(
      knowledge.topics.flatMap((topic) => [
        { phrase: true, text: topic.title },
        ...topic.keywords.map((text) => ({ phrase: true, text })),
        ...topic.questions.map((text) => ({ phrase: false, text })),
      ]),
    );
    extractor.learn(vocabulary);
    const topicTerms = knowledge.topics.map((topic): [string, [string, number][]] => {
      const weights = new Map<string, number>();
      const addField = (text: string, fieldWeight: number) => {
        for (const [term, quality] of extractor.topicTerms(text)) {
          weights.set(term, Math.min(MAX_FIELD_WEIGHT, (weights.get(term) ?? 0) + fieldWeight * quality));
        }
      };
      topic.keywords.forEach((keyword) => addField(keyword, FIELD_WEIGHT.keyword));
      topic.questions.forEach((question) => addField(question, FIELD_WEIGHT.question));
      for (const [term, quality] of extractor.topicTerms(topic.title)) {
        weights.set(term, (weights.get(term) ?? 0) + TITLE_WEIGHT * quality);
      }
      return [topic.id, [...weights]];
    });
    const ownWords = knowledge.topics.map((topic): [string, string[]] => [
      topic.id,
      [...new Set([topic.title, ...topic.keywords].flatMap((text) => tokenise(text).map(stem)))],
    ]);
    return new TermIndex(extractor, { vocabulary, topicTerms, ownWords });
  }

  /** The index as saved by toData, for the same knowledge base. */
  static fromData(knowledge: Knowledge, data: TermIndexData): TermIndex {
    const extractor = new TermExtractor(knowledge.lexicon);
    extractor.learn(data.vocabulary);
    return new TermIndex(extractor, data);
  }

  toData(): TermIndexData {
    return this.data;
  }

  private constructor(
    private readonly extractor: TermExtractor,
    private readonly data: TermIndexData,
  ) {
    const documentFrequency = new Map<string, number>();
    for (const [, terms] of data.topicTerms) {
      for (const [term] of terms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
    const topicCount = data.topicTerms.length;
    for (const [term, count] of documentFrequency) this.idf.set(term, Math.log(1 + topicCount / count));
    this.uniqueIdf = Math.log(1 + topicCount);
    for (const [topic, terms] of data.topicTerms) {
      const position = this.topicIds.push(topic) - 1;
      for (const [term, weight] of terms) {
        const list = this.postings.get(term) ?? [];
        list.push({ topic: position, weight });
        this.postings.set(term, list);
      }
    }
    for (const [topic, stems] of data.ownWords) this.ownWords.set(topic, new Set(stems));
  }

  rank(text: string): TermRanking {
    const { terms, otherBodyParts, inDomain } = this.extractor.extract(text);
    const specificPhrases = new Set([...terms.keys()].filter(isSpecificPhrase));
    // Only the topics that share a term with the message are visited (through each term's postings); kept by the
    // topic's position, so that they come out in the knowledge base's order and ties are broken as they always were.
    const byTopic: { topic: string; score: number; specificPhrase: boolean; uniqueTerms: number }[] = [];
    for (const [term, quality] of terms) {
      const postings = this.postings.get(term);
      if (!postings) continue;
      const idf = this.idf.get(term) ?? 0;
      for (const { topic, weight } of postings) {
        const entry = (byTopic[topic] ??= {
          topic: this.topicIds[topic],
          score: 0,
          specificPhrase: false,
          uniqueTerms: 0,
        });
        entry.score += weight * quality * idf;
        entry.specificPhrase ||= specificPhrases.has(term);
        if (idf >= this.uniqueIdf) entry.uniqueTerms++;
      }
    }
    // filter skips the positions of topics the message shares nothing with.
    const scores = byTopic.filter(({ score }) => score > 0);
    scores.sort((a, b) => b.score - a.score);
    if (scores.length === 0) return { topics: [], inDomain, otherBodyPart: otherBodyParts.length > 0 };
    // A body part other than the lower back counts against every topic, unless the message uses a phrase of the
    // best topic and names only body parts that topic is about ("pull my knee in towards my chest").
    const own = this.ownWords.get(scores[0].topic)!;
    const describesTopic = scores[0].specificPhrase && otherBodyParts.every((part) => own.has(part));
    const best = scores[0].score;
    return {
      topics: scores.map(({ topic, score }) => ({
        topic,
        strength: 1 - Math.exp(-score / EVIDENCE_SCALE),
        lead: (best - score) / best,
      })),
      inDomain: inDomain || describesTopic || scores[0].uniqueTerms >= 2,
      otherBodyPart: otherBodyParts.length > 0 && !describesTopic,
    };
  }
}
