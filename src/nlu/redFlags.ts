import { normaliseText } from './normalise';

export type UrgencyLevel = 'emergency' | 'urgent' | 'crisis';

/** The red-flag rules as data (knowledge/red-flags.yaml, validated on load). */
export interface RedFlagRules {
  negations: string[];
  reassurances: string[];
  generalQuestions: string[];
  pastCues: string[];
  ignore: string[];
  concepts: Record<string, string[]>;
  categories: {
    id: string;
    level: UrgencyLevel;
    ignorePast?: boolean;
    rules: { all?: string[]; within?: number; phrases?: string[] }[];
    message: string;
  }[];
}

export interface Triage {
  urgent: boolean;
  category: string | null;
  level: UrgencyLevel | null;
}

/** Words the concepts of a rule may be apart and still describe one symptom. */
const DEFAULT_WINDOW = 12;
/** How far back a negation reaches ("no numbness or tingling"), and forward a reassurance ("bladder is fine"). */
const NEGATION_REACH = 3;
const REASSURANCE_REACH = 3;
/** Words this long tolerate one typo ("numbnes", "bladdr"). */
const TYPO_MIN_LENGTH = 5;
/** Someone speaking about themselves (or someone they are with) is reporting, not asking in general. */
const FIRST_PERSON = new Set(['i', 'im', 'ive', 'id', 'ill', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our']);

type Phrase = string[];

/**
 * Red-flag detection: pure functions over text, driven by the rules in
 * knowledge/red-flags.yaml. Built to miss nothing: typos are tolerated and a
 * symptom counts anywhere in a long message; it only stands down for a
 * negation right before the symptom, a reassurance right after it, a sentence
 * asking about warning signs in general, or (for falls) a sentence in the past.
 */
export class RedFlagDetector {
  private readonly negations: Phrase[];
  private readonly reassurances: Phrase[];
  private readonly generalQuestions: Phrase[];
  private readonly pastCues: Phrase[];
  private readonly ignore: RegExp | undefined;
  private readonly concepts: Map<string, Phrase[]>;

  constructor(private readonly rules: RedFlagRules) {
    const phrases = (list: string[]) => list.map(toPhrase).filter((phrase) => phrase.length > 0);
    this.negations = phrases(rules.negations);
    this.reassurances = phrases(rules.reassurances);
    this.generalQuestions = phrases(rules.generalQuestions);
    this.pastCues = phrases(rules.pastCues);
    this.concepts = new Map(Object.entries(rules.concepts).map(([name, list]) => [name, phrases(list)]));
    const ignored = rules.ignore.map((text) => toPhrase(text).join(' ')).filter(Boolean);
    this.ignore = ignored.length > 0 ? new RegExp(`\\b(${ignored.map(escapeRegExp).join('|')})\\b`, 'g') : undefined;
  }

  /** The first category (in the order of the rules file, most serious first) that the message reports. */
  triage(text: string): Triage {
    const sentences = text
      .split(/[.!?;\n]+/)
      .map((sentence) => {
        const normalised = normaliseText(sentence);
        return (this.ignore ? normalised.replace(this.ignore, ' ') : normalised).split(' ').filter(Boolean);
      })
      .filter((words) => words.length > 0);

    for (const category of this.rules.categories) {
      for (const sentence of sentences) {
        if (this.isGeneralQuestion(sentence)) continue;
        if (category.ignorePast && this.containsAny(sentence, this.pastCues)) continue;
        const reported = category.rules.some((rule) =>
          rule.phrases
            ? this.findAll(sentence, rule.phrases.map(toPhrase)).some((at) => !this.isNegated(sentence, at))
            : this.allConceptsNear(sentence, rule.all ?? [], rule.within ?? DEFAULT_WINDOW),
        );
        if (reported) return { urgent: true, category: category.id, level: category.level };
      }
    }
    return { urgent: false, category: null, level: null };
  }

  /** Whether every concept has an un-negated mention, all within `window` words of each other. */
  private allConceptsNear(words: string[], conceptNames: string[], window: number): boolean {
    const positions = conceptNames.map((name) =>
      this.findAll(words, this.concepts.get(name) ?? []).filter((at) => !this.isNegated(words, at)),
    );
    if (positions.some((list) => list.length === 0)) return false;
    // Some mention of the first concept with a mention of every other concept close to it.
    return positions[0].some((anchor) =>
      positions.slice(1).every((list) => list.some((at) => Math.abs(at.start - anchor.start) <= window)),
    );
  }

  private isNegated(words: string[], at: Match): boolean {
    const before = words.slice(Math.max(0, at.start - NEGATION_REACH), at.start);
    const after = words.slice(at.end, at.end + REASSURANCE_REACH + 1);
    return this.containsAny(before, this.negations) || this.containsAny(after, this.reassurances);
  }

  private isGeneralQuestion(words: string[]): boolean {
    return !words.some((word) => FIRST_PERSON.has(word)) && this.containsAny(words, this.generalQuestions);
  }

  /** Cues that stand a symptom down match exactly: a typo must never turn "want" into "wasnt" and hide a warning sign. */
  private containsAny(words: string[], phrases: Phrase[]): boolean {
    return this.findAll(words, phrases, (typed, expected) => typed === expected).length > 0;
  }

  /** Symptoms match with a typo allowed, so that a warning sign is not missed for a slip of the thumb. */
  private findAll(words: string[], phrases: Phrase[], same = sameWordOrTypo): Match[] {
    const found: Match[] = [];
    for (const phrase of phrases) {
      for (let start = 0; start + phrase.length <= words.length; start++) {
        if (phrase.every((word, i) => same(words[start + i], word))) found.push({ start, end: start + phrase.length });
      }
    }
    return found;
  }
}

interface Match {
  start: number;
  end: number;
}

function toPhrase(text: string): Phrase {
  const normalised = normaliseText(text);
  return normalised === '' ? [] : normalised.split(' ');
}

/** Equal, or one edit apart for longer words (a typo). */
function sameWordOrTypo(typed: string, expected: string): boolean {
  if (typed === expected) return true;
  if (expected.length < TYPO_MIN_LENGTH || Math.abs(typed.length - expected.length) > 1) return false;
  return withinOneEdit(typed, expected);
}

/** Damerau-Levenshtein distance of at most 1: one letter added, dropped, changed, or two neighbours swapped. */
function withinOneEdit(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return true;
  const rest = (x: number, y: number) => a.slice(x) === b.slice(y);
  return (
    rest(i + 1, i + 1) || // changed
    rest(i + 1, i) || // added in a
    rest(i, i + 1) || // dropped from a
    (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(i + 2, i + 2)) // swapped
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
