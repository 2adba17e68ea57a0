/** Small pieces of the bot's wording shared by the dialogs' replies. */

/** The 0-10 pain scale as suggested answers. */
export const SCORE_ACTIONS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];

/** A title inside a sentence: "the Knee-to-chest stretch" reads as "the knee-to-chest stretch". */
/** Names that keep their capital mid-sentence ("more on Thai massage"). */
const PROPER_WORDS = new Set(['Thai', 'Swedish', 'NHS', 'NICE']);

export function lowerFirst(text: string): string {
  if (PROPER_WORDS.has(text.split(/[\s,:]/, 1)[0])) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MS_PER_DAY = 86_400_000;

/**
 * A past date as people say it, from where the user is today (both yyyy-mm-dd, the user's calendar): "earlier
 * today", "yesterday", "on Tuesday" within the week, then "on 20 November", with the year when it is not this one.
 */
export function spokenDate(isoDate: string, today: string): string {
  const day = (iso: string) => {
    const [year, month, date] = iso.split('-').map(Number);
    return Date.UTC(year, month - 1, date);
  };
  const daysAgo = Math.round((day(today) - day(isoDate)) / MS_PER_DAY);
  if (daysAgo === 0) return 'earlier today';
  if (daysAgo === 1) return 'yesterday';
  const when = new Date(day(isoDate));
  if (daysAgo > 1 && daysAgo < 7) return `on ${WEEKDAYS[when.getUTCDay()]}`;
  return `on ${when.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    ...(isoDate.slice(0, 4) === today.slice(0, 4) ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  })}`;
}
