/**
 * Pairwise learning to rank (RankNet with a linear scorer): for each query, every acceptable candidate should score
 * above every other candidate; the logistic loss of each such pair is minimised by gradient descent with L2.
 */

import { adamStep } from './adam-step.js';
import { standardisation, standardisedDot, standardiseRow } from './feature-standardisation.js';

/** One query's candidates: feature rows and which are acceptable answers. */
export interface RankingQuery {
  rows: Float32Array[];
  relevant: boolean[];
}

/** A fitted linear scorer over standardised features. */
export interface PairwiseModel {
  weights: number[];
  mean: number[];
  scale: number[];
}

/** Training settings. */
export interface PairwiseTraining {
  l2: number;
  epochs: number;
  learningRate: number;
  /** Negatives per relevant candidate (the best-scored by the current order first). */
  negativesPerPositive: number;
}

/** Defaults. */
export const defaultPairwiseTraining: PairwiseTraining = {
  l2: 1e-3,
  epochs: 300,
  learningRate: 0.05,
  negativesPerPositive: 20,
};

/** Fits weights so acceptable candidates outrank the others. */
export function trainPairwise(
  queries: readonly RankingQuery[],
  settings: PairwiseTraining = defaultPairwiseTraining,
): PairwiseModel {
  const width = queries.find((query) => query.rows.length > 0)?.rows[0]?.length ?? 0;
  const standards = standardisation(queries, width);
  const { mean, scale } = standards;
  const standard = queries.map((query) => ({
    rows: query.rows.map((row) => Array.from(standardiseRow(row, standards))),
    relevant: query.relevant,
  }));
  const pairs: Array<[number[], number[]]> = [];
  for (const query of standard) {
    const positives = query.rows.filter((_, index) => query.relevant[index]);
    const negatives = query.rows
      .filter((_, index) => !query.relevant[index])
      .slice(0, settings.negativesPerPositive);
    for (const positive of positives) for (const negative of negatives) pairs.push([positive, negative]);
  }
  const weights = new Array<number>(width).fill(0);
  const first = new Array<number>(width).fill(0);
  const second = new Array<number>(width).fill(0);
  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    const gradient = weights.map((weight) => settings.l2 * weight);
    for (const [positive, negative] of pairs) {
      let margin = 0;
      for (let index = 0; index < width; index++)
        margin += (weights[index] as number) * ((positive[index] as number) - (negative[index] as number));
      const pull = -1 / (1 + Math.exp(margin)) / Math.max(1, pairs.length);
      for (let index = 0; index < width; index++)
        gradient[index] =
          (gradient[index] as number) + pull * ((positive[index] as number) - (negative[index] as number));
    }
    adamStep(weights, gradient, first, second, epoch, settings.learningRate);
  }
  return { weights, mean, scale };
}

/** Scores a row with a fitted model. */
export function pairwiseScore(model: PairwiseModel, row: Float32Array): number {
  return standardisedDot(model.weights, model.mean, model.scale, row);
}
