import { normaliseText } from './normalise';

/** When stretch-break reminders come: every so many minutes within a daily window, on some days of the week. */
export interface ReminderRule {
  everyMinutes: number;
  /** Minutes after local midnight: the first reminder of the day, and the latest. */
  fromMinute: number;
  toMinute: number;
  /** Days of the week, 0 Sunday to 6 Saturday. */
  days: number[];
}

/** Reminders closer together than this would interrupt more than they help; further apart is still a nudge. */
const SHORTEST_MINUTES = 30;
const LONGEST_MINUTES = 4 * 60;
const WEEKDAYS = [1, 2, 3, 4, 5];
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  an: 1,
  a: 1,
  two: 2,
  three: 3,
  four: 4,
  fifteen: 15,
  thirty: 30,
};

const ASKS_TO_REMIND = /\b(remind|reminders?|nudge|ping|prompt)\b/;
const ABOUT_MOVING = /\b(stretch\w*|break|breaks|move|moving|movement|get up|stand up|exercise\w*)\b/;
const STOPS = /\b(stop|cancel|turn off|switch off|no more|end|disable|pause|unsubscribe)\b/;

/**
 * "Remind me to stretch every hour between 9 and 5 on weekdays" read as a
 * rule; "stop reminders" as 'stop'; anything else undefined. What is not said
 * takes the usual default: every hour, 9 to 5, weekdays.
 */
export function readReminderRequest(text: string): ReminderRule | 'stop' | undefined {
  const said = normaliseText(text);
  if (!ASKS_TO_REMIND.test(said)) return undefined;
  if (STOPS.test(said) && /\breminders?\b/.test(said)) return 'stop';
  if (!ABOUT_MOVING.test(said) || !/\bremind\b|\breminders?\b/.test(said)) return undefined;
  // Times keep their punctuation (8:30, 9-5).
  const [fromMinute, toMinute] = readWindow(text.toLowerCase()) ?? [9 * 60, 17 * 60];
  return { everyMinutes: readInterval(said), fromMinute, toMinute, days: readDays(said) };
}

function readInterval(said: string): number {
  if (/\bevery half (an )?hour\b|\bhalf hourly\b/.test(said)) return SHORTEST_MINUTES;
  const every = /\bevery (\d+|[a-z]+)? ?(minutes?|mins?|hours?|hrs?|h)\b/.exec(said);
  if (!every) return 60;
  const count = every[1] === undefined ? 1 : Number(every[1]) || NUMBER_WORDS[every[1]] || 1;
  const minutes = /^(h|hrs?|hours?)$/.test(every[2]) ? count * 60 : count;
  return Math.min(LONGEST_MINUTES, Math.max(SHORTEST_MINUTES, minutes));
}

/** "between 9 and 5", "from 9am to 5pm", "9-5", "8:30 to 17:00": the window in minutes after midnight. */
function readWindow(said: string): [number, number] | undefined {
  const time = '(\\d{1,2})(?:[:.](\\d{2}))? ?(am|pm)?';
  const found = new RegExp(`\\b(?:between |from )?${time} ?(?:and|to|till|until|-) ?${time}\\b`).exec(said);
  if (!found) return undefined;
  const from = minutesOf(found[1], found[2], found[3]);
  let to = minutesOf(found[4], found[5], found[6]);
  // "9 to 5" means the afternoon: an end before the start, without am or pm, is after midday.
  if (to <= from && found[6] === undefined && to < 12 * 60) to += 12 * 60;
  if (from >= to || to > 24 * 60) return undefined;
  return [from, to];
}

function minutesOf(hours: string, minutes: string | undefined, half: string | undefined): number {
  let hour = Number(hours) % 24;
  if (half === 'pm' && hour < 12) hour += 12;
  if (half === 'am' && hour === 12) hour = 0;
  return hour * 60 + Number(minutes ?? 0);
}

function readDays(said: string): number[] {
  if (/\b(every ?day|daily|all week|7 days|seven days)\b/.test(said)) return EVERY_DAY;
  return WEEKDAYS;
}
