import type { ChoiceField, Condition, PlanSection } from '../kb/conditionSchema';
import { severityBand, type AssessmentAnswers } from './profile';

/** What a condition is tested against: the answers, what else is known of the person, and the plan so far. */
export interface PlanFacts {
  answers: AssessmentAnswers;
  /** A warning sign was reported and no clinician has checked it yet. */
  warningSignUnchecked: boolean;
  /** The health cautions the person said apply to them (knowledge/cautions.yaml ids). */
  cautions: ReadonlySet<string>;
  /** Item ids and sections already in the plan. */
  shown: ReadonlySet<string>;
  shownSections: ReadonlySet<PlanSection>;
}

export type Predicate = (facts: PlanFacts) => boolean;

/** What a choice answer is for a condition: its value, the band of a pain score, or "unknown" when not given. */
function choiceValue(answers: AssessmentAnswers, field: ChoiceField): string {
  if (field === 'severity') return answers.severity === undefined ? 'unknown' : severityBand(answers.severity);
  return answers[field] ?? 'unknown';
}

/**
 * A condition made into a function once, so that a plan is built without reading the rules again. Names are
 * looked up in `named` (conditions defined earlier); an unknown name is an error.
 */
export function compileCondition(condition: Condition, named: ReadonlyMap<string, Predicate>): Predicate {
  if (typeof condition === 'string') {
    const predicate = named.get(condition);
    if (!predicate) throw new Error(`unknown condition "${condition}"`);
    return predicate;
  }
  const compile = (inner: Condition) => compileCondition(inner, named);
  if ('all' in condition) {
    const parts = condition.all.map(compile);
    return (facts) => parts.every((part) => part(facts));
  }
  if ('any' in condition) {
    const parts = condition.any.map(compile);
    return (facts) => parts.some((part) => part(facts));
  }
  if ('not' in condition) {
    const inner = compile(condition.not);
    return (facts) => !inner(facts);
  }
  if ('shown' in condition) return (facts) => facts.shown.has(condition.shown);
  if ('shownSection' in condition) return (facts) => facts.shownSections.has(condition.shownSection);
  if ('cautions' in condition) return (facts) => condition.cautions.some((id) => facts.cautions.has(id));
  if ('warningSignUnchecked' in condition)
    return (facts) => facts.warningSignUnchecked === condition.warningSignUnchecked;
  if ('sittingHours' in condition) {
    const { atLeast } = condition.sittingHours;
    return (facts) => facts.answers.sittingHours !== undefined && facts.answers.sittingHours >= atLeast;
  }
  const [field, values] = Object.entries(condition)[0] as [ChoiceField, string[]];
  const accepted = new Set(values);
  return (facts) => accepted.has(choiceValue(facts.answers, field));
}

/** The named conditions, each compiled with the names defined above it. */
export function compileNamed(conditions: Record<string, Condition>): Map<string, Predicate> {
  const named = new Map<string, Predicate>();
  for (const [name, condition] of Object.entries(conditions)) named.set(name, compileCondition(condition, named));
  return named;
}

/** The ids a condition names (topics shown, cautions), for checking that they exist. */
export function namedIds(condition: Condition): { shown: string[]; cautions: string[] } {
  const found = { shown: [] as string[], cautions: [] as string[] };
  const visit = (inner: Condition): void => {
    if (typeof inner === 'string') return;
    if ('all' in inner) inner.all.forEach(visit);
    else if ('any' in inner) inner.any.forEach(visit);
    else if ('not' in inner) visit(inner.not);
    else if ('shown' in inner) found.shown.push(inner.shown);
    else if ('cautions' in inner) found.cautions.push(...inner.cautions);
  };
  visit(condition);
  return found;
}
