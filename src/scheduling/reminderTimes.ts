import type { ReminderRule } from '../nlu/reminderRequest';

/** Whether the name is a time zone this machine knows (IANA, such as Europe/London). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The next time after `after` (ms since 1970) that the rule says to remind, in the person's own time zone. */
export function nextReminderAt(rule: ReminderRule, timeZone: string, after: number): number {
  const today = localParts(after, timeZone);
  // A week ahead always holds a reminder day; the eighth day covers today's slots being over.
  for (let offset = 0; offset <= 7; offset++) {
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    if (!rule.days.includes(day.getUTCDay())) continue;
    for (let minute = rule.fromMinute; minute <= rule.toMinute; minute += rule.everyMinutes) {
      const at = fromLocal(day, minute, timeZone);
      if (at > after) return at;
    }
  }
  throw new Error('a reminder rule with no days');
}

/** The UTC time of a local day and minute in the zone (summer time included). */
function fromLocal(day: Date, minute: number, timeZone: string): number {
  const wall = day.getTime() + minute * 60_000;
  // The zone's offset at a guess, then again at the answer: right on both sides of a clock change.
  const first = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(first, timeZone);
}

/** How far the zone's clocks are ahead of UTC at that moment, in ms. */
function offsetAt(at: number, timeZone: string): number {
  const parts = localParts(at, timeZone);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

function localParts(at: number, timeZone: string) {
  const formatted = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(at));
  const part = (type: string) => Number(formatted.find((piece) => piece.type === type)?.value);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}
