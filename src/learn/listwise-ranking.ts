/**
 * Listwise learning to rank as a residual on a base ranking: a query's candidates score
 * `s = baseWeight × base + weights · standardised features`, and the loss is −log of the softmax probability mass on
 * the acceptable candidates. Any one acceptable candidate on top satisfies it — unlike pairwise training, which asks
 * every acceptable clause to beat every other and so fights itself when a question has several acceptable citations.
 * The L2 penalty falls on `weights` only, so a strong penalty gives back the base ranking (scaled by `baseWeight`).
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
}

/** Training settings. */
export interface ListwiseTraining {
  /** L2 penalty on the feature weights (the pull towards the base ranking). */
  l2: number;
  epochs: number;
  learningRate: number;
  /** Starting base multiplier. */
  initialBaseWeight: number;
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
  // Parameters: the feature weights, then the base multiplier.
  const parameters = new Float64Array(width + 1);
  parameters[width] = settings.initialBaseWeight;
  const first = new Float64Array(width + 1);
  const second = new Float64Array(width + 1);
  const count = Math.max(1, standard.length);
  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    const gradient = new Float64Array(width + 1);
    for (let index = 0; index < width; index++)
      gradient[index] = 2 * settings.l2 * (parameters[index] as number);
    for (const query of standard) {
      const scores = query.rows.map(
        (row, candidate) =>
          rowDot(parameters, row, width) + (parameters[width] as number) * (query.base[candidate] ?? 0),
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
          (weights[candidate] as number) / all -
          (query.relevant[candidate] ? (weights[candidate] as number) / acceptable : 0);
        if (pull === 0) return;
        for (let index = 0; index < width; index++)
          gradient[index] = (gradient[index] as number) + (pull * (row[index] as number)) / count;
        gradient[width] = (gradient[width] as number) + (pull * (query.base[candidate] ?? 0)) / count;
      });
    }
    adamStep(parameters, gradient, first, second, epoch, settings.learningRate);
  }
  return {
    weights: Array.from(parameters.subarray(0, width)),
    baseWeight: parameters[width] as number,
    mean,
    scale,
  };
}

/** The residual part of a candidate's score: weights · standardised features (add `baseWeight × base` for the whole). */
export function listwiseResidual(model: ListwiseModel, row: Float32Array): number {
  return standardisedDot(model.weights, model.mean, model.scale, row);
}

function rowDot(parameters: Float64Array, row: Float64Array, width: number): number {
  let sum = 0;
  for (let index = 0; index < width; index++) sum += (parameters[index] as number) * (row[index] as number);
  return sum;
}
