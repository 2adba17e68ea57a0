import { isEnglishWord } from './englishWords';
import { withinOneEdit } from './typos';

/** Shorter words are left alone: one letter off, "pian" could be "pain" or "plan". */
const MIN_LENGTH = 5;
/** A word seen this often is one people use: only a far commoner spelling ("matress", 9, "mattress", 246) replaces it. */
const MIN_KNOWN = 3;
const FAR_COMMONER = 20;
/** A word seen less often is replaced by a real word this many times commoner. */
const COMMONER = 5;

/** The words the fixer knows: how often each is used, and those of the knowledge base itself. */
export interface Vocabulary {
  counts: ReadonlyMap<string, number>;
  /** The knowledge base's own words ("massager", "spinae"): never taken for typos. */
  curated: ReadonlySet<string>;
}

/**
 * Spelling fixes for words the models know: "matress" is read as "mattress", "excercises" as "exercises",
 * "stomack" as "stomach". A fix is one edit (a letter added, dropped, changed, or two swapped) to a real word,
 * English or the knowledge base's, that is much commoner in how people write about backs (the counts come from
 * the knowledge base and the models' training data, src/kb/vocabulary.ts); of several, the commonest. English
 * words, the knowledge base's words and words people often write ("wasnt", "thats") are left as they are.
 */
export class SpellingFixer {
  /** Every real word, and every form of it with one letter dropped, to the real words it comes from. */
  private readonly byDeletion = new Map<string, string[]>();

  constructor(private readonly vocabulary: Vocabulary) {
    for (const word of vocabulary.counts.keys()) {
      if (word.length < MIN_LENGTH - 1 || !(vocabulary.curated.has(word) || isEnglishWord(word))) continue;
      this.index(word, word);
      // Dropping any letter of a run of one letter ("mattress") gives the same form: the run's first stands for it.
      for (let i = 0; i < word.length; i++)
        if (word[i] !== word[i - 1]) this.index(word.slice(0, i) + word.slice(i + 1), word);
    }
  }

  private index(form: string, word: string): void {
    const words = this.byDeletion.get(form);
    if (words) words.push(word);
    else this.byDeletion.set(form, [word]);
  }

  /** The word as it was probably meant, or itself. */
  fix(word: string): string {
    const { counts, curated } = this.vocabulary;
    if (word.length < MIN_LENGTH || /\d/.test(word) || curated.has(word) || isEnglishWord(word)) return word;
    const seen = counts.get(word) ?? 0;
    let best = word;
    let bestCount = (seen >= MIN_KNOWN ? FAR_COMMONER * seen : COMMONER * Math.max(seen, 1)) - 1;
    for (const form of [word, ...deletions(word)])
      for (const candidate of this.byDeletion.get(form) ?? []) {
        const count = counts.get(candidate)!;
        if (count > bestCount && withinOneEdit(word, candidate)) {
          best = candidate;
          bestCount = count;
        }
      }
    return best;
  }
}

function deletions(word: string): string[] {
  const forms: string[] = [];
  for (let i = 0; i < word.length; i++) forms.push(word.slice(0, i) + word.slice(i + 1));
  return forms;
}
