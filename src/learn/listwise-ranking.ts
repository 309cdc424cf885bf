/**
 * Listwise learning to rank as a residual on a base ranking: a query's candidates score
 * `s = baseWeight × base + weights · x (+ Σ output_j · relu(hidden_j · x + bias_j))` over standardised features `x`,
 * and the loss is −log of the softmax probability mass on the acceptable candidates. Any one acceptable candidate on
 * top satisfies it — unlike pairwise training, which asks every acceptable clause to beat every other and so fights
 * itself when a question has several acceptable citations. The optional hidden layer lets evidence combine (a
 * labelled neighbour's vote counts for more when the words agree too). The L2 penalty falls on the weights, not the
 * base multiplier, so a strong penalty gives back the base ranking (scaled by `baseWeight`).
 */

import { adamStep } from './adam-step.js';
import { standardisation, standardisedDot, standardiseRow } from './feature-standardisation.js';

/** One query's candidates: feature rows, the base ranking's score (log scale) and which are acceptable. */
export interface ListwiseQuery {
  rows: Float32Array[];
  base: number[];
  relevant: boolean[];
}

/** A fitted residual scorer. */
export interface ListwiseModel {
  weights: number[];
  /** Multiplier of the base score (not penalised: it sets how sharp the base ranking is). */
  baseWeight: number;
  mean: number[];
  scale: number[];
  /** The hidden layer, when trained with one. */
  hidden?: HiddenLayer;
}

/** Rectified units over the standardised features, summed into the score by `output`. */
export interface HiddenLayer {
  /** One row of feature weights per unit. */
  weights: number[][];
  bias: number[];
  output: number[];
}

/** Training settings. */
export interface ListwiseTraining {
  /** L2 penalty on the feature weights (the pull towards the base ranking). */
  l2: number;
  epochs: number;
  learningRate: number;
  /** Starting base multiplier. */
  initialBaseWeight: number;
  /** Units of a hidden layer (0 or absent: linear). */
  hiddenUnits?: number;
  /** L2 penalty on the hidden layer's weights. */
  hiddenL2?: number;
}

/** Defaults. */
export const defaultListwiseTraining: ListwiseTraining = {
  l2: 0.3,
  epochs: 600,
  learningRate: 0.05,
  initialBaseWeight: 5,
};

/** Fits weights so the acceptable candidates take the softmax mass (queries with none or only acceptable: skipped). */
export function trainListwise(
  queries: readonly ListwiseQuery[],
  settings: ListwiseTraining = defaultListwiseTraining,
): ListwiseModel {
  const useful = queries.filter(
    (query) => query.relevant.some(Boolean) && query.relevant.some((relevant) => !relevant),
  );
  const width = useful.find((query) => query.rows.length > 0)?.rows[0]?.length ?? 0;
  const standards = standardisation(useful, width);
  const { mean, scale } = standards;
  const standard = useful.map((query) => ({
    rows: query.rows.map((row) => standardiseRow(row, standards)),
    base: query.base,
    relevant: query.relevant,
  }));
  // Parameters: the feature weights, the base multiplier, then the hidden layer's weights, biases and outputs.
  const units = settings.hiddenUnits ?? 0;
  const layout = {
    base: width,
    hidden: width + 1,
    bias: width + 1 + units * width,
    output: width + 1 + units * width + units,
  };
  const parameters = new Float64Array(layout.output + units);
  parameters[layout.base] = settings.initialBaseWeight;
  initialiseHidden(parameters, layout, width, units);
  const first = new Float64Array(parameters.length);
  const second = new Float64Array(parameters.length);
  const count = Math.max(1, standard.length);
  const hiddenL2 = settings.hiddenL2 ?? settings.l2;
  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    const gradient = new Float64Array(parameters.length);
    for (let index = 0; index < parameters.length; index++) {
      if (index === layout.base || (index >= layout.bias && index < layout.output)) continue;
      const l2 = index < width ? settings.l2 : hiddenL2;
      gradient[index] = 2 * l2 * (parameters[index] as number);
    }
    for (const query of standard) {
      const hidden = query.rows.map(() => new Float64Array(units));
      const scores = query.rows.map(
        (row, candidate) =>
          scoreRow(parameters, layout, row, width, units, hidden[candidate] as Float64Array) +
          (parameters[layout.base] as number) * (query.base[candidate] ?? 0),
      );
      const top = Math.max(...scores);
      const weights = scores.map((score) => Math.exp(score - top));
      const all = weights.reduce((sum, value) => sum + value, 0);
      const acceptable = weights.reduce(
        (sum, value, candidate) => sum + (query.relevant[candidate] ? value : 0),
        0,
      );
      // d(−log Σ_rel p)/ds_i = p_i − (relevant ? p_i within the acceptable ones : 0)
      query.rows.forEach((row, candidate) => {
        const pull =
          ((weights[candidate] as number) / all -
            (query.relevant[candidate] ? (weights[candidate] as number) / acceptable : 0)) /
          count;
        if (pull === 0) return;
        for (let index = 0; index < width; index++)
          gradient[index] = (gradient[index] as number) + pull * (row[index] as number);
        gradient[layout.base] = (gradient[layout.base] as number) + pull * (query.base[candidate] ?? 0);
        const activations = hidden[candidate] as Float64Array;
        for (let unit = 0; unit < units; unit++) {
          const activation = activations[unit] as number;
          gradient[layout.output + unit] = (gradient[layout.output + unit] as number) + pull * activation;
          if (activation <= 0) continue;
          const back = pull * (parameters[layout.output + unit] as number);
          gradient[layout.bias + unit] = (gradient[layout.bias + unit] as number) + back;
          const offset = layout.hidden + unit * width;
          for (let index = 0; index < width; index++)
            gradient[offset + index] = (gradient[offset + index] as number) + back * (row[index] as number);
        }
      });
    }
    adamStep(parameters, gradient, first, second, epoch, settings.learningRate);
  }
  const model: ListwiseModel = {
    weights: Array.from(parameters.subarray(0, width)),
    baseWeight: parameters[layout.base] as number,
    mean,
    scale,
  };
  if (units > 0)
    model.hidden = {
      weights: Array.from({ length: units }, (_, unit) =>
        Array.from(parameters.subarray(layout.hidden + unit * width, layout.hidden + (unit + 1) * width)),
      ),
      bias: Array.from(parameters.subarray(layout.bias, layout.output)),
      output: Array.from(parameters.subarray(layout.output)),
    };
  return model;
}

interface Layout {
  base: number;
  hidden: number;
  bias: number;
  output: number;
}

/**
 * Hidden weights start small and spread (uniform within ±√(6 / (features + units))), outputs within ±0.1, from a
 * fixed seed: training is deterministic, and the units do not all start alike.
 */
function initialiseHidden(parameters: Float64Array, layout: Layout, width: number, units: number): void {
  let state = 3;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state / 4294967296) * 2 - 1;
  };
  const spread = Math.sqrt(6 / (width + units));
  for (let index = layout.hidden; index < layout.bias; index++) parameters[index] = next() * spread;
  for (let index = layout.output; index < layout.output + units; index++) parameters[index] = next() * 0.1;
}

/** A row's residual score; the hidden units' activations are written to `activations`. */
function scoreRow(
  parameters: Float64Array,
  layout: Layout,
  row: Float64Array,
  width: number,
  units: number,
  activations: Float64Array,
): number {
  let sum = rowDot(parameters, row, width, 0);
  for (let unit = 0; unit < units; unit++) {
    const input =
      (parameters[layout.bias + unit] as number) +
      rowDot(parameters, row, width, layout.hidden + unit * width);
    const activation = Math.max(input, 0);
    activations[unit] = activation;
    sum += (parameters[layout.output + unit] as number) * activation;
  }
  return sum;
}

/** The residual part of a candidate's score over its raw features (add `baseWeight × base` for the whole). */
export function listwiseResidual(model: ListwiseModel, row: Float32Array): number {
  const linear = standardisedDot(model.weights, model.mean, model.scale, row);
  if (!model.hidden) return linear;
  return linear + hiddenScore(model.hidden, standardiseRow(row, model));
}

/** The hidden layer's part of a score, over a standardised row. */
export function hiddenScore(layer: HiddenLayer, standardised: ArrayLike<number>): number {
  let sum = 0;
  layer.weights.forEach((weights, unit) => {
    let input = layer.bias[unit] ?? 0;
    for (let index = 0; index < weights.length; index++)
      input += (weights[index] as number) * ((standardised[index] as number) ?? 0);
    if (input > 0) sum += (layer.output[unit] ?? 0) * input;
  });
  return sum;
}

function rowDot(parameters: Float64Array, row: Float64Array, width: number, offset: number): number {
  let sum = 0;
  for (let index = 0; index < width; index++)
    sum += (parameters[offset + index] as number) * (row[index] as number);
  return sum;
}
