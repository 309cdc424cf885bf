/**
 * Multinomial logistic regression (softmax) trained by full-batch gradient descent with Adam and L2 regularisation.
 * Small and dependency-free: the decision classifier has a few thousand examples and a few thousand features, so a
 * few hundred epochs take seconds. Deterministic: weights start at zero and the data order never changes.
 */

/** A fitted softmax model: `classes × features` weights, row-major, and one bias per class. */
export interface SoftmaxModel {
  classes: number;
  features: number;
  weights: Float32Array;
  bias: Float32Array;
}

/** Training settings. */
export interface SoftmaxTraining {
  /** L2 penalty on the weights (not the bias). */
  l2: number;
  epochs: number;
  learningRate: number;
  /** Per-example weights (e.g. to balance classes); 1 each when absent. */
  sampleWeights?: readonly number[];
}

/** Default settings, chosen by cross-validation on the training set (see `protocol-bot train`). */
export const defaultSoftmaxTraining: SoftmaxTraining = { l2: 1e-3, epochs: 300, learningRate: 0.05 };

/** Fits weights to `rows` (each `features` long) labelled with class indices `labels`. */
export function trainSoftmax(
  rows: readonly Float32Array[],
  labels: readonly number[],
  classes: number,
  settings: SoftmaxTraining = defaultSoftmaxTraining,
): SoftmaxModel {
  const features = rows[0]?.length ?? 0;
  const model: SoftmaxModel = {
    classes,
    features,
    weights: new Float32Array(classes * features),
    bias: new Float32Array(classes),
  };
  const total = rows.reduce((sum, _row, index) => sum + (settings.sampleWeights?.[index] ?? 1), 0) || 1;
  const gradient = new Float64Array(classes * features);
  const biasGradient = new Float64Array(classes);
  const adam = new AdamState(classes * features + classes);
  const probabilities = new Float64Array(classes);
  // Rows are mostly zeros (hashed word features): keep each row's non-zero positions once.
  const sparse = rows.map(nonZeros);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    gradient.fill(0);
    biasGradient.fill(0);
    sparse.forEach(({ positions, values }, index) => {
      for (let k = 0; k < classes; k++) {
        let sum = model.bias[k] as number;
        const offset = k * features;
        for (let n = 0; n < positions.length; n++)
          sum += (values[n] as number) * (model.weights[offset + (positions[n] as number)] as number);
        probabilities[k] = sum;
      }
      softmaxInPlace(probabilities);
      const weight = (settings.sampleWeights?.[index] ?? 1) / total;
      for (let k = 0; k < classes; k++) {
        const error = ((probabilities[k] as number) - (labels[index] === k ? 1 : 0)) * weight;
        if (error === 0) continue;
        biasGradient[k] = (biasGradient[k] as number) + error;
        const offset = k * features;
        for (let n = 0; n < positions.length; n++) {
          const at = offset + (positions[n] as number);
          gradient[at] = (gradient[at] as number) + error * (values[n] as number);
        }
      }
    });
    for (let i = 0; i < gradient.length; i++)
      gradient[i] = (gradient[i] as number) + settings.l2 * (model.weights[i] as number);
    adam.step(model.weights, gradient, 0, settings.learningRate);
    adam.step(model.bias, biasGradient, gradient.length, settings.learningRate);
  }
  return model;
}

/** Class probabilities for one row. */
export function predictSoftmax(model: SoftmaxModel, row: Float32Array): number[] {
  const scores = new Float64Array(model.classes);
  scoreInto(model, row, scores);
  softmaxInPlace(scores);
  return [...scores];
}

function nonZeros(row: Float32Array): { positions: Int32Array; values: Float32Array } {
  let count = 0;
  for (const value of row) if (value !== 0) count++;
  const positions = new Int32Array(count);
  const values = new Float32Array(count);
  let next = 0;
  row.forEach((value, position) => {
    if (value === 0) return;
    positions[next] = position;
    values[next] = value;
    next++;
  });
  return { positions, values };
}

function scoreInto(model: SoftmaxModel, row: Float32Array, out: Float64Array): void {
  for (let k = 0; k < model.classes; k++) {
    let sum = model.bias[k] as number;
    const offset = k * model.features;
    for (let j = 0; j < model.features; j++) {
      const value = row[j] as number;
      if (value !== 0) sum += value * (model.weights[offset + j] as number);
    }
    out[k] = sum;
  }
}

function softmaxInPlace(values: Float64Array): void {
  let max = Number.NEGATIVE_INFINITY;
  for (const value of values) max = Math.max(max, value);
  let sum = 0;
  for (let k = 0; k < values.length; k++) {
    values[k] = Math.exp((values[k] as number) - max);
    sum += values[k] as number;
  }
  for (let k = 0; k < values.length; k++) values[k] = (values[k] as number) / sum;
}

/** Adam optimiser state over one flat parameter space (Kingma & Ba, 2015). */
class AdamState {
  private readonly first: Float64Array;
  private readonly second: Float64Array;
  private steps = new Map<number, number>();

  constructor(size: number) {
    this.first = new Float64Array(size);
    this.second = new Float64Array(size);
  }

  /** Updates `parameters` (stored from `offset` in the optimiser's space) against `gradient`. */
  step(parameters: Float32Array, gradient: Float64Array, offset: number, learningRate: number): void {
    const t = (this.steps.get(offset) ?? 0) + 1;
    this.steps.set(offset, t);
    const beta1 = 0.9;
    const beta2 = 0.999;
    const correction1 = 1 - beta1 ** t;
    const correction2 = 1 - beta2 ** t;
    for (let i = 0; i < parameters.length; i++) {
      const g = gradient[i] as number;
      const m = beta1 * (this.first[offset + i] as number) + (1 - beta1) * g;
      const v = beta2 * (this.second[offset + i] as number) + (1 - beta2) * g * g;
      this.first[offset + i] = m;
      this.second[offset + i] = v;
      parameters[i] =
        (parameters[i] as number) - (learningRate * (m / correction1)) / (Math.sqrt(v / correction2) + 1e-8);
    }
  }
}
