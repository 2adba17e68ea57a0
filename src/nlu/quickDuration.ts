import { durationBand, type DurationReading } from './durationBand';

/**
 * The commonest answers to "How long have you had this pain?", a count and a unit ("3 weeks", "about two months",
 * "5 days now"), read without the date-time recognizer, as it reads them: a week is 7 days, a month 30, a year 365.
 * The server reads these on its main thread, so they never wait for the reader thread (which loads and warms the
 * recognizer, hundreds of milliseconds after start-up). Anything else (dates, "ago", "over", "a month and a half")
 * is left to the recognizer: undefined.
 */
export function quickDuration(text: string): DurationReading | undefined {
  if (text.length > MAX_CHARS) return undefined;
  const match = COUNT_AND_UNIT.exec(text.trim().toLowerCase());
  if (!match) return undefined;
  const [, count, unit] = match;
  const days = (COUNT_WORDS[count] ?? Number(count)) * UNIT_DAYS[unit.replace(/s$/, '')];
  return { days, band: durationBand(days) };
}

/** Longer than any count and unit with its hedges: left to the recognizer's reader, which takes an excerpt. */
const MAX_CHARS = 60;

const COUNT_WORDS: Record<string, number> = {
  a: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  'a couple of': 2,
  'a few': 3,
};
const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };

/** Words that leave the figure as it is ("about" is not "over"); "for", "around", "roughly" and the like. */
const LEAD = String.raw`(?:(?:for|about|around|roughly|approximately|approx|maybe|probably|like|just|only)\s+)*`;
const COUNT = String.raw`(\d{1,3}|${Object.keys(COUNT_WORDS).join('|')})`;
const COUNT_AND_UNIT = new RegExp(String.raw`^${LEAD}${COUNT}\s*(days?|weeks?|months?|years?)(?:\s+now)?\s*[.!]*$`);
