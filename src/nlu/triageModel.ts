import type { RedFlagExample, TopicExample, TrainingSet } from '../kb/trainingSets';
import { LinearModel, type Example } from './linearModel';
import type { SpellingFixer } from './spelling';
import { Utterance } from './utterance';

/** The class of messages that report no warning sign. */
export const NOT_URGENT = 'none';

export interface TriageTrainingData {
  redFlags: TrainingSet<RedFlagExample>[];
  /** Ordinary questions about back care: every one of them is "not urgent". */
  topics: TrainingSet<TopicExample>[];
}

export function triageClasses(categories: string[]): string[] {
  return [NOT_URGENT, ...categories];
}

/** The examples of some sets, with their features: urgent ones labelled with their category, the rest "none". */
export function triageExamples({ redFlags, topics }: TriageTrainingData, spelling?: SpellingFixer): Example[] {
  const features = (text: string) => new Utterance(text, spelling).features;
  return [
    ...redFlags.flatMap((set) =>
      set.examples.map((example) => ({ features: features(example.text), label: example.flag ?? NOT_URGENT })),
    ),
    ...topics.flatMap((set) =>
      set.examples.map((example) => ({ features: features(example.text), label: NOT_URGENT })),
    ),
  ];
}

/** The safety model: which category (or none) a message reports, as probabilities. */
export function trainTriageModel(
  data: TriageTrainingData,
  categories: string[],
  spelling?: SpellingFixer,
): LinearModel {
  return LinearModel.train(triageExamples(data, spelling), triageClasses(categories));
}
