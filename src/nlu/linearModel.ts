import type { Features } from './textFeatures';

/** A trained model as data: its classes, and for each feature one weight per class (row after row). */
export interface LinearModelData {
  classes: string[];
  features: string[];
  /** features.length x classes.length weights, row after row, as 32-bit floats (in the machine's byte order, little-endian on x64 and arm64) in base64: a
   * saved model loads in a few milliseconds, where as JSON numbers it took about a hundred. */
  weights: string;
}

export interface Example {
  features: Features;
  label: string;
}

export interface TrainingOptions {
  epochs?: number;
  learningRate?: number;
  /** L2 penalty per update: keeps weights small, so one rare word cannot decide alone. */
  l2?: number;
  /** Features seen in fewer examples than this are left out: they cannot generalise. */
  minCount?: number;
  /** Seeds the order examples are shown in, so the same data always gives the same model. */
  seed?: number;
}

const DEFAULTS: Required<TrainingOptions> = { epochs: 12, learningRate: 0.5, l2: 1e-5, minCount: 2, seed: 42 };
/** Weights this small are dropped from the saved model; they change no decision. */
const NEGLIGIBLE = 1e-3;

/**
 * Multinomial logistic regression over sparse features (softmax, trained by
 * AdaGrad with an L2 penalty): the class probabilities for a text are what it
 * predicts. Deterministic for the same examples and options.
 */
export class LinearModel {
  /**
   * Each feature's weights are a row of `classes.length` in one block, starting where this says: a saved model loads
   * as the block and this map, not as a typed array per feature (tens of thousands of them).
   */
  private constructor(
    readonly classes: string[],
    private readonly rowStart: ReadonlyMap<string, number>,
    private readonly weights: Float32Array | Float64Array,
  ) {}

  static train(examples: Example[], classes: string[], options: TrainingOptions = {}): LinearModel {
    const { epochs, learningRate, l2, minCount, seed } = { ...DEFAULTS, ...options };
    const counts = new Map<string, number>();
    for (const { features } of examples)
      for (const name of features.keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
    const width = classes.length;
    const names = [...counts].filter(([, count]) => count >= minCount).map(([name]) => name);
    const model = new LinearModel(
      classes,
      new Map(names.map((name, i) => [name, i * width])),
      new Float64Array(names.length * width),
    );
    const { rowStart, weights } = model;
    const squares = new Float64Array(names.length * width).fill(1e-8);
    const kept = examples.map(({ features, label }) => ({
      features: [...features].filter(([name]) => (counts.get(name) ?? 0) >= minCount),
      target: classes.indexOf(label),
    }));
    if (kept.some(({ target }) => target < 0)) throw new Error('an example has a label that is not one of the classes');

    const order = kept.map((_, i) => i);
    const random = seededRandom(seed);
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      for (const index of order) {
        const { features, target } = kept[index];
        const probabilities = model.probabilitiesOf(features);
        for (const [name, value] of features) {
          const start = rowStart.get(name)!;
          for (let c = 0; c < width; c++) {
            const at = start + c;
            const gradient = (probabilities[c] - (c === target ? 1 : 0)) * value + l2 * weights[at];
            squares[at] += gradient * gradient;
            weights[at] -= (learningRate * gradient) / Math.sqrt(squares[at]);
          }
        }
      }
    }
    return model;
  }

  static fromData(data: LinearModelData): LinearModel {
    const width = data.classes.length;
    // Copied into a buffer of its own: a small decoded Buffer may sit at an offset a Float32Array cannot start at.
    const weights = new Float32Array(new Uint8Array(Buffer.from(data.weights, 'base64')).buffer);
    return new LinearModel(data.classes, new Map(data.features.map((name, i) => [name, i * width])), weights);
  }

  toData(): LinearModelData {
    const features: string[] = [];
    const weights: number[] = [];
    const width = this.classes.length;
    for (const [name, start] of this.rowStart) {
      const row = this.weights.subarray(start, start + width);
      if (row.every((weight) => Math.abs(weight) < NEGLIGIBLE)) continue;
      features.push(name);
      weights.push(...row);
    }
    const bytes = Buffer.from(Float32Array.from(weights).buffer);
    return { classes: this.classes, features, weights: bytes.toString('base64') };
  }

  /** The probability of each class (in the order of `classes`). */
  predict(features: Features): number[] {
    return this.probabilitiesOf(features);
  }

  private probabilitiesOf(features: Iterable<[string, number]>): number[] {
    const width = this.classes.length;
    const scores = new Array<number>(width).fill(0);
    const weights = this.weights;
    for (const [name, value] of features) {
      const start = this.rowStart.get(name);
      if (start !== undefined) for (let c = 0; c < width; c++) scores[c] += weights[start + c] * value;
    }
    let top = -Infinity;
    for (let c = 0; c < width; c++) if (scores[c] > top) top = scores[c];
    let sum = 0;
    for (let c = 0; c < width; c++) sum += scores[c] = Math.exp(scores[c] - top);
    for (let c = 0; c < width; c++) scores[c] /= sum;
    return scores;
  }
}

/** A small linear congruential generator: the same seed gives the same sequence on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
}
