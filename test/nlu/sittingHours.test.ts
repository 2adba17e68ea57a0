import { recognizeSittingHours } from '../../src/nlu/sittingHours';

describe('recognizeSittingHours', () => {
  describe('a number of hours', () => {
    it.each<[string, number]>([
      ['8', 8],
      ['eight hours', 8],
      ['7 hours', 7],
      ['about 6', 6],
      ['around 7 hours', 7],
      ['I sit for about six hours', 6],
      ['six and a half hours', 6.5],
      ['about 8 a day', 8],
      ['8 hours per day', 8],
      ['at least 10', 10],
      ['an hour', 1],
      ['about an hour', 1],
      ['half an hour', 0.5],
      ['I work 10 hour shifts', 10],
      ['24', 24],
      // The answer buttons.
      ['2 or less', 2],
      ['About 4', 4],
      ['10 or more', 10],
      // "12+" and "12 plus" are at least twelve.
      ['12+', 12],
      ['10 hours+', 10],
      ['12 plus', 12],
    ])('%j is %d hours', (text, hours) => {
      expect(recognizeSittingHours(text)).toEqual({ hours, vague: false });
    });
  });

  describe('shortened and misspelt units and numbers', () => {
    it.each<[string, number]>([
      ['8 hrs', 8],
      ['10hrs', 10],
      ['8hours', 8],
      ['8h', 8],
      ['ten hrs', 10],
      ['8 houres', 8],
      ['eigth hours', 8],
      ['sevn', 7],
    ])('%j is %d hours', (text, hours) => {
      expect(recognizeSittingHours(text)).toEqual({ hours, vague: false });
    });
  });

  describe('two amounts offered together: the higher, the cautious reading', () => {
    it.each<[string, number]>([
      ['8-10 hours', 10],
      ['6 to 8', 8],
      ['6-7', 7],
      ['6 or 7', 7],
      ['like 5 or 6', 6],
      ['five or six hours', 6],
      ['5/6', 6],
      ['3 to 4 hours', 4],
      ['4-5 hrs', 5],
      ['an hour or two', 2],
    ])('%j is %d hours', (text, hours) => {
      expect(recognizeSittingHours(text)).toEqual({ hours, vague: false });
    });
  });

  describe('working hours: the time between', () => {
    it.each<[string, number]>([
      ['9 to 5', 8],
      ['9-5', 8],
      ['9 - 5', 8],
      ['9\u20135', 8],
      ['9to5', 8],
      ['i work 9-5', 8],
      ['mon-fri 9-5', 8],
      ['9 till 5', 8],
      ['9 til 5', 8],
      ['nine to five', 8],
      ['9am to 5:30pm', 8.5],
      ['from 9 to 5:30', 8.5],
      ['8.30 to 5', 8.5],
      ['7:30am to 4pm', 8.5],
      ['9:00 to 17:00', 8],
      ['8am-4pm', 8],
      ['7am - 3pm', 8],
      ['7am-7pm', 12],
      ['from 8 till 6', 10],
      ['from eight till six', 10],
    ])('%j is %d hours', (text, hours) => {
      expect(recognizeSittingHours(text)).toEqual({ hours, vague: false });
    });
  });

  describe('numbers that count something else', () => {
    it.each<[string, number]>([
      ['8 hours a day, 5 days a week', 8],
      ['6 hours, 5 days a week', 6],
      ['5 days a week 8 hours', 8],
      ['2 kids and 8 hours', 8],
    ])('%j is %d hours', (text, hours) => {
      expect(recognizeSittingHours(text)).toEqual({ hours, vague: false });
    });
  });

  describe('hardly any sitting: zero', () => {
    it.each(['none', 'zero', '0', 'never', 'I dont sit much', "I don't sit", 'hardly sit', 'i stand all day'])(
      '%j is 0 hours',
      (text) => {
        expect(recognizeSittingHours(text)).toEqual({ hours: 0, vague: false });
      },
    );
  });

  describe('an answer without a number: vague, so the bot asks for a rough figure', () => {
    it.each([
      'all day',
      'most of the day',
      'half the day',
      'half my day',
      'a lot',
      'loads',
      'too much',
      'not much',
      'a few hours',
      'a couple of hours',
      'couple of hours',
    ])('%j is vague', (text) => {
      expect(recognizeSittingHours(text)).toEqual({ hours: null, vague: true });
    });
  });

  describe('no reading', () => {
    it.each([
      // More hours than a day has.
      '30',
      '25',
      '40 hours a week',
      'banana',
      'dunno',
      '',
    ])('%j has no hours and is not vague', (text) => {
      expect(recognizeSittingHours(text)).toEqual({ hours: null, vague: false });
    });
  });
});
