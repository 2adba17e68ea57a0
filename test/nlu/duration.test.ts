import { recognizeDuration } from '../../src/nlu/duration';
import { DurationBand, durationBand } from '../../src/nlu/durationBand';

/** Monday 23 November 2026. */
const TODAY = new Date(2026, 10, 23);

describe('durationBand (ACP 2017)', () => {
  it.each<[number, DurationBand]>([
    [0, 'acute'],
    [27, 'acute'],
    [28, 'subacute'],
    [84, 'subacute'],
    [85, 'chronic'],
    [3650, 'chronic'],
  ])('%i days is %s', (days, band) => {
    expect(durationBand(days)).toBe(band);
  });
});

describe('recognizeDuration', () => {
  describe('exact expressions', () => {
    it.each<[string, number, DurationBand]>([
      // Durations the recognizer reads.
      ['3 weeks', 21, 'acute'],
      ['two and a half weeks', 18, 'acute'],
      ['6 months', 180, 'chronic'],
      ['a year', 365, 'chronic'],
      ['three days', 3, 'acute'],
      ['10 days', 10, 'acute'],
      ['a month and a half', 45, 'subacute'],
      ['half a year', 183, 'chronic'],
      ['18 months', 540, 'chronic'],
      ['for 2 years now', 730, 'chronic'],
      ['on and off for 3 years', 1095, 'chronic'],
      ['the last 3 weeks', 21, 'acute'],
      ['for the past year', 365, 'chronic'],
      ['for the last week', 7, 'acute'],
      // Hedges do not change the best figure.
      ['about 3 weeks', 21, 'acute'],
      ['6 months or so', 180, 'chronic'],
      // Quantity words: a couple is 2, a few 3, several 4.
      ['a couple of weeks', 14, 'acute'],
      ['a few weeks', 21, 'acute'],
      ['several weeks', 28, 'subacute'],
      ['a couple of months', 60, 'subacute'],
      ['a few months', 90, 'chronic'],
      // Fortnights.
      ['a fortnight', 14, 'acute'],
      ['2 fortnights', 28, 'subacute'],
      ['a fortnight ago', 14, 'acute'],
      ['two fortnights ago', 28, 'subacute'],
      // Shortened and misspelt units.
      ['3 weks', 21, 'acute'],
      ['3 wk', 21, 'acute'],
      ['3 wks', 21, 'acute'],
      ['3wks', 21, 'acute'],
      ['a wk', 7, 'acute'],
      ['6 monthes', 180, 'chronic'],
      ['6 mnths', 180, 'chronic'],
      ['4 mths', 120, 'chronic'],
      ['6 mos', 180, 'chronic'],
      ['several wks', 28, 'subacute'],
      ['2 yrs', 730, 'chronic'],
      ['1 yr', 365, 'chronic'],
      // Days, counted back from today.
      ['2 weeks ago', 14, 'acute'],
      ['a week ago', 7, 'acute'],
      ['since 2 weeks ago', 14, 'acute'],
      ['yesterday', 1, 'acute'],
      ['since last night', 1, 'acute'],
      ['just today', 0, 'acute'],
      ['today', 0, 'acute'],
      ['since this morning', 0, 'acute'],
      ['this morning', 0, 'acute'],
      ['since Monday', 7, 'acute'],
      ['since last Monday', 7, 'acute'],
      ['since Friday', 3, 'acute'],
      ['since Sunday', 1, 'acute'],
      ['since 3rd November', 20, 'acute'],
      ['since the 10th', 13, 'acute'],
      ['since the 3rd of October', 51, 'subacute'],
      ['since Halloween', 23, 'acute'],
      ['since Christmas', 333, 'chronic'],
      ['since new year', 326, 'chronic'],
      ['since my operation 2 years ago', 730, 'chronic'],
    ])('%j is %i days (%s)', (text, days, band) => {
      expect(recognizeDuration(text, TODAY)).toEqual({ days, band });
    });
  });

  describe('periods and vague expressions', () => {
    it.each<[string, number, number, DurationBand]>([
      // A period in which the pain began: about its middle.
      ['since last month', 35, 41, 'subacute'],
      ['since March', 245, 260, 'chronic'],
      ['since the start of October', 44, 54, 'subacute'],
      ['since early October', 44, 54, 'subacute'],
      ['since November', 5, 22, 'acute'],
      ['last week', 1, 7, 'acute'],
      ['since the weekend', 1, 2, 'acute'],
      ['over the weekend', 1, 2, 'acute'],
      ['since last year', 420, 600, 'chronic'],
      ['since summer', 115, 145, 'chronic'],
      ['since autumn', 30, 60, 'subacute'],
      ['since winter', 290, 340, 'chronic'],
      ['since before Christmas', 333, 400, 'chronic'],
      // More or less than a figure.
      ['over a year', 365, 450, 'chronic'],
      ['more than 3 months', 90, 120, 'chronic'],
      ['over 12 weeks', 85, 100, 'chronic'],
      ['under 4 weeks', 20, 27, 'acute'],
      ['less than 4 weeks', 20, 27, 'acute'],
      ['nearly 4 weeks', 20, 27, 'acute'],
      ['less than a week', 1, 6, 'acute'],
      ['almost a year', 300, 365, 'chronic'],
      // Ranges and units with no number.
      ['a day or two', 1, 2, 'acute'],
      ['2-3 weeks', 14, 21, 'acute'],
      ['for weeks', 14, 27, 'acute'],
      ['months', 85, 180, 'chronic'],
      ['for months', 85, 180, 'chronic'],
      ['years', 365, 1095, 'chronic'],
      ['for years', 365, 1095, 'chronic'],
      ['many years', 1095, 3650, 'chronic'],
      ['on and off for years', 365, 1095, 'chronic'],
      ['for yrs', 365, 1095, 'chronic'],
    ])('%j is %i to %i days (%s)', (text, fewest, most, band) => {
      const { days, band: foundBand } = recognizeDuration(text, TODAY);
      expect(days).toBeGreaterThanOrEqual(fewest);
      expect(days).toBeLessThanOrEqual(most);
      expect(foundBand).toBe(band);
    });
  });

  describe('answers with no date that can be worked out', () => {
    it.each(['not sure', "I don't know", 'it comes and goes', 'it hurts at night', '', '   ', 'asdf qwerty', '!!!'])(
      '%j gives nulls',
      (text) => {
        expect(recognizeDuration(text, TODAY)).toEqual({ days: null, band: null });
      },
    );

    it.each(['ages', 'had it for ages tbh', 'a while', 'a long time', 'not long', 'since my operation', 'forever'])(
      '%j is a while, but not how long: worth asking roughly',
      (text) => {
        expect(recognizeDuration(text, TODAY)).toEqual({ days: null, band: null, unclear: true });
      },
    );
  });

  describe('a unit or a time of life without a number', () => {
    it.each<[string, string, string]>([
      ['for years', 'years', 'chronic'],
      ['since my 20s', 'years', 'chronic'],
      ['since I was a kid', 'years', 'chronic'],
      ['all my life', 'years', 'chronic'],
      ['since forever', 'years', 'chronic'],
      ['donkeys years', 'years', 'chronic'],
      ['for months', 'months', 'chronic'],
      ['for weeks', 'weeks', 'acute'],
      ['it only just started', 'days', 'acute'],
    ])('%j is an estimate in %s (%s)', (text, rough, band) => {
      expect(recognizeDuration(text, TODAY)).toMatchObject({ rough, band });
    });
  });

  describe('counting from the given today', () => {
    it.each<[string, Date, number]>([
      ['since Monday', new Date(2026, 10, 24), 1],
      ['since the weekend', new Date(2026, 10, 28), 0],
      ['since winter', new Date(2027, 0, 10), 20],
      ['yesterday', new Date(2026, 10, 23, 23, 30), 1],
    ])('%j on %s is %i days', (text, today, days) => {
      expect(recognizeDuration(text, today).days).toBe(days);
    });
  });

  it('never throws', () => {
    expect(recognizeDuration('since Monday', new Date(Number.NaN))).toMatchObject({ days: null, band: null });
    expect(recognizeDuration(undefined as unknown as string, TODAY)).toEqual({ days: null, band: null });
    expect(recognizeDuration('\u0000🙂'.repeat(50), TODAY)).toEqual({ days: null, band: null });
  });
});
