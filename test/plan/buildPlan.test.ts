import { loadKnowledge } from '../../src/kb/loadKnowledge';
import { PlanBuilder, type PersonFacts, type Plan } from '../../src/plan/buildPlan';
import { compileCondition, compileNamed, type PlanFacts } from '../../src/plan/planConditions';
import type { AssessmentAnswers } from '../../src/plan/profile';
import { formatPlanText, planEntries, planEntryText } from '../../src/plan/planText';
import { KNOWLEDGE_DIR } from '../helpers';

const knowledge = loadKnowledge(KNOWLEDGE_DIR);
const plans = new PlanBuilder(knowledge.plan, knowledge.routines, knowledge.cautions);
const buildPlan = (answers: AssessmentAnswers, person?: PersonFacts) => plans.build(answers, person);

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
      "Because your pain is severe (8/10), it's getting worse and it has lasted over 12 weeks.",
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

  it('reads as text in numbered lines, one line of why each, and opens a line on its number', () => {
    const plan = buildPlan({ ...OFFICE, severity: 8 });
    const text = formatPlanText(plan);
    expect(text).toMatch(
      /^\*\*Your plan for this week\*\*\n1\. \*\*See a physician first\.\*\* Your pain is severe \(8\/10\)\.\n/,
    );
    expect(text).toMatch(/\n\d\. \*\*Everyday habits\.\*\* Breaks from sitting; Sleep and mattress\.\n/);
    expect(text).toMatch(
      /\n\d\. \*\*Not in your plan for now:\*\* Self-massage\.\n\nSay a number for what to do and why\.$/,
    );
    const entries = planEntries(plan);
    // How often goes with the massage it is for.
    const massage = entries.find((entry) => 'items' in entry && entry.title === 'Swedish massage')!;
    expect(planEntryText(massage)).toMatch(
      /Gentle pressure only.*\n\nWhy: .*\n\n\*\*Massage: about every two weeks\*\*/s,
    );
    expect(planEntryText(entries.at(-1)!)).toBe(
      '**Not in your plan for now**\n- Self-massage: it is only for mild to moderate pain.',
    );
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

  function* combinations(values: Partial<typeof VALUES>): Generator<AssessmentAnswers> {
    const keys = Object.keys(values) as (keyof AssessmentAnswers)[];
    const walk = function* (index: number, answers: AssessmentAnswers): Generator<AssessmentAnswers> {
      if (index === keys.length) {
        yield answers;
        return;
      }
      for (const value of values[keys[index]] as unknown[])
        yield* walk(index + 1, { ...answers, [keys[index]]: value });
    };
    yield* walk(0, {});
  }

  // What each item's own topic and routines say it is not for: read from the knowledge base, not from the rules.
  const named = compileNamed(knowledge.plan.conditions);
  const notFor = new Map<string, { what: string; rules: (facts: PlanFacts) => boolean }[]>();
  const exclude = (id: string, what: string, rules: (facts: PlanFacts) => boolean) =>
    notFor.set(id, [...(notFor.get(id) ?? []), { what, rules }]);
  const held = named.get('warningSign')!;
  for (const topic of knowledge.topics) {
    if (topic.notFor) exclude(topic.id, `the ${topic.id} topic's notFor`, compileCondition(topic.notFor, named));
    if (topic.selfCare) exclude(topic.id, `self-care (${topic.id}) while a warning sign is unchecked`, held);
  }
  // A routine's limits are its item's: the item that names it (it walks the person through it).
  const routineLimits = new Map<string, { what: string; rules: (facts: PlanFacts) => boolean }[]>();
  for (const routine of knowledge.routines) {
    const { maxSeverity, cautions } = routine;
    const limits = [
      {
        what: `the ${routine.id} routine's maxSeverity`,
        rules: ({ answers }: PlanFacts) => maxSeverity !== undefined && (answers.severity ?? 0) > maxSeverity,
      },
      {
        what: `the ${routine.id} routine's cautions`,
        rules: (facts: PlanFacts) => cautions.some((id) => facts.cautions.has(id)),
      },
    ];
    if (routine.notFor)
      limits.push({ what: `the ${routine.id} routine's notFor`, rules: compileCondition(routine.notFor, named) });
    routineLimits.set(routine.id, limits);
  }

  /** Words of a message (Markdown's ** aside), counted once per distinct message: the walk meets each many times. */
  const counted = new Map<string, number>();
  function wordCount(text: string): number {
    let count = counted.get(text);
    if (count === undefined) counted.set(text, (count = (text.match(/\S*\w\S*/g) ?? []).length));
    return count;
  }

  /** What a plan must never do, whatever the answers; the first problem found, or undefined. */
  function problem(answers: AssessmentAnswers, person: PersonFacts, plan: Plan): string | undefined {
    const facts: PlanFacts = {
      answers,
      warningSignUnchecked: person.warningSignUnchecked === true,
      cautions: new Set(person.cautions),
      shown: new Set(),
      shownSections: new Set(),
    };
    const ids = plan.items.map((item) => item.id);
    if (new Set(ids).size !== ids.length) return 'the same topic twice';
    for (const { id, routine } of plan.items) {
      const limits = [...(notFor.get(id) ?? []), ...(routine ? routineLimits.get(routine)! : [])];
      const ruledOut = limits.find(({ rules }) => rules(facts));
      if (ruledOut) return `${id} against ${ruledOut.what}`;
    }
    // One phone screen (about 120 words) for the first message.
    const words = wordCount(formatPlanText(plan));
    if (words > 120) return `a first message of ${words} words`;
    // The clinical rules of the whole plan (sources/clinical-facts.md).
    if (plan.items.some((item) => /heat helps/i.test(item.why))) return 'claims heat evidence for a massage';
    const glutes = plan.items.find((item) => item.id === 'selfmassage.glutes');
    if (glutes && /sport/i.test(glutes.why) && answers.activity !== 'sport' && answers.activity !== 'both')
      return 'sport given as a reason to someone who did not say it';
    if (glutes && /repetitive/i.test(glutes.why) && answers.activity !== 'repetitive' && answers.activity !== 'both')
      return 'repetitive work given as a reason to someone who did not say it';
    const massage = plan.items.some((item) => item.section === 'massage' && item.id.startsWith('therapy.'));
    const sections = new Set(plan.items.map((item) => item.section));
    if (massage && !(sections.has('stretches') && sections.has('activity')))
      return 'massage without stretches and activity (NICE NG59)';
    if (held(facts) && (plan.items[0].section !== 'physician' || massage))
      return 'massage, or anything before the doctor, after a warning sign';
    return undefined;
  }

  function walk(answerSets: Iterable<AssessmentAnswers>, person: PersonFacts = {}): number {
    let count = 0;
    for (const answers of answerSets) {
      count++;
      const found = problem(answers, person, buildPlan(answers, person));
      if (found) throw new Error(`${found}: ${JSON.stringify({ ...answers, ...person })}`);
    }
    return count;
  }

  it('names the routine of every stretch and self-massage it gives, so that the routine limits apply', () => {
    const items = knowledge.plan.items.flatMap((entry) => ('pickOne' in entry ? entry.pickOne : [entry]));
    const coached = knowledge.routines.filter(({ kind }) => kind === 'stretch' || kind === 'selfMassage');
    for (const item of items) {
      const routines = coached.filter(({ topic }) => topic === item.id).map(({ id }) => id);
      if (routines.length > 0) expect([item.id, routines]).toEqual([item.id, expect.arrayContaining([item.routine])]);
    }
  });

  it('never picks what its own topics and routines rule out, nor repeats a topic', () => {
    expect(walk(combinations(VALUES))).toBe(4 * 5 * 4 * 4 * 3 * 4 * 4 * 4 * 5 * 4);
  });

  it('nor for a person with a warning sign unchecked or health cautions they told me about', () => {
    const people: PersonFacts[] = [{ warningSignUnchecked: true }];
    const cautionSets = [...knowledge.cautions.cautions.map(({ id }) => [id]), ['pregnancy', 'blood-thinners']];
    for (const cautions of cautionSets) people.push({ cautions }, { cautions, warningSignUnchecked: true });
    // Cautions said in passing make the massage cautions answer a yes (StatedCautions.keep); at the question too.
    const { severity, durationBand, sittingHours, wakesStiff, stress, activity, warningSigns } = VALUES;
    let count = 0;
    for (const person of people)
      count += walk(
        combinations({
          severity,
          durationBand,
          sittingHours,
          wakesStiff,
          stress,
          activity,
          warningSigns,
          massageCautions: person.cautions ? ['yes'] : VALUES.massageCautions,
        }),
        person,
      );
    expect(count).toBeGreaterThan(100_000);
  });

  it('leaves out, saying why, a routine whose cautions the person has', () => {
    const plan = buildPlan({ ...OFFICE, massageCautions: 'yes' }, { cautions: ['pregnancy'] });
    expect(ids(plan)).not.toContain('stretch.knee-to-chest');
    expect(plan.leftOut).toContainEqual({
      id: 'stretch.knee-to-chest',
      title: 'Knee-to-chest stretch',
      why: "as you're pregnant, ask your doctor or physiotherapist which stretches suit you",
    });
    expect(ids(plan)).toContain('stretch.overview');
    expect(plan.nextSteps).not.toContain('Walk me through the knee-to-chest stretch');
  });
});
