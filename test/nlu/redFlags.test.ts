import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { loadKnowledge } from '../../src/kb/loadKnowledge';
import { RedFlagDetector } from '../../src/nlu/redFlags';
import { KNOWLEDGE_DIR } from '../helpers';

const detector = new RedFlagDetector(loadKnowledge(KNOWLEDGE_DIR).redFlags);
const fixture = (name: string) => parse(readFileSync(resolve(__dirname, '..', 'fixtures', name), 'utf8'));
const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)}%`;

/** Every urgent message flagged (a miss is a safety defect); at most 1 in 10 near-misses flagged. */
function judge(urgent: Record<string, string[]>, nearMisses: string[]) {
  const all = Object.entries(urgent).flatMap(([category, messages]) => messages.map((text) => ({ category, text })));
  const missed = all.filter(({ text }) => !detector.triage(text).urgent);
  const wrongCategory = all.filter(({ text, category }) => {
    const found = detector.triage(text);
    return found.urgent && found.category !== category;
  });
  const flagged = nearMisses.filter((text) => detector.triage(text).urgent);
  console.log(
    `urgent flagged ${all.length - missed.length}/${all.length}, right category ${percent(all.length - missed.length - wrongCategory.length, all.length)}; ` +
      `near-misses flagged ${flagged.length}/${nearMisses.length} (${percent(flagged.length, nearMisses.length)})\n` +
      `missed:\n${missed.map((m) => `${m.category}: ${m.text}`).join('\n')}\nflagged near-misses:\n${flagged.join('\n')}`,
  );
  return { missed, flagged, wrongCategory, total: all.length };
}

describe('red-flag detection', () => {
  it('flags every urgent message and at most 1 in 10 near-misses (first set)', () => {
    const { missed, flagged, wrongCategory, total } = judge(
      fixture('red-flags-urgent.yaml'),
      fixture('red-flags-near-miss.yaml'),
    );
    expect(missed.map((m) => m.text)).toEqual([]);
    expect(flagged.length / fixture('red-flags-near-miss.yaml').length).toBeLessThanOrEqual(0.1);
    expect(wrongCategory.length / total).toBeLessThanOrEqual(0.05);
  });

  const holdout = resolve(__dirname, '..', 'fixtures', 'red-flags-holdout.yaml');
  (existsSync(holdout) ? it : it.skip)(
    'flags every urgent message and at most 1 in 10 near-misses (second set)',
    () => {
      const set = fixture('red-flags-holdout.yaml') as { urgent: Record<string, string[]>; near_miss: string[] };
      const { missed, flagged } = judge(set.urgent, set.near_miss);
      expect(missed.map((m) => m.text)).toEqual([]);
      expect(flagged.length / set.near_miss.length).toBeLessThanOrEqual(0.1);
    },
  );

  it.each([
    ["I can't feel my inner thighs and I've wet myself", 'cauda-equina'],
    ['cant feel my bum', 'cauda-equina'],
    ['my legs have gone to jelly and keep giving way', 'neuro-deficit'],
    ['fell down the stairs this morning and my back is agony', 'trauma'],
    ['i have a fever and my lower back hurts', 'infection'],
    ['had breast cancer 3 years ago and now new back pain', 'cancer'],
    ['on steroids for years and my back suddenly went when i sneezed', 'fracture-risk'],
    ['chest pain going into my back', 'cardiac'],
    ['i just want to die, the pain is too much', 'crisis'],
    ['my back hurts. also numbnes in my groin since yesterday', 'cauda-equina'],
  ])('flags %j as %s', (text, category) => {
    expect(detector.triage(text)).toMatchObject({ urgent: true, category });
  });

  it.each([
    'no numbness and my bladder is fine',
    'what does cauda equina mean?',
    "I fell off my bike five years ago, now it's just desk ache",
    'my back is killing me',
    'what symptoms mean I should go to A&E?',
    'not suicidal just fed up',
    'i fell asleep on the sofa and my back hurts',
    'knee to chest stretch',
    'i want to stretch my back, any tips?',
  ])('does not flag %j', (text) => {
    expect(detector.triage(text)).toEqual({ urgent: false, category: null, level: null });
  });
});
