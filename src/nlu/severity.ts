import type * as NumberRecognizer from '@microsoft/recognizers-text-number';
import { excerpt } from './excerpt';
import { correctTypo } from './typos';

export interface SeverityReading {
  /** The pain score on the 0-10 scale, or null when the answer holds none. */
  value: number | null;
  /** A score was given outside 0-10 ("11/10", "15"): worth asking again rather than guessing. */
  outOfRange: boolean;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** Where a score can be in a long answer; the reader looks at most this far around it. */
const SCORE_CUE = new RegExp(String.raw`\d|(?:${NUMBER_WORDS.join('|')}|half)`, 'i');
const MAX_ANSWER_CHARS = 160;
const TEN = String.raw`(?:10|ten)`;
/** "on a scale of 1 to 10", "(0-10)": the scale itself, not the score. */
const SCALE = new RegExp(
  String.raw`\b(?:(?:on )?(?:a |the )?scale (?:of |from )?)?\(?(?:0|1|zero|one) ?(?:to|-|and) ?${TEN}\b\)?`,
  'g',
);
/** "if 10 is the worst", "0 being no pain": the ends of the scale explained, not the score. */
const ANCHOR = new RegExp(
  String.raw`\b(?:0|zero|1|one|10|ten) (?:is|being|=|means) (?:the )?(?:worst|no pain|none|nothing|best|highest|lowest|max|worst pain)\b`,
  'g',
);
/** "4/5 out of 10": two scores offered, not four fifths. */
const ALTERNATIVES_OUT_OF_TEN = new RegExp(
  String.raw`\b(\d+)\s*\/\s*(\d+)(?=\s*(?:\/|out of|outta|of)\s*${TEN}\b)`,
  'g',
);
/** "7/10", "seven out of ten", "8 outta 10": the recognizer reads these as fractions (0.7); the score is the numerator. */
const OUT_OF_TEN = new RegExp(
  String.raw`\s*(?:\/|\bout of\b|\bout a\b|\bouta\b|\boutta\b|\bover\b|\bof\b)\s*${TEN}\b`,
  'g',
);
/** A number followed by one of these measures something else: "3 days", "9am", "45 years old", "80%". */
const UNIT_AFTER =
  /^\s*-?\s*(?:days?|dys?|weeks?|wks?|months?|years?|yrs?|hours?|hrs?|minutes?|mins?|secs?|seconds?|am|pm|oclock|o clock|times|x|kg|lbs?|pounds|stone|%|percent|mg|pills?|tablets?|paracetamol|ibuprofen|painkillers?|naproxen|codeine|co codamol|aspirin|advil|tylenol|nights?|yo|y o|th|st|nd|rd|kids?|children|steps?|miles?|km)\b/;
const UNIT_AFTER_SYMBOL = /^\s*%/;
/** A number after these is an age or a date: "im 45", "since 2019". */
const CONTEXT_BEFORE = /\b(?:im|i am|aged?|turned|turning|since|in|born)\s*$/;
/** "one" is also a pronoun ("one I can live with"): a score only when nothing but a filler word follows it. */
const AFTER_ONE_AS_SCORE =
  /^\s*(?:$|[,.!?)]|or\b|to\b|and\b|maybe\b|probably\b|i (?:think|guess|reckon|suppose)\b|id say\b|today\b|now\b|right\b|at\b|ish\b|tops\b|max\b|at most\b)/;
/** A clause about another time than now, or the worst moments: "it was a 9 yesterday", "up to 8 when it flares". */
const NOT_NOW =
  /\b(?:was|were|yesterday|last (?:week|night|month|time|year)|used to|earlier|before|at (?:its |it s )?(?:worst|peak|best)|at worst|at best|worst|up to|can go|goes up|sometimes|at times|flares?|flaring|spikes?|spiking|this morning|in the morning|at night|when i|by the end|end of the day|after work|in the evening|by evening)\b/;
const BARE_NUMBER = /^\d+(?:\.\d+)?$/;
const QUESTION = /^(?:what|whats|how|why|does|do|is|should|can|could|which|who|where|when)\b.*\?$/;
/** A clause about this moment wins over the rest: "by the end of a shift it's 8 but right now like 5". */
const NOW = /\b(?:now|right now|currently|at the moment|atm|today|at present)\b/;
/** "down to a 4 from a 9": the number after "from" is where it was. */
const FROM_BEFORE = /\b(?:from|was|used to be)\s+(?:a |an )?$/;
const CLAUSE_BREAK = /[,;.!?]|\bbut\b|\bthough\b|\bwhereas\b|\bhowever\b|\bnow\b|\btoday\b/g;

/**
 * Reads a pain score from an answer to "how bad is it, 0 to 10?". The number
 * recognizer finds the numbers ("about a seven", "six and a half"); around it
 * sit the things it gets wrong for this question: "7/10" is a 7, not 0.7; the
 * scale is not the score; numbers with units are durations, ages or times;
 * two numbers offered together ("4 or 5", "between 2 and 3") mean the higher,
 * the cautious reading; a contrast ("was 9, now 5") means the current one.
 */
export function recognizeSeverity(text: string): SeverityReading {
  const cleaned = clean(excerpt(text, SCORE_CUE, MAX_ANSWER_CHARS));
  return withoutRecognizer(cleaned) ?? withRecognizer(cleaned);
}

/**
 * The answers read without the number recognizer (a number alone, or a question), read as recognizeSeverity reads
 * them; undefined for the rest. The server reads these on its main thread, so a tapped or typed score never waits
 * for the reader thread, which loads the recognizer.
 */
export function quickSeverity(text: string): SeverityReading | undefined {
  return withoutRecognizer(clean(excerpt(text, SCORE_CUE, MAX_ANSWER_CHARS)));
}

function withoutRecognizer(cleaned: string): SeverityReading | undefined {
  // "what does 5 mean?" asks about the scale; it does not answer with a score.
  if (QUESTION.test(cleaned)) return { value: null, outOfRange: false };
  // The commonest answer, a number alone ("7", "7/10" once cleaned), reads the same without the recognizer's model.
  if (BARE_NUMBER.test(cleaned)) {
    const value = Number(cleaned);
    return value <= 10 ? { value, outOfRange: false } : { value: null, outOfRange: true };
  }
  return undefined;
}

let numberRecognizer: typeof NumberRecognizer | undefined;

function withRecognizer(cleaned: string): SeverityReading {
  // Loaded on first use: only the reader thread (or a process without one) needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  numberRecognizer ??= require('@microsoft/recognizers-text-number') as typeof NumberRecognizer;
  const { Culture, recognizeNumber } = numberRecognizer;
  const found = recognizeNumber(cleaned, Culture.English)
    .filter((result) => isScore(cleaned, result.text, result.start, result.end))
    .map((result) => {
      const clause = clauseAt(cleaned, result.start);
      return {
        value: Number(result.resolution.value),
        now: !NOT_NOW.test(clause) && !FROM_BEFORE.test(cleaned.slice(0, result.start)),
        saysNow: NOW.test(clause),
      };
    })
    .filter((candidate) => Number.isFinite(candidate.value));

  const inRange = found.filter((candidate) => candidate.value >= 0 && candidate.value <= 10);
  if (inRange.length === 0) return { value: null, outOfRange: found.length > 0 };
  const current = [
    inRange.filter((candidate) => candidate.saysNow && candidate.now),
    inRange.filter((candidate) => candidate.now),
    inRange,
  ].find((candidates) => candidates.length > 0)!;
  return { value: Math.max(...current.map((candidate) => candidate.value)), outOfRange: false };
}

function clean(text: string): string {
  const words = text
    .toLowerCase()
    .replace(/['\u2018\u2019`]/g, '')
    // "8ish", "7pm": the recognizer needs the number apart from the letters.
    .replace(/(\d)([a-z])/g, '$1 $2')
    .replace(
      /(^|[^a-z])([a-z]{3,})(?=$|[^a-z])/g,
      (all, before: string, word: string) => before + correctTypo(word, NUMBER_WORDS, 3),
    );
  return words
    .replace(ANCHOR, ' ')
    .replace(ALTERNATIVES_OUT_OF_TEN, '$1 or $2')
    .replace(/(\d) and a half\b/g, '$1.5')
    .replace(new RegExp(`\\b(${NUMBER_WORDS.join('|')})ish\\b`, 'g'), '$1 ish')
    .replace(SCALE, ' ')
    .replace(OUT_OF_TEN, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function isScore(text: string, found: string, start: number, end: number): boolean {
  const after = text.slice(end + 1);
  const before = text.slice(0, start);
  if (UNIT_AFTER.test(after) || UNIT_AFTER_SYMBOL.test(after) || CONTEXT_BEFORE.test(before)) return false;
  if (found === 'one' && !AFTER_ONE_AS_SCORE.test(after)) return false;
  // "half" or "a quarter" alone is not a score; "six and a half" and "6.5" are.
  return /\d/.test(found) || NUMBER_WORDS.some((word) => found.includes(word));
}

function clauseAt(text: string, position: number): string {
  let start = 0;
  let end = text.length;
  for (const boundary of text.matchAll(CLAUSE_BREAK)) {
    const index = boundary.index;
    if (index <= position) start = index;
    else {
      end = index + boundary[0].length;
      break;
    }
  }
  return text.slice(start, end);
}
