import Fuse from 'fuse.js';
import { isEnglishWord } from '../nlu/englishWords';
import { stem, tokenise } from '../nlu/normalise';
import { STOPWORDS } from '../nlu/stopwords';
import { WordSequences } from '../nlu/wordSequences';
import type { Lexicon } from './schema';

/** How much a term found one way is trusted, compared with the word as typed. */
const SYNONYM_QUALITY = 0.85;
/** Spelling-tolerant lookups: a typo must be close, and short words are too ambiguous to correct. */
const FUZZY_THRESHOLD = 0.3;
const FUZZY_MIN_LENGTH = 4;
/** No word of the knowledge base is longer: a longer "word" is not a typo of one, and fuse.js's cost grows with it. */
const FUZZY_MAX_LENGTH = 24;
/** Corrections remembered (a word is corrected the same way every time); cleared when full. */
const MAX_REMEMBERED_CORRECTIONS = 20_000;
const MAX_PHRASE_WORDS = 5;

export interface ExtractedTerms {
  /** term -> how sure we are it was meant (1 typed as is, less for synonyms and corrected typos). */
  terms: Map<string, number>;
  /** Body parts other than the lower back that the message is about, as stems (none when it also names the lower back). */
  otherBodyParts: string[];
  /** Whether the message is about back care (a domain word) or asks the assistant about itself or the clinic. */
  inDomain: boolean;
}

/** The knowledge base's own words, as the extractor reads them from the topics' texts (saved with the models). */
export interface LearnedVocabulary {
  /** Every word of the texts, spelled as the lexicon spells it. */
  words: string[];
  /** The stems of each phrase of two to MAX_PHRASE_WORDS words (titles and keywords). */
  phrases: string[][];
}

interface Sequence {
  words: string[];
  qualities: number[];
}

/** A term made of several words is kept whole, marked so it never collides with a single word. */
export const phraseTerm = (stems: string[]): string => `"${stems.join(' ')}"`;
/** A phrase term with at least two words that are not stop words: specific enough to show what a message is about. */
export const isSpecificPhrase = (term: string): boolean =>
  term.startsWith('"') &&
  term
    .slice(1, -1)
    .split(' ')
    .filter((word) => !STOPWORDS.has(word)).length >= 2;

/**
 * Turns text into the terms the knowledge index works with. The index's own
 * titles, questions and keywords go through the same steps as users'
 * messages (without spelling correction), so both sides meet on one
 * vocabulary: spelling variants unified, synonyms added beside the original
 * word, stop words dropped, words stemmed, and phrases of known keywords kept
 * as single terms.
 */
export class TermExtractor {
  private readonly spelling: Map<string, string>;
  /** variant phrase (normalised words) -> canonical words. */
  private readonly synonyms = new WordSequences<string[]>();
  /** Domain words and phrases, as stems; likewise the two assistant lists. */
  private readonly domain: WordSequences;
  private readonly assistantWords: WordSequences;
  private readonly addressingAssistant: WordSequences;
  /** Body parts, as words. */
  private readonly lowerBack: WordSequences;
  private readonly otherBodyParts: WordSequences;
  /** Keyword phrases of two words or more, as stems. */
  private readonly phrases = new WordSequences();
  /** The words of the synonyms' variants and of the other body parts, which typos are corrected to as well. */
  private readonly lexiconWords: string[] = [];
  private readonly knownWords = new Set<string>();
  /** One small fuse.js index per first letter: a typo rarely hits the first letter, and small indexes are fast. */
  private readonly fuzzyByLetter = new Map<string, Fuse<string>>();
  private readonly corrections = new Map<string, { word: string; quality: number }>();

  constructor(lexicon: Lexicon) {
    this.spelling = new Map(
      Object.entries(lexicon.spelling).map(([variant, canonical]) => [norm(variant), norm(canonical)]),
    );
    for (const [canonical, variants] of Object.entries(lexicon.synonyms)) {
      const canonicalWords = this.spell(tokenise(canonical));
      for (const variant of variants) {
        const words = this.spell(tokenise(variant));
        this.synonyms.set(words, canonicalWords);
        this.lexiconWords.push(...words);
      }
    }
    const spelled = (phrases: string[], toKey: (word: string) => string) => {
      const sequences = new WordSequences();
      for (const phrase of phrases) sequences.set(this.spell(tokenise(phrase)).map(toKey), true);
      return sequences;
    };
    this.domain = spelled(lexicon.domain, stem);
    this.assistantWords = spelled(lexicon.assistantWords, stem);
    this.addressingAssistant = spelled(lexicon.addressingAssistant, stem);
    this.lowerBack = spelled(lexicon.lowerBack, (word) => word);
    this.otherBodyParts = spelled(lexicon.otherBodyParts, (word) => word);
    for (const part of lexicon.otherBodyParts) this.lexiconWords.push(...this.spell(tokenise(part)));
  }

  /** The vocabulary of the index's texts: phrases to keep whole and words that typos are corrected to. */
  vocabularyOf(texts: { phrase: boolean; text: string }[]): LearnedVocabulary {
    const known = new Set<string>();
    const phrases: string[][] = [];
    for (const { phrase, text } of texts) {
      const words = this.spell(tokenise(text));
      words.forEach((word) => known.add(word));
      const stems = words.map(stem);
      if (phrase && stems.length > 1 && stems.length <= MAX_PHRASE_WORDS) phrases.push(stems);
    }
    return { words: [...known], phrases };
  }

  /** Registers the vocabulary of the index (vocabularyOf). */
  learn({ words, phrases }: LearnedVocabulary): void {
    for (const stems of phrases) this.phrases.set(stems, true);
    for (const word of [...words, ...this.lexiconWords]) this.knownWords.add(word);

    const byLetter = new Map<string, string[]>();
    for (const word of this.knownWords) {
      if (word.length < FUZZY_MIN_LENGTH || /\d/.test(word)) continue;
      const list = byLetter.get(word[0]) ?? [];
      list.push(word);
      byLetter.set(word[0], list);
    }
    this.fuzzyByLetter.clear();
    this.corrections.clear();
    for (const [letter, words] of byLetter) {
      this.fuzzyByLetter.set(
        letter,
        new Fuse(words, { includeScore: true, threshold: FUZZY_THRESHOLD, ignoreLocation: true }),
      );
    }
  }

  /**
   * A user's message has its typos corrected, and a known phrase in it stands for its words ("hot stone" is
   * not also "hot" and "stone").
   */
  extract(text: string): ExtractedTerms {
    const typed = this.spell(tokenise(text)).map((word) => this.correct(word));
    const { sequences, explained } = this.expandSynonyms(typed);
    const terms = new Map<string, number>();
    sequences.forEach((sequence, index) => {
      const inPhrase = this.addTerms(sequence, 'message', terms);
      if (index === 0) inPhrase.forEach((position) => explained.add(position));
    });
    return {
      terms,
      otherBodyParts: this.otherBodyPartsIn(sequences[0].words, explained),
      inDomain: this.isInDomain(sequences),
    };
  }

  /**
   * A topic's own text is taken as written, and keeps both a phrase and its words, so that a message using one of
   * the words alone still finds the topic. Only its terms are needed (read for every topic at start-up).
   */
  topicTerms(text: string): Map<string, number> {
    const typed = this.spell(tokenise(text)).map((word) => ({ word, quality: 1 }));
    const terms = new Map<string, number>();
    for (const sequence of this.expandSynonyms(typed).sequences) this.addTerms(sequence, 'topic', terms);
    return terms;
  }

  /**
   * The typed words, then one sequence per synonym found, of its canonical words. Synonyms may span several words
   * ("work from home"); a span whose synonym is a phrase ("hug my knees" -> "knee to chest") is explained by it.
   */
  private expandSynonyms(typed: { word: string; quality: number }[]): {
    sequences: Sequence[];
    explained: Set<number>;
  } {
    const words = typed.map((w) => w.word);
    const qualities = typed.map((w) => w.quality);
    const sequences: Sequence[] = [{ words, qualities }];
    const explained = new Set<number>();
    this.synonyms.forEach(
      words,
      (start, end, canonical) => {
        const quality = SYNONYM_QUALITY * Math.min(...qualities.slice(start, end));
        sequences.push({ words: canonical, qualities: canonical.map(() => quality) });
        if (canonical.length > 1) for (let i = start; i < end; i++) explained.add(i);
      },
      MAX_PHRASE_WORDS,
    );
    return { sequences, explained };
  }

  /** Adds the sequence's phrase terms and word terms; returns the positions inside a known phrase. */
  private addTerms(
    { words, qualities }: Sequence,
    source: 'message' | 'topic',
    terms: Map<string, number>,
  ): Set<number> {
    const add = (term: string, quality: number) => terms.set(term, Math.max(quality, terms.get(term) ?? 0));
    const stems = words.map(stem);
    const inPhrase = new Set<number>();
    this.phrases.forEach(stems, (start, end) => {
      add(phraseTerm(stems.slice(start, end)), Math.min(...qualities.slice(start, end)));
      for (let i = start; i < end; i++) inPhrase.add(i);
    });
    words.forEach((word, index) => {
      const standsForPhrase = inPhrase.has(index) && source === 'message';
      if (!standsForPhrase && !STOPWORDS.has(word) && word.length > 1) add(stems[index], qualities[index]);
    });
    return inPhrase;
  }

  /** About back care (a domain word), or asking the assistant about itself or the clinic. */
  private isInDomain(sequences: Sequence[]): boolean {
    let inDomain = false;
    let aboutAssistant = false;
    let addressesAssistant = false;
    for (const { words } of sequences) {
      const stems = words.map(stem);
      inDomain ||= this.domain.occursIn(stems, MAX_PHRASE_WORDS);
      aboutAssistant ||= this.assistantWords.occursIn(stems, MAX_PHRASE_WORDS);
      addressesAssistant ||= this.addressingAssistant.occursIn(stems, MAX_PHRASE_WORDS);
    }
    return inDomain || (aboutAssistant && addressesAssistant);
  }

  /** Body parts other than the lower back, unless the lower back is named too or the part is inside a phrase ("knee to chest"). */
  private otherBodyPartsIn(words: string[], explained: Set<number>): string[] {
    if (this.lowerBack.occursIn(words, MAX_PHRASE_WORDS)) return [];
    const parts: string[] = [];
    this.otherBodyParts.forEach(
      words,
      (start, end) => {
        let isExplained = false;
        for (let i = start; i < end; i++) isExplained ||= explained.has(i);
        if (!isExplained) parts.push(words.slice(start, end).map(stem).join(' '));
      },
      MAX_PHRASE_WORDS,
    );
    return parts;
  }

  private spell(words: string[]): string[] {
    return words.flatMap((word) => (this.spelling.get(word) ?? word).split(' '));
  }

  /** A word that is neither English nor known to the knowledge base is taken as a typo of the closest word it does know, if one is close enough. */
  private correct(word: string): { word: string; quality: number } {
    if (
      this.knownWords.has(word) ||
      STOPWORDS.has(word) ||
      word.length < FUZZY_MIN_LENGTH ||
      word.length > FUZZY_MAX_LENGTH ||
      /\d/.test(word) ||
      isEnglishWord(word)
    ) {
      return { word, quality: 1 };
    }
    const remembered = this.corrections.get(word);
    if (remembered) return remembered;
    const best = this.fuzzyByLetter
      .get(word[0])
      ?.search(word, { limit: 3 })
      .find((hit) => Math.abs(hit.item.length - word.length) <= 2);
    const correction =
      !best || best.score === undefined ? { word, quality: 1 } : { word: best.item, quality: 1 - best.score };
    if (this.corrections.size >= MAX_REMEMBERED_CORRECTIONS) this.corrections.clear();
    this.corrections.set(word, correction);
    return correction;
  }
}

function norm(text: string): string {
  return tokenise(text).join(' ');
}
