import { recognizeDuration } from '../../src/nlu/duration';
import { quickDuration } from '../../src/nlu/quickDuration';

/** Monday 23 November 2026. */
const TODAY = new Date(2026, 10, 23);

describe('quickDuration', () => {
  const counts = ['1', '3', '12', '18', '100', 'a', 'two', 'seven', 'twelve', 'a couple of', 'a few'];
  const units = ['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years'];
  const byCountAndUnit = counts.flatMap((count) => units.map((unit) => `${count} ${unit}`));
  const worded = [
    '3weeks',
    'about 3 weeks',
    'for 2 months',
    'for about six weeks',
    'around 10 days',
    'roughly 4 months',
    'maybe a year',
    'probably 2 years',
    'like 5 days',
    'just 2 days',
    'only a week',
    'approximately 3 months',
    '5 days now',
    'for 2 years now',
    '  Three Weeks. ',
    '3 weeks!',
  ];

  it.each([...byCountAndUnit, ...worded])('reads "%s" as the date-time recognizer does', (answer) => {
    const quick = quickDuration(answer);
    expect(quick).toBeDefined();
    expect(quick).toEqual(recognizeDuration(answer, TODAY));
  });

  it.each([
    '3 weeks ago',
    'over 3 weeks',
    'more than 6 months',
    'nearly a year',
    'a month and a half',
    'since Monday',
    'last Christmas',
    'weeks',
    '3 weeks, maybe 4',
    'my knee for 3 weeks',
    'what do you mean by 3 weeks?',
  ])('leaves "%s" to the recognizer', (answer) => {
    expect(quickDuration(answer)).toBeUndefined();
  });
});
