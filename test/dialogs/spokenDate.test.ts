import { spokenDate } from '../../dialogs/wording';

describe('dates as people say them', () => {
  it.each([
    ['2026-12-04', 'earlier today'],
    ['2026-12-03', 'yesterday'],
    ['2026-12-01', 'on Tuesday'],
    ['2026-11-28', 'on Saturday'],
    ['2026-11-27', 'on 27 November'],
    ['2026-01-05', 'on 5 January'],
    ['2025-12-20', 'on 20 December 2025'],
  ])('%s, said on Friday 4 December 2026, is "%s"', (date, spoken) => {
    expect(spokenDate(date, '2026-12-04')).toBe(spoken);
  });

  it('counts calendar days across a change of month and year', () => {
    expect(spokenDate('2026-12-31', '2027-01-01')).toBe('yesterday');
    expect(spokenDate('2026-12-29', '2027-01-01')).toBe('on Tuesday');
  });
});
