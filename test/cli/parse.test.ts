import { backcare, jsonLines } from './runBackcare';

describe('backcare parse severity', () => {
  it.each([
    ['7/10', 7],
    ['about a six', 6],
    ['pretty bad', null],
  ])('prints one JSON line for its argument %j', (text, value) => {
    const { code, stdout } = backcare(['parse', 'severity', text]);
    expect(code).toBe(0);
    expect(jsonLines(stdout)).toEqual([{ text, value }]);
  });

  it('reads standard input and prints one line per input line, in order', () => {
    const input = ['7/10', 'seven out of ten', 'pretty bad', '3 weeks', 'dunno', '4 or 5'];
    const { code, stdout } = backcare(['parse', 'severity'], `${input.join('\n')}\n`);
    expect(code).toBe(0);
    expect(jsonLines(stdout)).toEqual([
      { text: '7/10', value: 7 },
      { text: 'seven out of ten', value: 7 },
      { text: 'pretty bad', value: null },
      { text: '3 weeks', value: null },
      { text: 'dunno', value: null },
      { text: '4 or 5', value: 5 },
    ]);
  });
});

describe('backcare parse duration', () => {
  it.each([
    ['3 weeks', 21, 'acute'],
    ['6 months', 180, 'chronic'],
    ['dunno', null, null],
  ])('prints one JSON line for its argument %j', (text, days, band) => {
    const { code, stdout } = backcare(['parse', 'duration', text]);
    expect(code).toBe(0);
    expect(jsonLines(stdout)).toEqual([{ text, days, band }]);
  });

  it('reads standard input and prints one line per input line, in order', () => {
    // Durations only: dates ("since Monday") would make the expected days depend on when the test runs.
    const input = ['3 weeks', 'dunno', 'several weeks', 'seven out of ten', 'for years'];
    const { code, stdout } = backcare(['parse', 'duration'], `${input.join('\n')}\n`);
    expect(code).toBe(0);
    expect(jsonLines(stdout)).toEqual([
      { text: '3 weeks', days: 21, band: 'acute' },
      { text: 'dunno', days: null, band: null },
      { text: 'several weeks', days: 28, band: 'subacute' },
      { text: 'seven out of ten', days: null, band: null },
      { text: 'for years', days: 730, band: 'chronic' },
    ]);
  });
});

describe('backcare parse usage', () => {
  it.each([[['parse']], [['parse', 'mood', 'fine']], [['parse', 'severity', 'too', 'many']]])(
    'explains its usage and exits 2 for %j',
    (args) => {
      const { code, stdout, stderr } = backcare(args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/usage: backcare/);
      expect(stderr).toMatch(/parse severity/);
    },
  );

  it('names the kinds it knows when the kind is missing or unknown', () => {
    expect(backcare(['parse']).stderr).toMatch(/^backcare: parse needs a kind, one of severity, duration\n/);
    expect(backcare(['parse', 'mood']).stderr).toMatch(
      /^backcare: parse needs a kind, one of severity, duration \(got "mood"\)/,
    );
  });
});
