import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { recognizeDuration } from '../../src/nlu/duration';
import { recognizeSeverity } from '../../src/nlu/severity';

/**
 * The quality bar on answer sets written blind by two writers who had not
 * seen the parsers (*-answers.yaml first, *-holdout.yaml later): at least 19 in 20 pain scores read to the right number (or to
 * null), at least 9 in 10 durations in a sensible range. The figures are
 * printed so a change that costs accuracy shows.
 */
const fixture = (name: string) => parse(readFileSync(resolve(__dirname, '..', 'fixtures', name), 'utf8'));

interface SeverityAnswer {
  text: string;
  value: number | null;
}
interface DurationAnswer {
  text: string;
  min: number | null;
  max: number | null;
  band: string | null;
}

describe('answer reading quality', () => {
  it('reads at least 19 in 20 pain scores right', () => {
    const answers = ['severity-answers.yaml', 'severity-holdout.yaml'].flatMap(
      (name) => (fixture(name) as { answers: SeverityAnswer[] }).answers,
    );
    const wrong = answers
      .map(({ text, value }) => ({ text, value, read: recognizeSeverity(String(text)).value }))
      .filter(({ value, read }) => read !== value)
      .map(({ text, value, read }) => `${text}: expected ${value}, read ${read}`);
    const rate = 1 - wrong.length / answers.length;
    console.log(
      `severity: ${(rate * 100).toFixed(1)}% of ${answers.length}${wrong.length ? `\n${wrong.join('\n')}` : ''}`,
    );
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });

  it('reads at least 9 in 10 durations within a sensible range, with the right band', () => {
    const sets = ['duration-answers.yaml', 'duration-holdout.yaml'].map(
      (name) => fixture(name) as { today: string; answers: DurationAnswer[] },
    );
    const answers = sets.flatMap(({ today, answers }) => {
      const [year, month, day] = String(today).split('-').map(Number);
      return answers.map((answer) => ({ ...answer, today: new Date(year, month - 1, day) }));
    });
    const wrong = answers
      .map((answer) => ({ ...answer, read: recognizeDuration(String(answer.text), answer.today) }))
      .filter(({ min, max, band, read }) =>
        min === null || max === null
          ? read.days !== null
          : read.days === null || read.days < min || read.days > max || (band !== null && read.band !== band),
      )
      .map(({ text, min, max, read }) => `${text}: expected ${min}-${max}, read ${read.days} ${read.band}`);
    const rate = 1 - wrong.length / answers.length;
    console.log(
      `duration: ${(rate * 100).toFixed(1)}% of ${answers.length}${wrong.length ? `\n${wrong.join('\n')}` : ''}`,
    );
    expect(rate).toBeGreaterThanOrEqual(0.9);
  });
});
