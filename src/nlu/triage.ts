import { recognizeCommand } from './commands';
import type { LinearModel } from './linearModel';
import { recognizePause } from './pauseRequest';
import { RedFlagDetector, type RedFlagRules, type UrgencyLevel } from './redFlags';
import type { SpellingFixer } from './spelling';
import { Utterance } from './utterance';
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

/** A category's own thresholds for asking (signs that err towards asking): whole message, short one, one sentence. */
type OwnAskThreshold = 'askAt' | 'shortAskAt' | 'sentenceAskAt';

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
  private readonly categories: Map<string, RedFlagRules['categories'][number]>;
  /** Where each class's probability is in the model's predictions. */
  private readonly classIndex: Map<string, number>;

  constructor(
    private readonly rules: RedFlagRules,
    private readonly model: LinearModel,
    private readonly spelling?: SpellingFixer,
  ) {
    this.detector = new RedFlagDetector(rules);
    this.categories = new Map(rules.categories.map((category) => [category.id, category]));
    this.classIndex = new Map(model.classes.map((name, i) => [name, i]));
  }

  assess(message: string | Utterance): TriageResult {
    const utterance = typeof message === 'string' ? new Utterance(message, this.spelling) : message;
    const whole = this.decide(utterance);
    if (whole.outcome === 'report') return whole;
    // A part of a long message that alone is plainly urgent is asked about: read whole, it did not say so.
    const part = this.mostUrgentPart(utterance) ?? this.askingSentence(utterance);
    return part ? this.result('possible', part) : whole;
  }

  /**
   * A category that errs towards asking, plainly said in one sentence of a message that says much else: "I keep
   * standing at the window thinking to jump" between two questions about stretches.
   */
  private askingSentence(utterance: Utterance): string | undefined {
    const sentences = utterance.partCount;
    if (!this.rules.categories.some(({ sentenceAskAt }) => sentenceAskAt !== undefined) || sentences < 2)
      return undefined;
    for (let j = 0; j < sentences; j++) {
      if (utterance.partWords(j) < this.rules.model.minWords) continue;
      const asked = this.ownAsk(this.model.predict(utterance.partFeatures(j, j + 1)), 'sentenceAskAt');
      if (asked) return asked;
    }
    return undefined;
  }

  /** The first category (in the rules' order) whose own threshold of this kind its probability reaches. */
  private ownAsk(probabilities: number[], threshold: OwnAskThreshold): string | undefined {
    return this.rules.categories.find(({ id, [threshold]: at }) => {
      const index = this.classIndex.get(id);
      return at !== undefined && index !== undefined && probabilities[index] >= at;
    })?.id;
  }

  private decide(utterance: Utterance): TriageResult {
    const ruled = this.detector.triage(utterance.sentences);
    const rule = ruled.urgent ? ruled.category : null;
    // The assistant's own commands ("skip", "I'd rather not say", "stop", "hang on, someone's at the door") are
    // commands: only a rule can report in one, and the model is not asked. Read by the model, "rather not say"
    // sounded veiled and "hang on" like hanging.
    if (recognizeCommand(utterance) !== null || recognizePause(utterance) !== null)
      return rule ? this.result('report', rule, true) : NONE;

    const thresholds = this.rules.model;
    const probabilities = this.model.predict(utterance.features);
    const urgency = 1 - (probabilities[this.classIndex.get(NOT_URGENT) ?? -1] ?? 1);
    if (rule && urgency >= thresholds.ruleReport) return this.result('report', rule, true);

    const likeliest = this.likeliestCategory(probabilities);
    if (rule && urgency >= thresholds.ruleAsk) return this.result('possible', rule, true);
    if (likeliest === undefined) return NONE;
    // A few words ("11/10", "not sure", "since last month") are too little for the model to decide on alone, but a
    // sign that errs towards asking still asks when the few words are plainly its own ("want to disappear").
    if (utterance.wordCount < thresholds.minWords) {
      const asked = this.ownAsk(probabilities, 'shortAskAt');
      return asked ? this.result('possible', asked) : NONE;
    }
    if (urgency >= thresholds.report) return this.result('report', likeliest);
    if (urgency >= thresholds.ask) return this.result('possible', likeliest);
    // A category that errs towards asking (crisis) asks at a lower probability of its own.
    const asked = this.ownAsk(probabilities, 'askAt');
    return asked ? this.result('possible', asked) : NONE;
  }

  private likeliestCategory(probabilities: number[]): string | undefined {
    let best: string | undefined;
    let bestProbability = -1;
    this.model.classes.forEach((name, i) => {
      if (name !== NOT_URGENT && this.categories.has(name) && probabilities[i] > bestProbability) {
        best = name;
        bestProbability = probabilities[i];
      }
    });
    return best;
  }

  /**
   * The likeliest category of the most urgent part of a long message (partSentences sentences at a time), if
   * that part alone reaches "report": a warning sign told in the middle of a long story is diluted by the rest.
   */
  private mostUrgentPart(utterance: Utterance): string | undefined {
    const { partSentences, report } = this.rules.model;
    const sentences = utterance.partCount;
    if (sentences <= partSentences) return undefined;
    const none = this.classIndex.get(NOT_URGENT) ?? -1;
    let most: number[] | undefined;
    for (let i = 0; i + partSentences <= sentences; i++) {
      const part = this.model.predict(utterance.partFeatures(i, i + partSentences));
      if (1 - part[none] >= report && (most === undefined || part[none] < most[none])) most = part;
    }
    return most && this.likeliestCategory(most);
  }

  private result(outcome: TriageOutcome, category: string, byRule = false): TriageResult {
    const known = this.categories.get(category)!;
    return { outcome, category, level: known.level, check: outcome === 'possible' ? known.check : null, byRule };
  }
}
