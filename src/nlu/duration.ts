import { Culture, recognizeDateTime } from '@microsoft/recognizers-text-suite';
import { excerpt } from './excerpt';
import { durationBand, type DurationReading, type RoughUnit } from './durationBand';
import { normaliseText } from './normalise';

type RecognizerResult = ReturnType<typeof recognizeDateTime>[number];

/** One reading of a recognised expression; the recognizer gives every field as a string. */
interface Resolution {
  timex?: string;
  Mod?: string;
  value?: string;
  start?: string;
  end?: string;
}

/** A stretch of calendar days, as day numbers (days since 1970-01-01). */
interface Span {
  start: number;
  end: number;
}

const NO_READING: DurationReading = { days: null, band: null };
const SECONDS_PER_DAY = 86_400;
const MS_PER_DAY = 86_400_000;

/** Units people shorten or misspell, which the recognizer does not know. Matched after a digit too ("3wks"). */
const UNIT_SPELLINGS: ReadonlyArray<[RegExp, string]> = [
  [/(?<![a-z])(?:wks|weks)\b/g, ' weeks'],
  [/(?<![a-z])(?:wk|wek)\b/g, ' week'],
  [/(?<![a-z])(?:mths|mnths|monthes|mos)\b/g, ' months'],
  [/(?<![a-z])(?:mth|mnth)\b/g, ' month'],
  [/(?<![a-z])(?:yrs|yeras)\b/g, ' years'],
  [/(?<![a-z])yr\b/g, ' year'],
  [/(?<![a-z])dys\b/g, ' days'],
];

/**
 * The recognizer reads "a fortnight" as a duration but leaves "a fortnight ago" unresolved and takes
 * "two fortnights ago" for "the 2nd", so fortnights are turned into weeks first.
 */
const FORTNIGHTS = /\b(?:(a|an|one|two|three|four|\d+)\s+)?fortnights?\b/g;
const FORTNIGHT_COUNTS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4 };

/**
 * The recognizer reads "a couple of" as 2 and "a few" as 3, which we keep, but "several" as 3 too. In everyday
 * use "several" is more than "a few", so it is read as 4: "several weeks" is then 28 days, subacute.
 */
const SEVERAL = /\bseveral(?=\s+(?:days|weeks|months|years)\b)/g;

/**
 * "For the past year" is the last twelve months, but the recognizer takes it for the previous calendar year.
 * ("The last week of October" is a calendar week and is left alone.)
 */
const PAST_PERIOD = /\bthe (?:past|last) (week|month|year)\b(?! of)/g;

/**
 * "Since" is dropped: for "since March" or "since last month" the recognizer reports only the first day, whereas
 * for "March" or "last month" it reports the whole period, and a period's middle is the best estimate of when
 * pain that began in it began.
 */
const SINCE = /\bsince\b/g;
/** "10+ years" is more than ten years; the recognizer drops the plus. */
const PLUS = /(\d+)\s*\+/g;
const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
/**
 * Where a duration can be in a long answer. The date-time model's cost grows steeply with its input (a 100-letter
 * answer can take 20 ms), so it reads at most this much around the cues.
 */
const DURATION_CUE = new RegExp(
  String.raw`\d|(?:days?|weeks?|wks?|months?|mths?|years?|yrs?|fortnights?|decades?|since|ago|last|yesterday|today|` +
    String.raw`morning|night|weekend|christmas|easter|summer|winter|spring|autumn|ages|${MONTHS}|` +
    String.raw`monday|tuesday|wednesday|thursday|friday|saturday|sunday)`,
  'i',
);
const MAX_ANSWER_CHARS = 40;
/** "Since the start of October" began on its first day, "mid September" about its 15th, not in the middle of a range. */
const START_OF_MONTH = new RegExp(String.raw`\b(?:the )?(?:start|beginning) of (${MONTHS})\b`, 'g');
const MIDDLE_OF_MONTH = new RegExp(String.raw`\bmid(?:dle of|-| )?(${MONTHS})\b`, 'g');
const START_OF_THIS_MONTH = /\b(?:the )?(?:start|beginning) of (?:the|this) month\b/g;
const START_OF_LAST_MONTH = /\b(?:the )?(?:start|beginning) of last month\b/g;
const END_OF_MONTH = new RegExp(String.raw`\b(?:the )?end of (${MONTHS})\b`, 'g');
/** The UK's 5 November, which the recognizer does not know. */
const BONFIRE_NIGHT = /\b(?:bonfire|fireworks|guy fawkes) night\b/g;
/** "Month and a half", "week or two": a unit without a number, at the start, is one of it. */
const BARE_UNIT =
  /(^|\b(?:about|around|maybe|over|for|roughly|nearly|almost|under|like|probably)\s+)(day|week|month|year)\b(?=\s+(?:and|or)\b)/g;
const BEFORE_LAST = /\b(weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday) before last\b/;
/** Without "since", a bare day of the month ("since the 10th") is only recognised after "on". */
const SINCE_DAY_OF_MONTH = /\bsince (?=the \d{1,2}(?:st|nd|rd|th)\b)/g;

/** Words before a duration that put it just past, or just short of, the figure given ("over 12 weeks"). */
const MORE_THAN_BEFORE = /\b(?:over|longer than)\s*$/;
const LESS_THAN_BEFORE = /\b(?:under|nearly|almost)\s*$/;

/** "Past 3 weeks" comes back as a rolling range, timex "(2026-11-02,2026-11-23,P3W)": all of it, not its middle. */
const ROLLING_RANGE_TIMEX = /^\(/;
/** The recognizer takes "the weekend" for the one at the end of the current week, still ahead from Monday to Friday. */
const WEEKEND_TIMEX = /-W\d{2}-WE$/;
const WEEKDAY_TIMEX = /^XXXX-WXX-\d$/;
const SEASON_TIMEX = /^(?:(\d{4})-)?(SP|SU|FA|WI)$/;
/**
 * The recognizer names a season ("since summer") without dates. Meteorological seasons of the northern
 * hemisphere, by first month (0-based); each lasts three months, winter running into the next year.
 */
const SEASON_FIRST_MONTH: Record<string, number> = { SP: 2, SU: 5, FA: 8, WI: 11 };

/**
 * Estimates for a unit with no number ("for years", "months"), longest unit first so that "weeks, maybe months"
 * reads as months. Days, weeks and months count as "a few" (3), as the recognizer reads "a few weeks"; bare months
 * are then 90 days, just chronic, which suits someone saying they have had pain "for months". Bare years are taken
 * as 2, a cautious figure that is still plainly chronic; "many years" as 5.
 */
const BARE_UNIT_ESTIMATES: ReadonlyArray<[RegExp, number, RoughUnit]> = [
  [/\bmany years\b/, 1825, 'years'],
  [/\byears\b/, 730, 'years'],
  [/\bmonths\b/, 90, 'months'],
  [/\bweeks\b/, 21, 'weeks'],
  [/\bdays\b/, 3, 'days'],
];

/**
 * A time of life rather than a date: "since my 20s", "since I was a teenager", "since school", "all my adult life".
 * Years, however old the person is now.
 */
const LIFE_STAGE = new RegExp(
  String.raw`\b(?:since (?:i was (?:a |an )?(?:kid|child|boy|girl|teen|teenager|youngster|young|little|lad|lass|\d{1,2})|` +
    String.raw`my (?:teens|teenage years|twenties|thirties|forties|fifties|sixties|\d0s|school days|uni days|college days|army days|youth)|` +
    String.raw`(?:school|uni|university|college|forever|childhood|the army)|i can remember)|` +
    String.raw`(?:(?:most|much) of|all) my (?:adult |working )?life|as long as i can remember|donkeys? years|yonks|decades)\b`,
);

/** "It's only just started": days. */
const JUST_STARTED = /\b(?:just|only just|only) (?:started|begun|began|come on|came on|happened)\b/;

/** "Ages", "a long time", "not long", "since my operation" (when was that?): some time, but not how much. */
const UNCLEAR =
  /\b(?:since|ages|a (?:long|good|little|short) (?:time|while)|(?:a|for a) while|a bit|some time|forever|not (?:that |very )?long|recently|lately)\b/;

/**
 * How long back pain has lasted, from a user's answer to "How long have you had this pain?".
 * today: the user's current date.
 */
export function recognizeDuration(text: string, today: Date): DurationReading {
  try {
    const answer = excerpt(text, DURATION_CUE, MAX_ANSWER_CHARS);
    const prepared = prepare(answer, today);
    // "Since the Wednesday before last" is read as last Wednesday, then a week earlier.
    const weekEarlier = BEFORE_LAST.test(prepared) ? 7 : 0;
    const days = daysFromText(prepared.replace(BEFORE_LAST, 'last $1'), today);
    if (days !== null) return { days: days + weekEarlier, band: durationBand(days + weekEarlier) };
    return roughReading(prepared, normaliseText(answer));
  } catch {
    // The recognizer is third-party code: an answer it cannot read must not break the conversation.
    return NO_READING;
  }
}

function prepare(text: string, today: Date): string {
  // Units are spelled out first, so that what follows sees "several weeks" in "several wks".
  const spelledOut = UNIT_SPELLINGS.reduce(
    (prepared, [misspelling, unit]) => prepared.replace(misspelling, unit),
    text.toLowerCase(),
  );
  const thisMonth = MONTHS.split('|')[today.getMonth()];
  const lastMonth = MONTHS.split('|')[(today.getMonth() + 11) % 12];
  return spelledOut
    .replace(/\s+n\s+/g, ' and ')
    .replace(/(\d) and half\b/g, '$1 and a half')
    .replace(BARE_UNIT, '$1a $2')
    .replace(START_OF_THIS_MONTH, `${thisMonth} 1st`)
    .replace(START_OF_LAST_MONTH, `${lastMonth} 1st`)
    .replace(END_OF_MONTH, '$1 28th')
    .replace(BONFIRE_NIGHT, 'november 5th')
    .replace(
      FORTNIGHTS,
      (_, count: string | undefined) =>
        `${2 * (count === undefined ? 1 : (FORTNIGHT_COUNTS[count] ?? Number(count)))} weeks`,
    )
    .replace(PLUS, 'more than $1')
    .replace(START_OF_MONTH, '$1 1st')
    .replace(MIDDLE_OF_MONTH, '$1 15th')
    .replace(SEVERAL, '4')
    .replace(PAST_PERIOD, 'a $1')
    .replace(SINCE_DAY_OF_MONTH, 'on ')
    .replace(SINCE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first expression that gives a figure wins. */
function daysFromText(text: string, today: Date): number | null {
  if (text === '') return null;
  const todayNumber = dayNumber(today.getFullYear(), today.getMonth(), today.getDate());
  for (const result of recognizeDateTime(text, Culture.English, undefined, today)) {
    const days = daysFromResult(result, text, todayNumber);
    if (days !== null) return days;
  }
  return null;
}

/**
 * No figure: a bare unit ("for years") or a time of life gives an estimate; "ages" says only that it is a while.
 * prepared: as the recognizer read it; words: the same answer as plain words, "since" and all.
 */
function roughReading(prepared: string, words: string): DurationReading {
  const estimate = BARE_UNIT_ESTIMATES.find(([unit]) => unit.test(prepared));
  if (estimate) return { days: estimate[1], band: durationBand(estimate[1]), rough: estimate[2] };
  if (LIFE_STAGE.test(words)) return { days: 730, band: 'chronic', rough: 'years' };
  if (JUST_STARTED.test(words)) return { days: 1, band: 'acute', rough: 'days' };
  if (UNCLEAR.test(words)) return { ...NO_READING, unclear: true };
  return NO_READING;
}

function daysFromResult(result: RecognizerResult, text: string, today: number): number | null {
  const resolutions: Resolution[] = result.resolution?.values ?? [];
  if (result.typeName === 'datetimeV2.duration') {
    const seconds = Number(resolutions[0]?.value);
    if (!Number.isFinite(seconds)) return null;
    const shift = comparisonShift(resolutions[0].Mod, text.slice(0, result.start));
    return Math.max(0, Math.round(seconds / SECONDS_PER_DAY) + shift);
  }
  const span = mostRecentPastSpan(
    resolutions.flatMap((resolution) => spansOf(resolution, today)),
    today,
  );
  return span === null ? null : daysSinceMiddle(span, today);
}

/**
 * One day past or short of the figure for "more than" and "less than", so that "over 12 weeks" is chronic and
 * "under 4 weeks" acute. The recognizer reports "more than"/"less than" as Mod; other wordings are read here.
 */
function comparisonShift(mod: string | undefined, textBefore: string): number {
  if (mod === 'more' || MORE_THAN_BEFORE.test(textBefore)) return 1;
  if (mod === 'less' || LESS_THAN_BEFORE.test(textBefore)) return -1;
  return 0;
}

function spansOf(resolution: Resolution, today: number): Span[] {
  const timex = resolution.timex ?? '';
  const season = SEASON_TIMEX.exec(timex);
  if (season) return seasonSpans(season[1] === undefined ? undefined : Number(season[1]), season[2], today);

  // "Now" ("for years now") says nothing about when pain began.
  if (timex === 'PRESENT_REF') return [];
  // "Before Christmas" has only an end, since when pain has lasted at least; a time of day ("at night") has no date.
  const start = parseDay(resolution.start ?? resolution.value) ?? parseDay(resolution.end);
  if (start === null) return [];
  const end = ROLLING_RANGE_TIMEX.test(timex) ? start : (parseDay(resolution.end) ?? start);
  if (WEEKEND_TIMEX.test(timex) && start > today) return [{ start: start - 7, end: end - 7 }];
  // Today's weekday ("since Monday" said on a Monday) means a week ago: pain that began today is "since this morning".
  if (WEEKDAY_TIMEX.test(timex) && start === today) return [];
  return [{ start, end }];
}

function seasonSpans(year: number | undefined, season: string, today: number): Span[] {
  const thisYear = new Date(today * MS_PER_DAY).getUTCFullYear();
  const firstMonth = SEASON_FIRST_MONTH[season];
  const span = (seasonYear: number): Span => ({
    start: dayNumber(seasonYear, firstMonth, 1),
    end: dayNumber(seasonYear, firstMonth + 3, 1),
  });
  if (year === undefined) return [span(thisYear - 1), span(thisYear)];
  // "Last spring" said in November is the spring just gone; the recognizer takes it for the year before.
  const following = span(year + 1);
  return following.end <= today ? [span(year), following] : [span(year)];
}

/**
 * The recognizer offers a past and a future reading of an expression without a year ("Christmas", "March"); pain
 * began in the past, so the latest reading that has begun by today is taken ("November" in November is this one).
 */
function mostRecentPastSpan(spans: Span[], today: number): Span | null {
  return spans
    .filter((span) => span.start <= today)
    .reduce<Span | null>((latest, span) => (latest === null || span.start > latest.start ? span : latest), null);
}

/** From the middle of the part of the span up to today: "last month" is its 16th, "this month" halfway to today. */
function daysSinceMiddle(span: Span, today: number): number {
  const end = Math.min(span.end, today);
  return Math.max(0, Math.round(today - (span.start + end) / 2));
}

/** "2026-11-23" or "2026-11-23 08:00:00" as a day number; null for anything without a date. */
function parseDay(text: string | undefined): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text ?? '');
  return match ? dayNumber(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

/** Day numbers count calendar days in UTC, so a change to or from summer time does not shift them. */
function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month, day) / MS_PER_DAY;
}
