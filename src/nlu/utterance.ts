import { normaliseText, tokeniseSentences, type SentenceTokens } from './normalise';
import type { SpellingFixer } from './spelling';
import { textFeatures, type Features } from './textFeatures';

/**
 * One reading of a message, made once per turn and shared by everything that reads it: the safety screen, the
 * commands, the knowledge match and the assessment's answer readers. Each part is worked out on first use and
 * kept, so a turn normalises, tokenises and spell-fixes its message once, and every part sees the same words.
 */
export class Utterance {
  private normalisedText?: string;
  private clauseTokens?: SentenceTokens;
  private featureMap?: Features;

  constructor(
    /** As the person typed it. */
    readonly text: string,
    private readonly spelling?: SpellingFixer,
  ) {}

  /** Lower case, without accents, apostrophes or punctuation: what the commands and answer readers match. */
  get normalised(): string {
    return (this.normalisedText ??= normaliseText(this.text));
  }

  /**
   * The words, spelling fixed ("matress" -> "mattress"), with the clause each is in: clauses end at . ! ? ; ,
   * and line breaks, so that a negation or a pair of words never reaches across one.
   */
  get clauses(): SentenceTokens {
    if (!this.clauseTokens) {
      const tokens = tokeniseSentences(this.text.replace(/,/g, ';'));
      const fixer = this.spelling;
      this.clauseTokens = fixer ? { ...tokens, words: tokens.words.map((word) => fixer.fix(word)) } : tokens;
    }
    return this.clauseTokens;
  }

  /** What the learned models read (see textFeatures). Shared: copy it before adding to it. */
  get features(): Features {
    return (this.featureMap ??= textFeatures(this.clauses));
  }

  /** A part of this message (a few of its sentences), read the same way. */
  part(text: string): Utterance {
    return new Utterance(text, this.spelling);
  }
}
