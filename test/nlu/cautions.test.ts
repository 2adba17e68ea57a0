import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge } from '../../src/kb/loadKnowledge';
import { CautionReader } from '../../src/nlu/cautions';

const reader = new CautionReader(loadKnowledge(join(__dirname, '..', '..', 'knowledge')).cautions);

describe('reading the health cautions a message states', () => {
  it.each([
    ["Yes, I'm 20 weeks pregnant", ['pregnancy']],
    ['on a bit of warferin since the clot', ['blood-thinners']],
    ['hernia repair last month, still tender', ['recent-surgery']],
    ['had a hip replacement in 2019 and my bones are thin', ['osteoporosis', 'hip-replacement']],
    ['eczema all over my lower back', ['skin']],
    ["my mum is on xarelto and I'm pregnant", ['pregnancy']],
  ])('%j states %j', (text, cautions) => {
    expect(reader.read(text)).toEqual(cautions);
  });

  it.each([
    "I'm not pregnant",
    'my wife is pregnant, can she have a massage',
    'I used to be on warfarin years ago',
    'might need a hip replacement one day',
    'is massage safe in pregnancy?',
    'pregnancy test negative phew',
    'had my appendix out when I was 12',
  ])('%j states none', (text) => {
    expect(reader.read(text)).toEqual([]);
  });
});

/**
 * The blind sets (test/fixtures/blind/cautions-blind-*.jsonl), each written by an independent writer from the
 * list of cautions alone. Set 1 was read at first contact (69 of 100 found, 11 of 67 look-alikes flagged) and the
 * rules were then improved on its misses, so it is training data now; set 2 was first read after that (74 of 100,
 * 11 of 65). These floors keep what was measured from slipping; they are not targets.
 */
describe.each([
  ['cautions-blind-1.jsonl', 0.88, 6],
  ['cautions-blind-2.jsonl', 0.72, 12],
])('%s', (file, minFound, maxFlagged) => {
  const lines = readFileSync(join(__dirname, '..', 'fixtures', 'blind', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { text: string; cautions: string[] });

  it(`finds at least ${minFound * 100}% of the cautions that apply, and flags at most ${maxFlagged} look-alikes`, () => {
    let applies = 0;
    let found = 0;
    let flagged = 0;
    for (const { text, cautions } of lines) {
      const read = reader.read(text);
      applies += cautions.length;
      found += cautions.filter((id) => read.includes(id)).length;
      if (cautions.length === 0 && read.length > 0) flagged++;
    }
    expect(found / applies).toBeGreaterThanOrEqual(minFound);
    expect(flagged).toBeLessThanOrEqual(maxFlagged);
  });
});
