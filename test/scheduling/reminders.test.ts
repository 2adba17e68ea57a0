import { readReminderRequest } from '../../src/nlu/reminderRequest';
import { isTimeZone, nextReminderAt } from '../../src/scheduling/reminderTimes';

describe('reading a reminder request', () => {
  it.each([
    ['remind me to stretch every hour between 9 and 5 on weekdays', 60, 9 * 60, 17 * 60, 5],
    ['Can you remind me to take a stretch break every 2 hours from 8:30am to 4pm', 120, 8 * 60 + 30, 16 * 60, 5],
    ['stretch reminders every 30 mins 9-17 every day please', 30, 9 * 60, 17 * 60, 7],
    ['remind me to get up and move', 60, 9 * 60, 17 * 60, 5],
    ['remind me every 5 minutes to stretch', 30, 9 * 60, 17 * 60, 5],
  ])('%j', (text, everyMinutes, fromMinute, toMinute, days) => {
    const rule = readReminderRequest(text);
    expect(rule).toMatchObject({ everyMinutes, fromMinute, toMinute });
    expect(rule !== 'stop' && rule?.days).toHaveLength(days);
  });

  it.each(['stop reminders', 'no more reminders please', 'turn off the stretch reminders'])('%j stops them', (text) =>
    expect(readReminderRequest(text)).toBe('stop'),
  );

  it.each(['what stretches help sciatica', 'remind me what you said about heat', 'i keep forgetting to take breaks'])(
    '%j is not a reminder request',
    (text) => expect(readReminderRequest(text)).toBeUndefined(),
  );
});

describe('when the next reminder comes', () => {
  const hourly = { everyMinutes: 60, fromMinute: 9 * 60, toMinute: 17 * 60, days: [1, 2, 3, 4, 5] };

  it('keeps to the window and the weekdays, in the person’s time zone', () => {
    // Monday 1 June 2026, 10:20 in London (summer time: 09:20 UTC).
    const monday = Date.UTC(2026, 5, 1, 9, 20);
    expect(new Date(nextReminderAt(hourly, 'Europe/London', monday)).toISOString()).toBe('2026-06-01T10:00:00.000Z');
    // Friday 17:30 local: the next is Monday 9:00.
    const friday = Date.UTC(2026, 5, 5, 16, 30);
    expect(new Date(nextReminderAt(hourly, 'Europe/London', friday)).toISOString()).toBe('2026-06-08T08:00:00.000Z');
    expect(new Date(nextReminderAt(hourly, 'America/New_York', monday)).toISOString()).toBe('2026-06-01T13:00:00.000Z');
  });

  it('follows a clock change', () => {
    // London moves to summer time on Sunday 29 March 2026; Monday 9:00 is then 08:00 UTC, Friday before 09:00 UTC.
    expect(new Date(nextReminderAt(hourly, 'Europe/London', Date.UTC(2026, 2, 27, 7))).toISOString()).toBe(
      '2026-03-27T09:00:00.000Z',
    );
    expect(new Date(nextReminderAt(hourly, 'Europe/London', Date.UTC(2026, 2, 27, 18))).toISOString()).toBe(
      '2026-03-30T08:00:00.000Z',
    );
  });

  it('knows time zones', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
