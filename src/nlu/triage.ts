import type { LinearModel } from './linearModel';
import { RedFlagDetector, type RedFlagRules, type UrgencyLevel } from './redFlags';
import { tokenise } from './normalise';
import { textFeatures } from './textFeatures';
import { NOT_URGENT } from './triageModel';

/** A report gets urgent advice now; a possible one gets one yes/no question first; none carries on. */
export type TriageOutcome = 'report' | 'possible' | 'none';

export interface TriageResult {
  outcome: TriageOutcome;
  category: string | null;
  level: UrgencyLevel | null;
  /** The clarifying question, when the outcome is "possible". */
  check: string | null;
  /** Whether a rule fired (an explicit statement), rather than the model alone. */
  byRule: boolean;
}

const NONE: TriageResult = { outcome: 'none', category: null, level: null, check: null, byRule: false };

/**
 * The safety screen's decision for one message, from two readers: the rules
 * (knowledge/red-flags.yaml), for explicit statements that must never be
 * missed, and a learned model trained on thousands of urgent and look-alike
 * messages from many writers, which catches paraphrase and knows the
 * look-alikes. A rule reports when the model does not think it unlikely,
 * and asks first when it does; the model alone reports when it is sure and
 * asks when it is unsure. Crisis errs towards asking.
 */
export class Triage {
  private readonly detector: RedFlagDetector;
  private readonly categories: Map<string, { level: UrgencyLevel; check: string; askAt?: number }>;

  constructor(
    private readonly rules: RedFlagRules,
    private readonly model: LinearModel,
  ) {
    this.detector = new RedFlagDetector(rules);
    this.categories = new Map(rules.categories.map(({ id, level, check, askAt }) => [id, { level, check, askAt }]));
  }

  assess(text: string): TriageResult {
    const thresholds = this.rules.model;
    const probabilities = this.model.predict(textFeatures(text));
    const byClass = new Map(this.model.classes.map((name, i) => [name, probabilities[i]]));
    const urgency = 1 - (byClass.get(NOT_URGENT) ?? 1);

    const ruled = this.detector.triage(text);
    const rule = ruled.urgent ? ruled.category : null;
    if (rule && urgency >= thresholds.ruleReport) return this.result('report', rule, true);

    const likeliest = [...byClass]
      .filter(([name]) => name !== NOT_URGENT && this.categories.has(name))
      .reduce((best, entry) => (entry[1] > best[1] ? entry : best), ['', -1] as [string, number]);
    if (rule && urgency >= thresholds.ruleAsk) return this.result('possible', rule, true);
    // A few words ("11/10", "not sure", "since last month") are too little for the model to decide on alone.
    if (likeliest[0] === '' || tokenise(text).length < thresholds.minWords) return NONE;
    if (urgency >= thresholds.report) return this.result('report', likeliest[0]);
    if (urgency >= thresholds.ask) return this.result('possible', likeliest[0]);
    // A category that errs towards asking (crisis) asks at a lower probability of its own.
    for (const [id, { askAt }] of this.categories)
      if (askAt !== undefined && (byClass.get(id) ?? 0) >= askAt) return this.result('possible', id);
    return NONE;
  }

  private result(outcome: TriageOutcome, category: string, byRule = false): TriageResult {
    const known = this.categories.get(category)!;
    return { outcome, category, level: known.level, check: outcome === 'possible' ? known.check : null, byRule };
  }
}
