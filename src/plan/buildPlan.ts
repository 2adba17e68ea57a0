import type { PlanSection } from '../kb/conditionSchema';
import type { PlanItemRule, PlanRules, Saying } from '../kb/planSchema';
import type { CautionRules, Routine } from '../kb/schema';
import { compileCondition, compileNamed, type PlanFacts, type Predicate } from './planConditions';
import { severityBand, warningSignUnchecked, type AssessmentAnswers, type UserProfile } from './profile';

export type { PlanSection };

export interface PlanItem {
  section: PlanSection;
  /** The knowledge topic that explains it: item ids are topic ids, so "tell me more" has somewhere to go. */
  id: string;
  title: string;
  /** The one line of why in the plan's first message. */
  brief: string;
  advice: string;
  /** Why this item was chosen for this person, in their terms. */
  why: string;
  /** The routine that walks the person through it. */
  routine?: string;
}

export interface LeftOut {
  id: string;
  title: string;
  why: string;
}

export interface Plan {
  /** Severe, worsening, long-lasting pain or a warning sign: a physician comes before everything else. */
  seePhysicianFirst: boolean;
  items: PlanItem[];
  /** What a reader might expect and does not get, with the reason. */
  leftOut: LeftOut[];
  /** Things to say next, in the user's words. */
  nextSteps: string[];
}

/** What is known of the person besides the answers. */
export interface PersonFacts {
  /** A warning sign was reported and no clinician has checked it yet. */
  warningSignUnchecked?: boolean;
  /** The health cautions they said apply to them (knowledge/cautions.yaml ids). */
  cautions?: readonly string[];
}

/** Wording with its placeholders filled in from the answers and the reasons that apply. */
type Template = (answers: AssessmentAnswers, reasons: readonly string[]) => string;

interface CompiledSaying {
  when?: Predicate;
  say: Template;
}

interface CompiledItem {
  rule: PlanItemRule;
  when?: Predicate;
  notIf: { when: Predicate; leftOut?: string }[];
  reasons?: CompiledSaying[];
  advice: CompiledSaying[];
  brief: Template;
  why: Template;
  whyWithoutReasons?: Template;
  /** The cautions of its routine: the item is not for a person who has one. */
  routineCautions: string[];
}

/**
 * The personal plan, from the rules in knowledge/plan.yaml (compiled once): each item says why it was chosen, and
 * what is left out says why too. The rules themselves, and the sources they rest on, are described there.
 */
export class PlanBuilder {
  private readonly entries: CompiledItem[][];
  private readonly leftOut: { rule: PlanRules['leftOut'][number]; when: Predicate }[];
  private readonly nextSteps: { when: Predicate; say: string }[];
  private readonly aboutYou: Map<string, string>;

  constructor(
    private readonly rules: PlanRules,
    routines: readonly Routine[],
    cautions: CautionRules,
  ) {
    const named = compileNamed(rules.conditions);
    const compile = (condition: Parameters<typeof compileCondition>[0]) => compileCondition(condition, named);
    const sayings = (list: Saying[]): CompiledSaying[] =>
      list.map(({ when, say }) => ({
        when: when === undefined ? undefined : compile(when),
        say: compileTemplate(say),
      }));
    const reasonLists = new Map(Object.entries(rules.reasonLists).map(([name, list]) => [name, sayings(list)]));
    const routineCautions = new Map(routines.map((routine) => [routine.id, routine.cautions]));
    const item = (rule: PlanItemRule): CompiledItem => {
      if (typeof rule.reasons === 'string' && !reasonLists.has(rule.reasons))
        throw new Error(`unknown reason list "${rule.reasons}"`);
      if (rule.routine !== undefined && !routineCautions.has(rule.routine))
        throw new Error(`unknown routine "${rule.routine}"`);
      return {
        rule,
        when: rule.when === undefined ? undefined : compile(rule.when),
        notIf: rule.notIf.map(({ when, leftOut }) => ({ when: compile(when), leftOut })),
        reasons:
          typeof rule.reasons === 'string' ? reasonLists.get(rule.reasons) : rule.reasons && sayings(rule.reasons),
        advice: sayings(typeof rule.advice === 'string' ? [{ say: rule.advice }] : rule.advice),
        brief: compileTemplate(rule.brief),
        why: compileTemplate(rule.why),
        whyWithoutReasons: rule.whyWithoutReasons === undefined ? undefined : compileTemplate(rule.whyWithoutReasons),
        routineCautions: rule.routine === undefined ? [] : routineCautions.get(rule.routine)!,
      };
    };
    this.entries = rules.items.map((entry) => ('pickOne' in entry ? entry.pickOne.map(item) : [item(entry)]));
    this.leftOut = rules.leftOut.map((rule) => ({ rule, when: compile(rule.when) }));
    this.nextSteps = rules.nextSteps.map(({ when, say }) => ({ when: compile(when), say }));
    this.aboutYou = new Map(cautions.cautions.map((caution) => [caution.id, caution.aboutYou]));
  }

  build(answers: AssessmentAnswers, person: PersonFacts = {}): Plan {
    const shown = new Set<string>();
    const shownSections = new Set<PlanSection>();
    const facts: PlanFacts = {
      answers,
      warningSignUnchecked: person.warningSignUnchecked === true,
      cautions: new Set(person.cautions),
      shown,
      shownSections,
    };
    const items: PlanItem[] = [];
    const leftOut: LeftOut[] = this.leftOut
      .filter(({ when }) => when(facts))
      .map(({ rule }) => ({ id: rule.id, title: rule.title, why: rule.why }));
    const leaveOut = (rule: PlanItemRule, why: string) => {
      const { id, title } = rule.leftOutAs ?? rule;
      if (!leftOut.some((left) => left.id === id)) leftOut.push({ id, title, why });
    };

    for (const options of this.entries)
      for (const option of options) {
        const item = this.itemFor(option, facts, leaveOut);
        if (!item) continue;
        items.push(item);
        shown.add(item.id);
        shownSections.add(item.section);
        break;
      }

    return {
      seePhysicianFirst: shownSections.has('physician'),
      items,
      leftOut,
      nextSteps: this.nextSteps.filter(({ when }) => when(facts)).map(({ say }) => say),
    };
  }

  /** The plan for a person's stored answers (or the ones given), with their warning sign and cautions. */
  forProfile(profile: UserProfile, answers: AssessmentAnswers = profile.answers ?? {}): Plan {
    return this.build(answers, { warningSignUnchecked: warningSignUnchecked(profile), cautions: profile.cautions });
  }

  private itemFor(
    option: CompiledItem,
    facts: PlanFacts,
    leaveOut: (rule: PlanItemRule, why: string) => void,
  ): PlanItem | undefined {
    const { rule } = option;
    if (option.when && !option.when(facts)) return undefined;
    const excluded = option.notIf.find(({ when }) => when(facts));
    if (excluded) {
      if (excluded.leftOut) leaveOut(rule, excluded.leftOut);
      return undefined;
    }
    const against = option.routineCautions.filter((id) => facts.cautions.has(id));
    if (against.length > 0) {
      const aboutYou = joinWords(against.map((id) => this.aboutYou.get(id) ?? id));
      leaveOut(rule, this.rules.routineCaution.replace('{aboutYou}', aboutYou));
      return undefined;
    }
    const { answers } = facts;
    const reasons = (option.reasons ?? [])
      .filter(({ when }) => !when || when(facts))
      .map(({ say }) => say(answers, []));
    if (option.reasons && reasons.length === 0 && option.whyWithoutReasons === undefined) return undefined;
    const advice = option.advice.filter(({ when }) => !when || when(facts)).map(({ say }) => say(answers, reasons));
    const why = reasons.length === 0 && option.whyWithoutReasons ? option.whyWithoutReasons : option.why;
    return {
      section: rule.section,
      id: rule.id,
      title: rule.title,
      brief: option.brief(answers, reasons),
      advice: advice.join(' '),
      why: why(answers, reasons),
      ...(rule.routine !== undefined && { routine: rule.routine }),
    };
  }
}

/** The placeholders plan wording may use. */
export const PLAN_PLACEHOLDERS = ['severity', 'band', 'sittingHours', 'reasons', 'Reasons'];

/** Split once at its placeholders (every one is checked when the knowledge base loads). */
function compileTemplate(text: string): Template {
  if (!text.includes('{')) return () => text;
  const parts = text.split(/\{(\w+)\}/);
  const value = (name: string, answers: AssessmentAnswers, reasons: readonly string[]): string => {
    if (name === 'severity') return String(answers.severity);
    if (name === 'band') return severityBand(answers.severity!);
    if (name === 'sittingHours') return String(answers.sittingHours);
    return name === 'Reasons' ? capitalise(joinWords(reasons)) : joinWords(reasons);
  };
  return (answers, reasons) => {
    let filled = parts[0];
    for (let i = 1; i < parts.length; i += 2) filled += value(parts[i], answers, reasons) + parts[i + 1];
    return filled;
  };
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
