import type { CautionRules } from '../kb/schema';
import { stem, tokenise, tokeniseSentences } from './normalise';
import { PhraseMatcher, type PhraseMatch } from './phraseMatcher';

/** A negation this many words before a caution or nearer says it does not apply ("I'm not on blood thinners"). */
const NEGATION_WINDOW = 3;
/** "Used to", "might need": this near a caution, before or after it, puts it in another time than now. */
const TIME_WINDOW = 4;
/** Words of six letters or more may be typed with one typo ("pregnent", "warferin"). */
const TYPO_MIN_LENGTH = 6;

/** One of a caution's `saidWith` groups: its phrases, and the word endings that stand for it ("-ectomy"). */
interface Group {
  phrases: PhraseMatcher;
  endings: string[];
}

/**
 * Reads which health cautions (knowledge/cautions.yaml) a message says apply to the writer now: "I'm 20 weeks
 * pregnant", "on a bit of warfarin", "hernia repair last month". Words are stemmed and phrases matched with a typo
 * allowed; a caution is not the writer's when it is negated, said of someone else, of another time, or asked
 * about in general (the scopes are in the same file).
 */
export class CautionReader {
  private readonly said: PhraseMatcher;
  /** For each phrase of `said`, the caution it says. */
  private readonly cautionOf: number[] = [];
  private readonly groups: (Group[] | undefined)[];
  private readonly negations: PhraseMatcher;
  private readonly negatedAfter: PhraseMatcher;
  private readonly otherPeople: PhraseMatcher;
  private readonly aboutWriter: PhraseMatcher;
  private readonly past: PhraseMatcher;
  private readonly notYet: PhraseMatcher;
  private readonly questionStarts: Set<string>;

  constructor(private readonly rules: CautionRules) {
    const phrases: string[][] = [];
    rules.cautions.forEach((caution, index) => {
      for (const phrase of caution.said) {
        phrases.push(stems(phrase));
        this.cautionOf.push(index);
      }
    });
    this.said = new PhraseMatcher(phrases, { typoMinLength: TYPO_MIN_LENGTH });
    this.groups = rules.cautions.map((caution) =>
      caution.saidWith?.map((group) => ({
        phrases: new PhraseMatcher(group.filter((entry) => !entry.startsWith('-')).map(stems), {
          typoMinLength: TYPO_MIN_LENGTH,
        }),
        endings: group.filter((entry) => entry.startsWith('-')).map((entry) => entry.slice(1)),
      })),
    );
    const matcher = (list: string[]) => new PhraseMatcher(list.map(stems));
    this.negations = matcher(rules.negations);
    this.negatedAfter = matcher(rules.negatedAfter);
    this.otherPeople = matcher(rules.otherPeople);
    this.aboutWriter = matcher(rules.aboutWriter);
    this.past = matcher(rules.past);
    this.notYet = matcher(rules.notYet);
    this.questionStarts = new Set(rules.questionStarts);
  }

  /**
   * The ids of the cautions the message says apply to the writer, in the order of knowledge/cautions.yaml. With
   * `asking`, also those the writer asks about for themselves, now or in general ("is it safe if I'm pregnant?"),
   * but still not someone else's nor negated ones.
   */
  read(text: string, { asking = false } = {}): string[] {
    const { words, sentenceOf } = tokeniseSentences(text);
    const stemmed = words.map(stem);
    const writer = this.aboutWriter.findAll(stemmed, sentenceOf);
    // A question that says nothing of the writer asks in general ("is massage safe in pregnancy?").
    if (
      !asking &&
      (text.includes('?') || this.questionStarts.has(words[0])) &&
      writer.length === 0 &&
      !words.includes('my')
    )
      return [];
    const scopes = {
      negations: this.negations.findAll(stemmed, sentenceOf),
      negatedAfter: this.negatedAfter.findAll(stemmed, sentenceOf),
      others: this.otherPeople.findAll(stemmed, sentenceOf),
      writer,
      past: this.past.findAll(stemmed, sentenceOf),
      notYet: this.notYet.findAll(stemmed, sentenceOf),
    };
    const found = new Set<number>();
    const consider = (caution: number, match: PhraseMatch) => {
      if (this.isTheWriters(match, sentenceOf, scopes, this.rules.cautions[caution].lasting, asking))
        found.add(caution);
    };
    for (const match of this.said.findAll(stemmed, sentenceOf)) consider(this.cautionOf[match.phrase], match);
    this.groups.forEach((groups, caution) => {
      if (!groups || found.has(caution)) return;
      const matches = groups.map((group) => [
        ...group.phrases.findAll(stemmed, sentenceOf),
        ...words.flatMap((word, at) =>
          group.endings.some((ending) => word.endsWith(ending)) ? [{ phrase: -1, start: at, end: at + 1 }] : [],
        ),
      ]);
      // One phrase of every group in one sentence; the first group's phrase is what the scopes are read around.
      for (const first of matches[0])
        if (
          matches.slice(1).every((group) => group.some((other) => sentenceOf[other.start] === sentenceOf[first.start]))
        )
          consider(caution, first);
    });
    return this.rules.cautions.map((caution) => caution.id).filter((_, index) => found.has(index));
  }

  /** Whether the caution matched is the writer's: now, unless `anyTime` (a lasting one, or asked about). */
  private isTheWriters(
    match: PhraseMatch,
    sentenceOf: readonly number[],
    scopes: Record<'negations' | 'negatedAfter' | 'others' | 'writer' | 'past' | 'notYet', PhraseMatch[]>,
    lasting: boolean,
    anyTime: boolean,
  ): boolean {
    const inSentence = (other: PhraseMatch) => sentenceOf[other.start] === sentenceOf[match.start];
    const before = (other: PhraseMatch, window: number) =>
      inSentence(other) && other.end <= match.start && match.start - other.end < window;
    const after = (other: PhraseMatch, window: number) =>
      inSentence(other) && other.start >= match.end && other.start - match.end < window;
    if (scopes.negations.some((negation) => before(negation, NEGATION_WINDOW))) return false;
    if (scopes.negatedAfter.some((negation) => after(negation, NEGATION_WINDOW))) return false;
    const near = (cue: PhraseMatch) => before(cue, TIME_WINDOW) || after(cue, TIME_WINDOW);
    if (!anyTime && (scopes.notYet.some(near) || (!lasting && scopes.past.some(near)))) return false;
    // Someone else's, unless the writer speaks of themselves again between that person and the caution.
    const lastOther = scopes.others.filter((other) => inSentence(other) && other.end <= match.start).at(-1);
    return (
      lastOther === undefined || scopes.writer.some((word) => word.start >= lastOther.end && word.end <= match.start)
    );
  }
}

function stems(phrase: string): string[] {
  return tokenise(phrase).map(stem);
}
