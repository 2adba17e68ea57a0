import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadKnowledge } from '../../src/kb/loadKnowledge';
import { loadedKnowledge } from '../../src/kb/loadedKnowledge';
import { RedFlagDetector } from '../../src/nlu/redFlags';
import { describeTriageFigures, evaluateTriage, type LabelledMessage } from '../../src/nlu/triageEvaluation';
import { KNOWLEDGE_DIR } from '../helpers';

const { redFlags } = loadKnowledge(KNOWLEDGE_DIR);
const { triage } = loadedKnowledge(KNOWLEDGE_DIR);
const blindSet = (name: string): LabelledMessage[] =>
  readFileSync(resolve(__dirname, '..', 'fixtures', 'blind', name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));

describe('triage on messages written apart from the project', () => {
  /**
   * Sets written by writers who saw neither the code nor the training data. After their first-contact figures
   * were recorded they became regression sets: these floors sit just under what the triage does on them now.
   */
  it.each([
    ['red-flags-blind-1.jsonl', 0.97, 0.03],
    // One look-alike over the 1 in 20 since the crisis training of sets crisis-4 and crisis-5 (a form that
    // asked about thoughts of self-harm, "I have not, praise God").
    ['red-flags-blind-2.jsonl', 0.98, 0.06],
    ['red-flags-blind-3.jsonl', 0.97, 0.03],
    ['red-flags-blind-4.jsonl', 0.97, 0.02],
    ['red-flags-blind-5.jsonl', 0.98, 0.03],
    // Since the dialect and terse crisis training (800 lines, which took all ten sets' crisis messages from 399 to
    // 406 of 406): one more look-alike reported here ("the knacker's yard'll be collecting me ... lol").
    ['red-flags-blind-6.jsonl', 0.97, 0.03],
    ['red-flags-blind-7.jsonl', 0.98, 0.01],
    ['red-flags-blind-8.jsonl', 0.99, 0.01],
    ['red-flags-blind-9.jsonl', 0.96, 0.01],
    ['red-flags-blind-10.jsonl', 0.98, 0.02],
    // Two misses since that training: weight loss said as "weight is decreased", and dark urine with flank pain.
    ['red-flags-blind-11.jsonl', 0.97, 0.01],
    ['red-flags-blind-12.jsonl', 0.98, 0.01],
    ['red-flags-blind-13.jsonl', 0.97, 0.02],
    ['red-flags-blind-14.jsonl', 0.98, 0.01],
    ['red-flags-blind-15.jsonl', 0.97, 0.01],
    ['red-flags-blind-16.jsonl', 0.98, 0.02],
    // First contact with the final system: 110/110 (crisis 30/30), none of 80 look-alikes reported.
    ['red-flags-blind-17.jsonl', 0.99, 0.01],
    // First contact: 108/110 (crisis 30/30), one of 80 reported (a grandfather's cancer).
    ['red-flags-blind-18.jsonl', 0.98, 0.02],
  ])(
    '%s: catches (reports or asks about) urgent messages and rarely reports a look-alike',
    (name, minCaught, maxReported) => {
      const figures = evaluateTriage(
        blindSet(name).map((message) => ({ message, result: triage.assess(message.text) })),
      );
      console.log(`${name}\n${describeTriageFigures(figures).join('\n')}`);
      const { urgent, notUrgent } = figures;
      expect((urgent.reported + urgent.asked) / urgent.messages).toBeGreaterThanOrEqual(minCaught);
      expect(notUrgent.reported / notUrgent.messages).toBeLessThanOrEqual(maxReported);
    },
  );
});

describe('triage', () => {
  it.each([
    ["I can't feel my inner thighs and I've wet myself", 'cauda-equina', 'emergency'],
    ['my legs have gone to jelly and keep giving way', 'neuro-deficit', 'emergency'],
    ['fell down the stairs this morning and my back is agony', 'trauma', 'emergency'],
    ['i have a fever and my lower back hurts', 'infection', 'same-day'],
    ['on steroids for years and my back suddenly went when i sneezed', 'fracture-risk', 'same-day'],
    ['chest pain going into my back and i feel sick and sweaty', 'cardiac', 'emergency'],
    ['i just want to die, the pain is too much', 'crisis', 'crisis'],
    ['I took a whole pack of co-codamol an hour ago', 'overdose', 'emergency'],
    ['I know I have an aortic aneurysm and now sudden tearing pain in my back', 'vascular', 'emergency'],
    ['there is blood in my wee and my back aches', 'same-day-signs', 'same-day'],
  ])('reports %j as %s (%s)', (text, category, level) => {
    expect(triage.assess(text)).toMatchObject({ outcome: 'report', category, level, check: null });
  });

  it("asks one short question, its category's, when a message only might be urgent", () => {
    const result = triage.assess('want to disappear');
    expect(result).toMatchObject({ outcome: 'possible', category: 'crisis' });
    expect(result.check).toMatch(/thoughts of ending your life/);
  });

  it.each(['better off gone', 'no point', 'i want out'])(
    'asks about crisis for %j, though it is too short for the model to decide on anything else',
    (text) => {
      expect(triage.assess(text)).toMatchObject({ outcome: 'possible', category: 'crisis' });
    },
  );

  it('never lets through a crisis sentence buried between questions about stretches', () => {
    const result = triage.assess(
      'Hip flexor stretch going well, I do it every evening after the office. But honestly I keep standing by the ' +
        'window on the 20th floor and thinking of stepping out. The hamstring one still feels tight, normal?',
    );
    expect(result.category).toBe('crisis');
    expect(result.outcome).not.toBe('none');
  });

  it.each(['im done', 'ok done', 'over it', 'not sure', 'thanks, bye', 'since last month'])(
    'lets the short everyday reply %j through',
    (text) => {
      expect(triage.assess(text).outcome).toBe('none');
    },
  );

  it.each(['hang on someone is at the door', 'hold on, my phone rang, can we carry on later', 'one sec'])(
    'reads the pause request %j as the command it is, not as a warning sign',
    (text) => {
      expect(triage.assess(text).outcome).toBe('none');
    },
  );

  it('does not report weight lost on a diet or on purpose, and still reports weight lost without trying', () => {
    for (const text of [
      'I am on a diet and have lost 6 kg in two months on purpose. Will losing weight help my back pain?',
      'lost a stone at slimming club, will it help my back pain',
    ])
      expect(triage.assess(text).outcome).not.toBe('report');
    expect(triage.assess("I've lost 6 kg without trying and my back hurts").category).toBe('cancer');
  });

  it('still hears a warning sign said in a pause: "hang on, i want to end it all"', () => {
    expect(triage.assess('hang on, i want to end it all').category).toBe('crisis');
  });

  it.each([
    'no numbness and my bladder is fine',
    'what does cauda equina mean?',
    "I fell off my bike five years ago, now it's just desk ache",
    'my back is killing me',
    'I have lower back pain',
    'not suicidal just fed up',
    'i fell asleep on the sofa and my back hurts',
    'knee to chest stretch',
    'lost weight on purpose and my back feels better',
    'my mum had cancer years ago, I just want some stretches',
    '7 out of 10',
    'since last month',
    'not sure',
  ])('leaves %j alone', (text) => {
    expect(triage.assess(text).outcome).toBe('none');
  });

  // A rule's words in a message the model finds unlikely: at most one check question, never urgent advice.
  it.each(['legs like jelly after leg day', 'i could die for a coffee'])('never reports %j', (text) => {
    expect(triage.assess(text).outcome).not.toBe('report');
  });
});

describe('red-flag rules', () => {
  const detector = new RedFlagDetector(redFlags);

  it('tolerates one typo in a longer word, but never takes a real word for a typo', () => {
    expect(detector.triage('numbnes in my groin since yesterday').category).toBe('cauda-equina');
    expect(detector.triage('i tripped over the dog, my back is fine').urgent).toBe(false);
  });

  it('stands a symptom down for a negation before it or a reassurance after it, in the same sentence', () => {
    expect(detector.triage('no numbness in my groin').urgent).toBe(false);
    expect(detector.triage('my bladder control is fine').urgent).toBe(false);
    expect(detector.triage('No. Numbness in my groin since this morning').category).toBe('cauda-equina');
  });

  it('reads a message of any length in time linear in its length', () => {
    const sentence = 'no numbness but my legs feel weak and i fell ';
    const time = (repeats: number) => {
      const text = sentence.repeat(repeats);
      const started = process.hrtime.bigint();
      detector.triage(text);
      return Number(process.hrtime.bigint() - started);
    };
    time(200);
    const ratio = time(4000) / time(1000);
    // Four times the text, about four times the work; a quadratic reader would take sixteen.
    expect(ratio).toBeLessThan(8);
  });
});
