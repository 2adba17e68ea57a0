import { buildPlan, type Plan } from '../../src/plan/buildPlan';
import type { AssessmentAnswers } from '../../src/plan/profile';
import { formatPlanText } from '../../src/plan/planText';

const ids = (plan: Plan) => plan.items.map((item) => item.id);
const leftOutIds = (plan: Plan) => plan.leftOut.map((item) => item.id);

/** A typical office worker with moderate, recent pain, no warning signs and no cautions. */
const OFFICE: AssessmentAnswers = {
  warningSigns: 'no',
  severity: 5,
  durationDays: 21,
  durationBand: 'acute',
  trend: 'same',
  sittingHours: 9,
  wakesStiff: 'sometimes',
  mattressWorn: 'no',
  stress: 'low',
  activity: 'none',
  massageCautions: 'no',
};

interface Case {
  name: string;
  answers: AssessmentAnswers;
  physicianFirst: boolean;
  includes: string[];
  excludes: string[];
  leftOut?: string[];
}

const CASES: Case[] = [
  {
    name: 'office worker, moderate recent pain: Swedish, self-massage, stretches, breaks, sleep',
    answers: OFFICE,
    physicianFirst: false,
    includes: [
      'therapy.swedish',
      'therapy.frequency',
      'selfmassage.spine-circles',
      'selfmassage.glutes',
      'stretch.knee-to-chest',
      'stretch.supine-twist',
      'stretch.overview',
      'lifestyle.breaks',
      'cause.mattress',
      'safety.see-physician',
    ],
    excludes: ['therapy.hot-stone', 'therapy.thai', 'cause.stress', 'cause.sports'],
  },
  {
    name: '0/10: no self-massage (nothing to ease), still stretches and activity',
    answers: { ...OFFICE, severity: 0 },
    physicianFirst: false,
    includes: ['therapy.swedish', 'stretch.knee-to-chest', 'stretch.overview'],
    excludes: ['selfmassage.spine-circles', 'selfmassage.glutes'],
    leftOut: ['selfmassage.overview'],
  },
  {
    name: '3/10 mild: self-massage allowed',
    answers: { ...OFFICE, severity: 3 },
    physicianFirst: false,
    includes: ['selfmassage.spine-circles'],
    excludes: [],
  },
  {
    name: '6/10 moderate: self-massage allowed',
    answers: { ...OFFICE, severity: 6 },
    physicianFirst: false,
    includes: ['selfmassage.spine-circles'],
    excludes: [],
  },
  {
    name: '7/10 severe: physician first, no self-massage, only the gentlest stretch',
    answers: { ...OFFICE, severity: 7 },
    physicianFirst: true,
    includes: ['safety.see-physician', 'therapy.swedish', 'stretch.knee-to-chest', 'stretch.overview'],
    excludes: ['selfmassage.spine-circles', 'selfmassage.glutes', 'stretch.supine-twist'],
    leftOut: ['selfmassage.overview'],
  },
  {
    name: '10/10: physician first, no self-massage',
    answers: { ...OFFICE, severity: 10 },
    physicianFirst: true,
    includes: ['safety.see-physician'],
    excludes: ['selfmassage.spine-circles'],
    leftOut: ['selfmassage.overview'],
  },
  {
    name: 'getting worse: physician first',
    answers: { ...OFFICE, trend: 'worse' },
    physicianFirst: true,
    includes: ['safety.see-physician', 'selfmassage.spine-circles'],
    excludes: [],
  },
  {
    name: 'chronic: physician first, weekly therapy only on their advice',
    answers: { ...OFFICE, durationDays: 200, durationBand: 'chronic' },
    physicianFirst: true,
    includes: ['safety.see-physician', 'therapy.frequency'],
    excludes: [],
  },
  {
    name: 'warning sign on the checklist: doctor first, no massage, self-massage or stretches',
    answers: { ...OFFICE, warningSigns: 'yes' },
    physicianFirst: true,
    includes: ['safety.red-flags', 'lifestyle.breaks'],
    excludes: [
      'therapy.swedish',
      'therapy.frequency',
      'selfmassage.spine-circles',
      'stretch.knee-to-chest',
      'stretch.overview',
    ],
    leftOut: ['therapy.which', 'selfmassage.overview', 'stretch.overview'],
  },
  {
    name: 'unsure about warning signs: physician first, the rest stays',
    answers: { ...OFFICE, warningSigns: 'unsure' },
    physicianFirst: true,
    includes: ['safety.see-physician', 'therapy.swedish', 'stretch.knee-to-chest'],
    excludes: [],
  },
  {
    name: 'stressed with no massage cautions: hot stone, and stress advice',
    answers: { ...OFFICE, stress: 'high' },
    physicianFirst: false,
    includes: ['therapy.hot-stone', 'cause.stress'],
    excludes: ['therapy.swedish'],
  },
  {
    name: 'stressed but unsure about cautions: no hot stone, says why',
    answers: { ...OFFICE, stress: 'some', massageCautions: 'unsure' },
    physicianFirst: false,
    includes: ['therapy.swedish', 'cause.stress'],
    excludes: ['therapy.hot-stone'],
    leftOut: ['therapy.hot-stone'],
  },
  {
    name: 'stressed and severe: no hot stone (gentle Swedish after the physician)',
    answers: { ...OFFICE, stress: 'high', severity: 8 },
    physicianFirst: true,
    includes: ['therapy.swedish'],
    excludes: ['therapy.hot-stone'],
  },
  {
    name: 'massage cautions apply: ask a doctor before any massage, no therapy or frequency',
    answers: { ...OFFICE, massageCautions: 'yes', stress: 'high' },
    physicianFirst: false,
    includes: ['safety.contraindications', 'stretch.knee-to-chest', 'cause.stress'],
    excludes: ['therapy.hot-stone', 'therapy.swedish', 'therapy.thai', 'therapy.frequency'],
    leftOut: ['therapy.hot-stone'],
  },
  {
    name: 'sport, moderate, six weeks: Thai for flexibility, sport advice, glutes',
    answers: {
      ...OFFICE,
      activity: 'sport',
      sittingHours: 2,
      wakesStiff: 'no',
      durationDays: 42,
      durationBand: 'subacute',
    },
    physicianFirst: false,
    includes: ['therapy.thai', 'cause.sports', 'selfmassage.glutes', 'stretch.supine-twist'],
    excludes: ['lifestyle.breaks', 'cause.mattress', 'lifestyle.lifting'],
  },
  {
    name: 'sport, pain two days old: no Thai (it may not suit new pain), says why',
    answers: { ...OFFICE, activity: 'sport', durationDays: 2, durationBand: 'acute' },
    physicianFirst: false,
    includes: ['therapy.swedish', 'cause.sports'],
    excludes: ['therapy.thai'],
    leftOut: ['therapy.thai'],
  },
  {
    name: 'a massage caution: no self-massage, no twist, the knee-to-chest with a word of caution',
    answers: { ...OFFICE, massageCautions: 'yes' },
    physicianFirst: false,
    includes: ['safety.contraindications', 'stretch.knee-to-chest', 'stretch.overview'],
    excludes: ['selfmassage.spine-circles', 'selfmassage.glutes', 'stretch.supine-twist'],
    leftOut: ['therapy.hot-stone', 'selfmassage.overview'],
  },
  {
    name: 'sport but severe: no Thai, says why',
    answers: { ...OFFICE, activity: 'sport', severity: 9 },
    physicianFirst: true,
    includes: ['therapy.swedish'],
    excludes: ['therapy.thai'],
    leftOut: ['therapy.thai'],
  },
  {
    name: 'lifting at work: lifting advice and glutes',
    answers: { ...OFFICE, activity: 'repetitive', sittingHours: 1 },
    physicianFirst: false,
    includes: ['lifestyle.lifting', 'selfmassage.glutes'],
    excludes: ['therapy.thai', 'lifestyle.breaks'],
  },
  {
    name: 'old mattress, no stiffness: sleep advice',
    answers: { ...OFFICE, wakesStiff: 'no', mattressWorn: 'yes' },
    physicianFirst: false,
    includes: ['cause.mattress'],
    excludes: [],
  },
  {
    name: 'little sitting, fine sleep: no breaks or sleep advice, no twist',
    answers: { ...OFFICE, sittingHours: 3, wakesStiff: 'no', mattressWorn: 'no' },
    physicianFirst: false,
    includes: ['stretch.knee-to-chest'],
    excludes: ['lifestyle.breaks', 'cause.mattress', 'stretch.supine-twist', 'selfmassage.glutes'],
  },
  {
    name: 'every answer skipped: a cautious general plan',
    answers: {},
    physicianFirst: false,
    includes: [
      'therapy.swedish',
      'therapy.frequency',
      'stretch.knee-to-chest',
      'stretch.overview',
      'safety.see-physician',
    ],
    excludes: ['selfmassage.spine-circles', 'therapy.hot-stone', 'therapy.thai', 'lifestyle.breaks'],
    leftOut: ['selfmassage.overview'],
  },
  {
    name: 'unknown duration, otherwise fine: fortnightly suggestion',
    answers: { ...OFFICE, durationDays: undefined, durationBand: undefined },
    physicianFirst: false,
    includes: ['therapy.frequency'],
    excludes: [],
  },
];

describe('buildPlan', () => {
  it.each(CASES)('$name', ({ answers, physicianFirst, includes, excludes, leftOut }) => {
    const plan = buildPlan(answers);
    expect(plan.seePhysicianFirst).toBe(physicianFirst);
    expect(ids(plan)).toEqual(expect.arrayContaining(includes));
    for (const id of excludes) expect(ids(plan)).not.toContain(id);
    if (leftOut) expect(leftOutIds(plan)).toEqual(expect.arrayContaining(leftOut));
    if (physicianFirst) expect(plan.items[0].section).toBe('physician');
    else expect(plan.items.some((item) => item.section === 'physician')).toBe(false);
  });

  it.each(CASES)('every item says why it was chosen: $name', ({ answers }) => {
    for (const item of buildPlan(answers).items) {
      expect(item.title.length).toBeGreaterThan(3);
      expect(item.advice.length).toBeGreaterThan(10);
      expect(item.why).toMatch(/^[A-Z].{10,}\.$/);
    }
  });

  it('always pairs a recommended massage with stretches and activity (NICE)', () => {
    for (const { answers } of CASES) {
      const plan = buildPlan(answers);
      if (plan.items.some((item) => item.section === 'massage'))
        expect(plan.items.some((item) => item.section === 'stretches')).toBe(true);
    }
  });

  it('gives the reasons for seeing a physician first in the user’s terms', () => {
    const plan = buildPlan({ ...OFFICE, severity: 8, trend: 'worse', durationBand: 'chronic', durationDays: 120 });
    expect(plan.items[0].why).toBe(
      "Because your pain is severe (8/10), it's getting worse and it has lasted more than 12 weeks.",
    );
  });

  it('makes weekly therapy for chronic pain conditional on a physician', () => {
    const chronic = buildPlan({ ...OFFICE, durationBand: 'chronic', durationDays: 200 });
    expect(chronic.items.find((item) => item.id === 'therapy.frequency')!.title).toMatch(/weekly.*physician/i);
    const recent = buildPlan(OFFICE);
    expect(recent.items.find((item) => item.id === 'therapy.frequency')!.title).toMatch(/two weeks/);
  });

  it('holds hands-on advice while a warning sign from the conversation is unchecked', () => {
    const plan = buildPlan(OFFICE, { warningSignUnchecked: true });
    expect(plan.seePhysicianFirst).toBe(true);
    expect(ids(plan)).not.toContain('stretch.knee-to-chest');
    expect(ids(plan)).not.toContain('therapy.swedish');
  });

  it('explains why hot stone is missing when cautions are unknown', () => {
    const plan = buildPlan({ ...OFFICE, stress: 'high', massageCautions: undefined });
    expect(plan.leftOut.find((item) => item.id === 'therapy.hot-stone')!.why).toMatch(/cautions/);
  });

  it('offers next steps that start from the plan', () => {
    expect(buildPlan(OFFICE).nextSteps).toEqual([
      'Walk me through the knee-to-chest stretch',
      'Tell me more about Swedish massage',
    ]);
    expect(buildPlan({ ...OFFICE, severity: 8 }).nextSteps).toContain('When should I see a doctor?');
    expect(buildPlan({ ...OFFICE, warningSigns: 'yes' }).nextSteps).toEqual(['When should I see a doctor?']);
  });

  it('reads as text with headings, every item and what was left out', () => {
    const text = formatPlanText(buildPlan({ ...OFFICE, severity: 8 }));
    expect(text).toMatch(/^\*\*Your plan\*\*/);
    expect(text).toMatch(/\*\*See a physician first\.\*\*/);
    expect(text).toMatch(/Not in your plan for now\*\*\n- Self-massage: it is only for mild to moderate pain\./);
  });
});

describe('every combination of answers', () => {
  /** Each answer's values, unanswered included; pain scores one per band (none, mild, moderate, severe). */
  const VALUES: { [K in keyof AssessmentAnswers]-?: AssessmentAnswers[K][] } = {
    warningSigns: [undefined, 'no', 'yes', 'unsure'],
    severity: [undefined, 0, 3, 5, 8],
    durationDays: [undefined],
    durationBand: [undefined, 'acute', 'subacute', 'chronic'],
    durationRough: [undefined],
    trend: [undefined, 'better', 'same', 'worse'],
    sittingHours: [undefined, 2, 8],
    wakesStiff: [undefined, 'yes', 'sometimes', 'no'],
    mattressWorn: [undefined, 'yes', 'no', 'unsure'],
    stress: [undefined, 'low', 'some', 'high'],
    activity: [undefined, 'none', 'sport', 'repetitive', 'both'],
    massageCautions: [undefined, 'no', 'yes', 'unsure'],
  };

  function* combinations(): Generator<AssessmentAnswers> {
    const keys = Object.keys(VALUES) as (keyof AssessmentAnswers)[];
    const walk = function* (index: number, answers: AssessmentAnswers): Generator<AssessmentAnswers> {
      if (index === keys.length) {
        yield answers;
        return;
      }
      for (const value of VALUES[keys[index]] as unknown[])
        yield* walk(index + 1, { ...answers, [keys[index]]: value });
    };
    yield* walk(0, {});
  }

  /** What a plan must never do, whatever the answers; the first problem found, or undefined. */
  function problem(answers: AssessmentAnswers, plan: Plan): string | undefined {
    const has = (id: string) => plan.items.some((item) => item.id === id);
    const severe = answers.severity !== undefined && answers.severity >= 7;
    const cautionCleared = answers.massageCautions === 'no';
    if (new Set(ids(plan)).size !== plan.items.length) return 'the same topic twice';
    if (has('therapy.thai') && (severe || (answers.durationBand !== 'subacute' && answers.durationBand !== 'chronic')))
      return 'Thai massage for severe or new pain (the therapy.thai topic: it may not suit either)';
    if ((has('therapy.thai') || has('therapy.hot-stone')) && !cautionCleared)
      return 'Thai or hot stone without the massage cautions cleared';
    if (plan.items.some((item) => /heat helps/i.test(item.why))) return 'claims heat evidence for a massage';
    const selfMassage = has('selfmassage.spine-circles') || has('selfmassage.glutes');
    if (
      selfMassage &&
      (answers.massageCautions === 'yes' || answers.severity === undefined || answers.severity === 0 || severe)
    )
      return 'self-massage against its own cautions or pain limits';
    if (has('stretch.supine-twist') && (answers.massageCautions === 'yes' || severe))
      return 'the lying twist with a caution or severe pain';
    const glutes = plan.items.find((item) => item.id === 'selfmassage.glutes');
    if (glutes && /sport/i.test(glutes.why) && answers.activity !== 'sport' && answers.activity !== 'both')
      return 'sport given as a reason to someone who did not say it';
    if (glutes && /repetitive/i.test(glutes.why) && answers.activity !== 'repetitive' && answers.activity !== 'both')
      return 'repetitive work given as a reason to someone who did not say it';
    const massage = plan.items.some((item) => item.section === 'massage' && item.id.startsWith('therapy.'));
    const sections = new Set(plan.items.map((item) => item.section));
    if (massage && !(sections.has('stretches') && sections.has('activity')))
      return 'massage without stretches and activity (NICE NG59)';
    if (
      answers.warningSigns === 'yes' &&
      (plan.items[0].section !== 'physician' || massage || selfMassage || sections.has('stretches'))
    )
      return 'anything hands-on, or anything before the doctor, after a warning sign';
    return undefined;
  }

  it('never picks what its own topics and routines rule out, or repeats a topic', () => {
    let count = 0;
    for (const answers of combinations()) {
      count++;
      const found = problem(answers, buildPlan(answers));
      if (found) throw new Error(`${found}: ${JSON.stringify(answers)}`);
    }
    expect(count).toBe(4 * 5 * 4 * 4 * 3 * 4 * 4 * 4 * 5 * 4);
  });
});
