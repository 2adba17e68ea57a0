import { isTypoOf } from './typos';

export interface PhraseMatch {
  /** Which phrase, by its index in the list the matcher was built from. */
  phrase: number;
  start: number;
  /** One past the last word. */
  end: number;
}

export interface PhraseMatcherOptions {
  /** Words of a phrase this long tolerate one typo in what was typed; unset, phrases match exactly. */
  typoMinLength?: number;
}

/** Distinct typed words remembered with the phrase words they can stand for; cleared when full. */
const MAX_REMEMBERED_WORDS = 50_000;

/**
 * Finds many phrases (each a list of words) in a tokenised message in time
 * linear in the message: phrases are indexed by their first word, and the
 * phrase words a typed word can stand for (itself, or the words it is a typo
 * of) are looked up through a deletion index and remembered, so repeated or
 * long messages cost the same per word as short ones.
 */
export class PhraseMatcher {
  private readonly byFirstWord = new Map<string, number[]>();
  /** Every word of a phrase that tolerates a typo, under each form with one letter deleted (and itself). */
  private readonly byDeletion = new Map<string, string[]>();
  private readonly vocabulary = new Set<string>();
  private readonly standsFor = new Map<string, readonly string[]>();
  private readonly typoMinLength: number;

  constructor(
    private readonly phrases: readonly (readonly string[])[],
    { typoMinLength = Number.POSITIVE_INFINITY }: PhraseMatcherOptions = {},
  ) {
    this.typoMinLength = typoMinLength;
    phrases.forEach((phrase, index) => {
      if (phrase.length === 0) return;
      const list = this.byFirstWord.get(phrase[0]) ?? [];
      list.push(index);
      this.byFirstWord.set(phrase[0], list);
      for (const word of phrase) this.vocabulary.add(word);
    });
    for (const word of this.vocabulary) {
      if (word.length < typoMinLength) continue;
      for (const key of [word, ...deletions(word)]) {
        const list = this.byDeletion.get(key) ?? [];
        if (!list.includes(word)) list.push(word);
        this.byDeletion.set(key, list);
      }
    }
  }

  /**
   * Every occurrence of every phrase, in order of position. With `sentenceOf` (the sentence of each word), a
   * phrase never runs from one sentence into the next.
   */
  findAll(words: readonly string[], sentenceOf?: readonly number[]): PhraseMatch[] {
    const found: PhraseMatch[] = [];
    const exact = !Number.isFinite(this.typoMinLength);
    const forms = exact ? undefined : words.map((word) => this.formsOf(word));
    const has = (at: number, word: string) => (forms ? forms[at].includes(word) : words[at] === word);
    for (let start = 0; start < words.length; start++) {
      for (const first of forms ? forms[start] : [words[start]]) {
        for (const phrase of this.byFirstWord.get(first) ?? []) {
          const end = start + this.phrases[phrase].length;
          if (end > words.length || (sentenceOf && sentenceOf[end - 1] !== sentenceOf[start])) continue;
          let matches = true;
          for (let i = 1; i < end - start && matches; i++) matches = has(start + i, this.phrases[phrase][i]);
          if (matches) found.push({ phrase, start, end });
        }
      }
    }
    return found;
  }

  /** Whether any of the phrases occurs. */
  occursIn(words: readonly string[]): boolean {
    return this.findAll(words).length > 0;
  }

  /** The phrase words a typed word can stand for: itself when a phrase uses it, and the words it is a typo of. */
  private formsOf(word: string): readonly string[] {
    const known = this.standsFor.get(word);
    if (known) return known;
    const forms = new Set<string>();
    if (this.vocabulary.has(word)) forms.add(word);
    if (Number.isFinite(this.typoMinLength) && word.length >= this.typoMinLength - 1 && word.length < 40) {
      for (const key of [word, ...deletions(word)])
        for (const candidate of this.byDeletion.get(key) ?? [])
          if (candidate !== word && isTypoOf(word, candidate, this.typoMinLength)) forms.add(candidate);
    }
    const result = [...forms];
    if (this.standsFor.size >= MAX_REMEMBERED_WORDS) this.standsFor.clear();
    this.standsFor.set(word, result);
    return result;
  }
}

function deletions(word: string): string[] {
  const result: string[] = [];
  for (let i = 0; i < word.length; i++) result.push(word.slice(0, i) + word.slice(i + 1));
  return result;
}
