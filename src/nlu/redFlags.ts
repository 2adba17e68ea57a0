import { tokenise, tokeniseSentences, type SentenceTokens } from './normalise';
import type { RedFlagRules, UrgencyLevel } from '../kb/schema';
import { PhraseMatcher, type PhraseMatch } from './phraseMatcher';

export type { RedFlagRules, UrgencyLevel } from '../kb/schema';

export interface Triage {
  urgent: boolean;
  category: string | null;
  level: UrgencyLevel | null;
}

/** Words the concepts of a rule may be apart and still describe one symptom. */
const DEFAULT_WINDOW = 20;
/** How far back a negation reaches ("no numbness or tingling"), and forward a reassurance ("bladder is fine"). */
const NEGATION_REACH = 3;
const REASSURANCE_REACH = 3;
/** Words this long tolerate one typo ("numbnes", "bladdr"); a real English word is never taken as a typo. */
const TYPO_MIN_LENGTH = 6;
/** Someone speaking about themselves (or someone they are with) is reporting, not asking in general. */
const FIRST_PERSON = new Set(['i', 'im', 'ive', 'id', 'ill', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our']);

type Phrase = string[];

type CueKind = 'negation' | 'reassurance' | 'generalQuestion' | 'past' | 'resolved';

/** A symptom phrase found in a sentence, with whether a negation or reassurance stands it down. */
interface Mention {
  phrase: number;
  /** Word position counted across the whole message, so that symptoms told in two sentences still meet. */
  at: number;
  sentence: number;
  negated: boolean;
}

/**
 * Red-flag detection: pure functions over text, driven by the rules in
 * knowledge/red-flags.yaml. Built to miss nothing: typos are tolerated and a
 * symptom counts anywhere in a long message; it only stands down for a
 * negation right before the symptom, a reassurance right after it, a sentence
 * asking about warning signs in general, a sentence saying the symptom has
 * passed, or (for falls and fevers) a sentence in the past. Every message is
 * read in full, in time linear in its length.
 */
export class RedFlagDetector {
  /** Every symptom phrase of every concept and rule, found in one pass (typos tolerated). */
  private readonly symptoms: PhraseMatcher;
  /**
   * Cues that stand a symptom down, all found in one exact pass (a typo must never turn "want" into "wasnt" and
   * hide a warning sign); `cueKinds` says which kind each cue phrase is.
   */
  private readonly cues: PhraseMatcher;
  private readonly cueKinds: CueKind[];
  private readonly ignore: PhraseMatcher;
  /** The categories with every rule as sets of symptom phrase numbers. */
  private readonly categories: {
    id: string;
    level: UrgencyLevel;
    ignorePast: boolean;
    rules: { phrases: Set<number>; concepts: number[]; within: number; unless: number[] }[];
  }[];
  /** For each symptom phrase, the concepts (by number) it is a wording of. */
  private readonly conceptsOfPhrase: number[][];

  constructor(rules: RedFlagRules) {
    const cueLists: [CueKind, string[]][] = [
      ['negation', rules.negations],
      ['reassurance', rules.reassurances],
      ['generalQuestion', rules.generalQuestions],
      ['past', rules.pastCues],
      ['resolved', rules.resolvedCues],
    ];
    const cuePhrases = cueLists.flatMap(([kind, list]) =>
      list.map((text) => ({ kind, phrase: toPhrase(text) })).filter(({ phrase }) => phrase.length > 0),
    );
    this.cues = new PhraseMatcher(cuePhrases.map(({ phrase }) => phrase));
    this.cueKinds = cuePhrases.map(({ kind }) => kind);
    this.ignore = new PhraseMatcher(rules.ignore.map(toPhrase).filter((phrase) => phrase.length > 0));

    const symptomPhrases: Phrase[] = [];
    const numbered = new Map<string, number>();
    const numbers = (list: string[]) =>
      new Set(
        list
          .map(toPhrase)
          .filter((phrase) => phrase.length > 0)
          .map((phrase) => {
            const key = phrase.join(' ');
            if (!numbered.has(key)) numbered.set(key, symptomPhrases.push(phrase) - 1);
            return numbered.get(key)!;
          }),
      );
    const conceptNames = Object.keys(rules.concepts);
    const conceptPhrases = conceptNames.map((name) => numbers(rules.concepts[name]));
    this.categories = rules.categories.map((category) => ({
      id: category.id,
      level: category.level,
      ignorePast: category.ignorePast ?? false,
      rules: category.rules.map((rule) =>
        'phrases' in rule
          ? { phrases: numbers(rule.phrases), concepts: [], within: DEFAULT_WINDOW, unless: [] }
          : {
              phrases: new Set<number>(),
              concepts: rule.all.map((name) => conceptNames.indexOf(name)),
              within: rule.within ?? DEFAULT_WINDOW,
              unless: (rule.unless ?? []).map((name) => conceptNames.indexOf(name)),
            },
      ),
    }));
    this.symptoms = new PhraseMatcher(symptomPhrases, { typoMinLength: TYPO_MIN_LENGTH });
    this.conceptsOfPhrase = symptomPhrases.map((_, phrase) =>
      conceptPhrases.flatMap((phrases, concept) => (phrases.has(phrase) ? [concept] : [])),
    );
  }

  /**
   * The first category (in the order of the rules file, most serious first) that the message reports. A message
   * already tokenised (Utterance.sentences) is not read again.
   */
  triage(message: string | SentenceTokens): Triage {
    const tokens = typeof message === 'string' ? tokeniseSentences(message) : message;
    const { words, sentenceOf } = this.withoutIgnored(tokens);
    const sentences = this.readSentences(words, sentenceOf);
    const mentions = this.symptoms.findAll(words, sentenceOf).map((match): Mention => {
      const sentence = sentenceOf[match.start];
      const { start, end } = sentences.bounds[sentence];
      // Within the few words before the symptom, or the few words after it, in its own sentence.
      const negated =
        sentences.negations.anyWithin(Math.max(start, match.start - NEGATION_REACH), match.start) ||
        sentences.reassurances.anyWithin(match.end, Math.min(end, match.end + REASSURANCE_REACH + 1));
      return { phrase: match.phrase, at: match.start, sentence, negated };
    });
    // Where each phrase and concept is reported, counting past sentences or not: the two readings categories need.
    const reading = (countPast: boolean) =>
      new Reading(
        mentions.filter(
          ({ negated, sentence }) =>
            !negated && sentences.current[sentence] && (countPast || !sentences.past[sentence]),
        ),
        this.conceptsOfPhrase,
      );
    const readings = { withPast: reading(true), withoutPast: reading(false) };

    for (const category of this.categories) {
      const reported = category.ignorePast ? readings.withoutPast : readings.withPast;
      const found = category.rules.some((rule) =>
        rule.phrases.size > 0
          ? [...rule.phrases].some((phrase) => reported.byPhrase.has(phrase))
          : !rule.unless.some((concept) => reported.byConcept.has(concept)) &&
            allNear(
              rule.concepts.map((concept) => reported.byConcept.get(concept) ?? []),
              rule.within,
            ),
      );
      if (found) return { urgent: true, category: category.id, level: category.level };
    }
    return { urgent: false, category: null, level: null };
  }

  /**
   * Each sentence's cues: whether it reports something now (not a general question about warning signs, not a
   * symptom that has passed) and whether it is placed in the past; and where negations and reassurances are.
   */
  private readSentences(words: string[], sentenceOf: number[]) {
    const count = words.length === 0 ? 0 : sentenceOf[words.length - 1] + 1;
    const bounds = Array.from({ length: count }, () => ({ start: words.length, end: 0 }));
    const firstPerson = new Array<boolean>(count).fill(false);
    words.forEach((word, i) => {
      const bound = bounds[sentenceOf[i]];
      bound.start = Math.min(bound.start, i);
      bound.end = i + 1;
      if (FIRST_PERSON.has(word)) firstPerson[sentenceOf[i]] = true;
    });
    const current = new Array<boolean>(count).fill(true);
    const past = new Array<boolean>(count).fill(false);
    const negations = new Spans();
    const reassurances = new Spans();
    for (const match of this.cues.findAll(words, sentenceOf)) {
      const sentence = sentenceOf[match.start];
      switch (this.cueKinds[match.phrase]) {
        case 'negation':
          negations.add(match);
          break;
        case 'reassurance':
          reassurances.add(match);
          break;
        case 'generalQuestion':
          if (!firstPerson[sentence]) current[sentence] = false;
          break;
        case 'past':
          past[sentence] = true;
          break;
        case 'resolved':
          current[sentence] = false;
      }
    }
    return { bounds, current, past, negations, reassurances };
  }

  /** The words without the phrases in which a symptom word means something else. */
  private withoutIgnored(tokens: SentenceTokens): SentenceTokens {
    const ignored = this.ignore.findAll(tokens.words, tokens.sentenceOf);
    if (ignored.length === 0) return tokens;
    const dropped = new Set<number>();
    for (const match of ignored) for (let i = match.start; i < match.end; i++) dropped.add(i);
    const kept = tokens.words.map((_, i) => i).filter((i) => !dropped.has(i));
    return { words: kept.map((i) => tokens.words[i]), sentenceOf: kept.map((i) => tokens.sentenceOf[i]) };
  }
}

/** Phrase matches indexed by where they start, for "is one of them wholly within these few words?". */
class Spans {
  /** start -> the earliest end of a match starting there. */
  private readonly endByStart = new Map<number, number>();

  add({ start, end }: PhraseMatch): void {
    this.endByStart.set(start, Math.min(end, this.endByStart.get(start) ?? Number.POSITIVE_INFINITY));
  }

  /** Whether a match lies wholly from `from` to `to` (exclusive); the window is a few words, so this is constant time. */
  anyWithin(from: number, to: number): boolean {
    for (let start = Math.max(0, from); start < to; start++) {
      const end = this.endByStart.get(start);
      if (end !== undefined && end <= to) return true;
    }
    return false;
  }
}

/** Where each phrase and each concept is mentioned, in ascending order (mentions come in order of position). */
class Reading {
  readonly byPhrase = new Map<number, number[]>();
  readonly byConcept = new Map<number, number[]>();

  constructor(mentions: Mention[], conceptsOfPhrase: number[][]) {
    const add = (map: Map<number, number[]>, key: number, at: number) => {
      const list = map.get(key);
      if (list) list.push(at);
      else map.set(key, [at]);
    };
    for (const { phrase, at } of mentions) {
      add(this.byPhrase, phrase, at);
      for (const concept of conceptsOfPhrase[phrase]) add(this.byConcept, concept, at);
    }
  }
}

/**
 * Whether each list has a position, with some position of the first list close to one of every other. The lists
 * are in ascending order, so the nearest position is found by binary search: linear-logarithmic, not quadratic.
 */
function allNear(positions: number[][], window: number): boolean {
  if (positions.length === 0 || positions.some((list) => list.length === 0)) return false;
  return positions[0].some((anchor) =>
    positions.slice(1).every((list) => Math.abs(nearest(list, anchor) - anchor) <= window),
  );
}

function nearest(sorted: number[], target: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < target) low = middle + 1;
    else high = middle;
  }
  const after = sorted[low];
  const before = low > 0 ? sorted[low - 1] : after;
  return Math.abs(before - target) <= Math.abs(after - target) ? before : after;
}

function toPhrase(text: string): Phrase {
  return tokenise(text);
}
