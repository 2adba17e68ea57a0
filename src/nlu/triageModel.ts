import type { RedFlagExample, TopicExample, TrainingSet } from '../kb/trainingSets';
import { LinearModel, type Example } from './linearModel';
import { textFeatures } from './textFeatures';

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
export function triageExamples({ redFlags, topics }: TriageTrainingData): Example[] {
  return [
    ...redFlags.flatMap((set) =>
      set.examples.map((example) => ({ features: textFeatures(example.text), label: example.flag ?? NOT_URGENT })),
    ),
    ...topics.flatMap((set) =>
      set.examples.map((example) => ({ features: textFeatures(example.text), label: NOT_URGENT })),
    ),
  ];
}

/** The safety model: which category (or none) a message reports, as probabilities. */
export function trainTriageModel(data: TriageTrainingData, categories: string[]): LinearModel {
  return LinearModel.train(triageExamples(data), triageClasses(categories));
}
