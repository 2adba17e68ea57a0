import { Culture, recognizeNumber } from '@microsoft/recognizers-text-number';
import { excerpt } from './excerpt';
import { correctTypo } from './typos';

export interface SittingHoursReading {
  /** Hours sitting on a typical day, or null when the answer gives no number. */
  hours: number | null;
  /** "all day", "most of the day": an answer, but not a number we can plan with; ask for one. */
  vague: boolean;
}

/** "9 to 5", "from 8 till 6", "9am-5pm": working hours, a span rather than two amounts. */
const CLOCK_SPAN =
  /\b(\d{1,2})(?:[:.](\d{2}))? ?(am|pm)? ?(?:to|till|til|until|-|–) ?(\d{1,2})(?!\d)(?:[:.](\d{2}))? ?(am|pm)?(?! ?(?:hours?|hrs?|h)\b)/;
const VAGUE =
  /\b(all day|all the time|most of the day|whole day|half (?:the|my) (?:day|time)|lots|loads|a lot|too much|long hours|ages|not much|not a lot|hardly|barely|rarely|a bit|some|a few|couple|several)\b/;
/** People who hardly sit: their answer is zero hours, not a question to repeat. */
const NONE = /\b(none|nil|never|(?:i )?(?:dont|do not|hardly|rarely) sit|stand(?:ing)? all day|on my feet all day)\b/;
/** Numbers that count something else: "5 days a week", "2 kids", or a share of the day ("half the day"). */
const OTHER_UNIT =
  /^\s*-?\s*(?:days?|weeks?|months?|years?|times|minutes?|mins?|kids?|children|(?:the|my) (?:day|time))\b/;
/** Number words up to twelve: corrected when misspelt ("eigth"), and read as digits in a clock span. */
const NUMBER_WORDS = 'zero one two three four five six seven eight nine ten eleven twelve'.split(' ');
const NUMBER_WORD = new RegExp(String.raw`\b(?:${NUMBER_WORDS.join('|')})\b`, 'g');
/** Where the hours can be in a long answer; the reader looks at most this far around them. */
const HOURS_CUE = new RegExp(String.raw`\d|\b(?:${NUMBER_WORDS.join('|')}|hours?|hrs?|day|half|sit|desk)\b`, 'i');
const MAX_ANSWER_CHARS = 160;

/** Reads "how many hours a day do you sit?": "8", "eight hours", "9 to 5", "8-10 hours" (the higher). */
export function recognizeSittingHours(text: string): SittingHoursReading {
  const lower = excerpt(text, HOURS_CUE, MAX_ANSWER_CHARS)
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/(\d)\s*\+/g, '$1')
    // "10hrs", "8h": the number recognizer needs the number apart from its unit.
    .replace(/(\d)([a-z])/g, '$1 $2')
    // "5/6 hours" is five or six, not five sixths.
    .replace(/(\d)\s*\/\s*(\d)/g, '$1 or $2')
    .replace(/(?<!half )\ban hour\b/g, '1 hour')
    .replace(/\b[a-z]{3,}\b/g, (word) => correctTypo(word, NUMBER_WORDS, 4));
  if (NONE.test(lower)) return { hours: 0, vague: false };
  // "nine to five" is a span too.
  const span = CLOCK_SPAN.exec(lower.replace(NUMBER_WORD, (word) => String(NUMBER_WORDS.indexOf(word))));
  if (span && isClockSpan(span)) return { hours: clockSpanHours(span), vague: false };

  const amounts = recognizeNumber(lower, Culture.English)
    .filter((result) => !OTHER_UNIT.test(lower.slice(result.end + 1)))
    .map((result) => Number(result.resolution.value))
    .filter((value) => Number.isFinite(value) && value >= 0);
  if (amounts.length > 0) {
    const hours = Math.max(...amounts);
    return hours <= 24 ? { hours, vague: false } : { hours: null, vague: false };
  }
  return { hours: null, vague: VAGUE.test(lower) };
}

/** "9 to 5" (the end is earlier on the clock) or times with am/pm or minutes are a span; "6 to 8" is two amounts. */
function isClockSpan(span: RegExpExecArray): boolean {
  const [, start, startMinutes, startHalf, end, endMinutes, endHalf] = span;
  return Boolean(startHalf || endHalf || startMinutes || endMinutes) || Number(end) < Number(start);
}

function clockSpanHours(span: RegExpExecArray): number {
  const [, start, startMinutes, startHalf, end, endMinutes, endHalf] = span;
  const from = toHour(start, startMinutes, startHalf);
  let to = toHour(end, endMinutes, endHalf);
  if (to <= from) to += 12;
  return Math.round((to - from) * 10) / 10;
}

function toHour(hour: string, minutes: string | undefined, half: string | undefined): number {
  const value = (Number(hour) % 12) + Number(minutes ?? 0) / 60;
  return half === 'pm' ? value + 12 : value;
}
