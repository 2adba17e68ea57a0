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
    name: 'sport, moderate: Thai for flexibility, sport advice, glutes',
    answers: { ...OFFICE, activity: 'sport', sittingHours: 2, wakesStiff: 'no' },
    physicianFirst: false,
    includes: ['therapy.thai', 'cause.sports', 'selfmassage.glutes', 'stretch.supine-twist'],
    excludes: ['lifestyle.breaks', 'cause.mattress'],
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
    includes: ['cause.sports', 'selfmassage.glutes'],
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
