import type { Condition } from './conditionSchema';
import type { PlanRules, Saying } from './planSchema';
import type { CautionRules, Routine } from './schema';
import { PLAN_PLACEHOLDERS, PlanBuilder } from '../plan/buildPlan';
import { compileCondition, compileNamed, namedIds } from '../plan/planConditions';

/** What the plan's rules and the topics' and routines' `notFor` may name. */
export interface PlanReferences {
  topicIds: ReadonlySet<string>;
  routines: readonly Routine[];
  cautions: CautionRules;
  /** Each topic's and routine's `notFor`, with where it is (for the message). */
  notFor: { where: string; condition: Condition }[];
}

/**
 * The problems of knowledge/plan.yaml beyond its schema: every id a rule names is a topic, routine or caution,
 * every condition name is defined above its use, and every placeholder is one the plan fills in. Topics' and
 * routines' `notFor` may use the plan's condition names, and are checked with them.
 */
export function checkPlanRules(rules: PlanRules, references: PlanReferences, report: (message: string) => void): void {
  const cautionIds = new Set(references.cautions.cautions.map((caution) => caution.id));
  const checkCondition = (condition: Condition, field: string) => {
    const { shown, cautions } = namedIds(condition);
    for (const id of shown) if (!references.topicIds.has(id)) report(`${field}: unknown topic id "${id}"`);
    for (const id of cautions) if (!cautionIds.has(id)) report(`${field}: unknown caution "${id}"`);
  };
  const checkText = (text: string, field: string, allowed = PLAN_PLACEHOLDERS) => {
    for (const [, name] of text.matchAll(/\{(\w+)\}/g))
      if (!allowed.includes(name)) report(`${field}: unknown placeholder {${name}}`);
  };

  let named;
  try {
    named = compileNamed(rules.conditions);
    new PlanBuilder(rules, references.routines, references.cautions);
  } catch (error) {
    report(error instanceof Error ? error.message : String(error));
    return;
  }
  for (const [name, condition] of Object.entries(rules.conditions)) checkCondition(condition, `conditions.${name}`);
  const checkSayings = (list: Saying[], field: string) =>
    list.forEach(({ when, say }, j) => {
      if (when) checkCondition(when, `${field}.${j}.when`);
      checkText(say, `${field}.${j}.say`);
    });
  for (const [name, list] of Object.entries(rules.reasonLists)) checkSayings(list, `reasonLists.${name}`);
  for (const { where, condition } of references.notFor) {
    try {
      compileCondition(condition, named);
    } catch (error) {
      report(`${where}: ${error instanceof Error ? error.message : String(error)}`);
    }
    checkCondition(condition, where);
  }
  checkText(rules.routineCaution, 'routineCaution', ['aboutYou']);
  rules.leftOut.forEach((left, i) => {
    if (!references.topicIds.has(left.id)) report(`leftOut.${i}.id: unknown topic id "${left.id}"`);
    checkCondition(left.when, `leftOut.${i}.when`);
  });
  rules.items.forEach((entry, i) => {
    const options =
      'pickOne' in entry
        ? entry.pickOne.map((item, j) => [item, `items.${i}.pickOne.${j}`] as const)
        : [[entry, `items.${i}`] as const];
    for (const [item, field] of options) {
      for (const id of [item.id, item.leftOutAs?.id])
        if (id !== undefined && !references.topicIds.has(id)) report(`${field}: unknown topic id "${id}"`);
      if (item.when) checkCondition(item.when, `${field}.when`);
      item.notIf.forEach(({ when, leftOut }, j) => {
        checkCondition(when, `${field}.notIf.${j}`);
        if (leftOut) checkText(leftOut, `${field}.notIf.${j}.leftOut`);
      });
      for (const name of ['brief', 'why', 'whyWithoutReasons'] as const) {
        const text = item[name];
        if (text !== undefined) checkText(text, `${field}.${name}`);
      }
      if (typeof item.advice === 'string') checkText(item.advice, `${field}.advice`);
      else checkSayings(item.advice, `${field}.advice`);
      if (Array.isArray(item.reasons)) checkSayings(item.reasons, `${field}.reasons`);
    }
  });
  rules.nextSteps.forEach((step, i) => checkCondition(step.when, `nextSteps.${i}.when`));
}
