import { normaliseText, tokeniseSentences, type MessageTokens, type SentenceTokens } from './normalise';
import type { SpellingFixer } from './spelling';
import { featureCounts, scaled, type Features } from './textFeatures';

/**
 * One reading of a message, made once per turn and shared by everything that reads it: the safety screen, the
 * commands, the knowledge match and the assessment's answer readers. Each part is worked out on first use and
 * kept, so a turn normalises, tokenises and spell-fixes its message once, and every part sees the same words.
 */
export class Utterance {
  private normalisedText?: string;
  private tokens?: MessageTokens;
  private clauseTokens?: MessageTokens;
  private featureMap?: Features;
  /** A long message repeats its words: each one's spelling fix and feature key is worked out once. */
  private readonly seen = { fixed: new Map<string, string>(), keys: new Map<string, string>() };

  constructor(
    /** As the person typed it. */
    readonly text: string,
    private readonly spelling?: SpellingFixer,
  ) {}

  /** Lower case, without accents, apostrophes or punctuation: what the commands and answer readers match. */
  get normalised(): string {
    return (this.normalisedText ??= normaliseText(this.text));
  }

  /** The words as typed (normalised, not spelling fixed), with the sentence each is in: what the rules read. */
  get sentences(): SentenceTokens {
    return this.tokenised;
  }

  /** How many words the message has. */
  get wordCount(): number {
    return this.sentences.words.length;
  }

  /**
   * The words, spelling fixed ("matress" -> "mattress"), with the clause each is in: clauses end at . ! ? ; ,
   * and line breaks, so that a negation or a pair of words never reaches across one.
   */
  get clauses(): MessageTokens {
    if (!this.clauseTokens) {
      const tokens = { ...this.tokenised, sentenceOf: this.tokenised.clauseOf };
      const fixer = this.spelling;
      if (fixer) {
        const { fixed } = this.seen;
        const fix = (word: string) => {
          let as = fixed.get(word);
          if (as === undefined) fixed.set(word, (as = fixer.fix(word)));
          return as;
        };
        this.clauseTokens = { ...tokens, words: tokens.words.map(fix) };
      } else this.clauseTokens = tokens;
    }
    return this.clauseTokens;
  }

  /** What the learned models read (see featureCounts). Shared: copy it before adding to it. */
  get features(): Features {
    return (this.featureMap ??= scaled(featureCounts(this.clauses, this.seen.keys)));
  }

  /** The message read once into words, sentences, clauses and parts: what `sentences` and `clauses` share. */
  private get tokenised(): MessageTokens {
    return (this.tokens ??= tokeniseSentences(this.text));
  }

  /** How many parts (sentences, as a person would see them) the message has: see MessageTokens. */
  get partCount(): number {
    return this.clauses.partStarts.length;
  }

  /** How many words part `j` has. */
  partWords(j: number): number {
    return this.partEnd(j + 1) - this.clauses.partStarts[j];
  }

  /**
   * What the models read in parts `from` up to `to` alone, as if they were a message of their own (no feature
   * reaches across a sentence), from the words already read.
   */
  partFeatures(from: number, to: number): Features {
    return scaled(featureCounts(this.clauses, this.seen.keys, this.clauses.partStarts[from], this.partEnd(to)));
  }

  private partEnd(j: number): number {
    const { words, partStarts } = this.clauses;
    return j < partStarts.length ? partStarts[j] : words.length;
  }
}
