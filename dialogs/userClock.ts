import type { Activity } from 'botbuilder';

/**
 * The user's calendar date: "since Monday" and the date in the pain history
 * are the user's, not the server's. Channels send localTimestamp as an ISO
 * string with the user's offset; its date part is the user's date.
 */
export function userToday(activity: Partial<Activity>): Date {
  const local = activity.localTimestamp as Date | string | undefined;
  const match = typeof local === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(local) : null;
  if (match) return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const when = new Date(local ?? activity.timestamp ?? Date.now());
  return new Date(when.getFullYear(), when.getMonth(), when.getDate());
}

/** The user's date as yyyy-mm-dd, for the pain history. */
export function userDate(activity: Partial<Activity>): string {
  const date = userToday(activity);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
