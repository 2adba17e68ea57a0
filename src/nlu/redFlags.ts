import { isTypoOf } from './typos';
import { normaliseText } from './normalise';

export type UrgencyLevel = 'emergency' | 'urgent' | 'crisis';

/** The red-flag rules as data (knowledge/red-flags.yaml, validated on load). */
export interface RedFlagRules {
  negations: string[];
  reassurances: string[];
  generalQuestions: string[];
  pastCues: string[];
  resolvedCues: string[];
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
const DEFAULT_WINDOW = 20;
/** How far back a negation reaches ("no numbness or tingling"), and forward a reassurance ("bladder is fine"). */
const NEGATION_REACH = 3;
const REASSURANCE_REACH = 3;
/** Words this long tolerate one typo ("numbnes", "bladdr"); a real English word is never taken as a typo. */
const TYPO_MIN_LENGTH = 6;
/** Someone speaking about themselves (or someone they are with) is reporting, not asking in general. */
const FIRST_PERSON = new Set(['i', 'im', 'ive', 'id', 'ill', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our']);

type Phrase = string[];

/**
 * Red-flag detection: pure functions over text, driven by the rules in
 * knowledge/red-flags.yaml. Built to miss nothing: typos are tolerated and a
 * symptom counts anywhere in a long message; it only stands down for a
 * negation right before the symptom, a reassurance right after it, a sentence
 * asking about warning signs in general, a sentence saying the symptom has
 * passed, or (for falls and fevers) a sentence in the past.
 */
export class RedFlagDetector {
  private readonly negations: Phrase[];
  private readonly reassurances: Phrase[];
  private readonly generalQuestions: Phrase[];
  private readonly pastCues: Phrase[];
  private readonly resolvedCues: Phrase[];
  private readonly ignore: RegExp | undefined;
  /** The categories with every rule's words already normalised into phrases. */
  private readonly categories: {
    id: string;
    level: UrgencyLevel;
    ignorePast: boolean;
    rules: { phrases: Phrase[]; conceptPhrases: Phrase[][]; within: number }[];
  }[];

  constructor(rules: RedFlagRules) {
    const phrases = (list: string[]) => list.map(toPhrase).filter((phrase) => phrase.length > 0);
    this.negations = phrases(rules.negations);
    this.reassurances = phrases(rules.reassurances);
    this.generalQuestions = phrases(rules.generalQuestions);
    this.pastCues = phrases(rules.pastCues);
    this.resolvedCues = phrases(rules.resolvedCues);
    const concepts = new Map(Object.entries(rules.concepts).map(([name, list]) => [name, phrases(list)]));
    this.categories = rules.categories.map((category) => ({
      id: category.id,
      level: category.level,
      ignorePast: category.ignorePast ?? false,
      rules: category.rules.map((rule) => ({
        phrases: phrases(rule.phrases ?? []),
        conceptPhrases: (rule.all ?? []).map((name) => concepts.get(name) ?? []),
        within: rule.within ?? DEFAULT_WINDOW,
      })),
    }));
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

    // Sentences that do not report anything now: general questions and symptoms that have passed; and, for the
    // categories that say so, events in the past.
    const current = sentences.map(
      (words) => !this.isGeneralQuestion(words) && !this.containsAny(words, this.resolvedCues),
    );
    const inPast = sentences.map((words) => this.containsAny(words, this.pastCues));

    for (const category of this.categories) {
      const reporting = current.map((isCurrent, index) => isCurrent && !(category.ignorePast && inPast[index]));
      const mentions = (phrases: Phrase[]) => this.mentions(sentences, reporting, phrases);
      const reported = category.rules.some((rule) =>
        rule.phrases.length > 0
          ? mentions(rule.phrases).length > 0
          : allNear(rule.conceptPhrases.map(mentions), rule.within),
      );
      if (reported) return { urgent: true, category: category.id, level: category.level };
    }
    return { urgent: false, category: null, level: null };
  }

  /**
   * Where the phrases are mentioned, un-negated, in reporting sentences: as word positions counted across the
   * whole message, so that symptoms told in two sentences ("Fell off my bike. Back is agony.") still meet.
   */
  private mentions(sentences: string[][], reporting: boolean[], phrases: Phrase[]): number[] {
    const positions: number[] = [];
    let offset = 0;
    sentences.forEach((words, index) => {
      if (reporting[index]) {
        for (const at of this.findAll(words, phrases))
          if (!this.isNegated(words, at)) positions.push(offset + at.start);
      }
      offset += words.length;
    });
    return positions;
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
  private findAll(
    words: string[],
    phrases: Phrase[],
    same = (typed: string, expected: string) => isTypoOf(typed, expected, TYPO_MIN_LENGTH),
  ): Match[] {
    const found: Match[] = [];
    for (const phrase of phrases) {
      for (let start = 0; start + phrase.length <= words.length; start++) {
        if (phrase.every((word, i) => same(words[start + i], word))) found.push({ start, end: start + phrase.length });
      }
    }
    return found;
  }
}

/** Whether each list has a position, with some position of the first list close to one of every other. */
function allNear(positions: number[][], window: number): boolean {
  if (positions.length === 0 || positions.some((list) => list.length === 0)) return false;
  return positions[0].some((anchor) =>
    positions.slice(1).every((list) => list.some((at) => Math.abs(at - anchor) <= window)),
  );
}

interface Match {
  start: number;
  end: number;
}

function toPhrase(text: string): Phrase {
  const normalised = normaliseText(text);
  return normalised === '' ? [] : normalised.split(' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
