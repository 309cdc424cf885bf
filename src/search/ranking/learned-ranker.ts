import { existsSync } from 'node:fs';
import { z } from 'zod';
import { hiddenScore } from '../../learn/index.js';
import { readModelFile } from '../../model-file.js';
import { shippedModelPath } from '../../package-root.js';
import { type RankingFeatures, rankingFeatureNames } from './ranking-features.js';

/**
 * A learned residual ranker over the hand-set fusion: its head (the fusion's best `depth` candidates, some of the last
 * places given to clauses similar labelled questions cite: `rankingHead`) is ordered by
 * `fusion score × exp(residual / baseWeight)`, the residual being `weights · x` plus, when the file has one, a hidden
 * layer's `Σ output_j · relu(hidden_j · x + bias_j)` over the standardised features `x` — the fusion's order, moved
 * only where the evidence says it should be. It orders only; the scores shown keep the fusion's values (see
 * `rerankHead`).
 */
export const rankerFileSchema = z.object({
  /** Format version (2: a linear residual on the fusion, trained listwise; 3: may add a hidden layer). */
  version: z.union([z.literal(2), z.literal(3)]),
  /** The dense embedder the dense features came from; another embedder makes the weights meaningless. */
  embedder: z.string().min(1),
  /** Feature names, in the order of `weights`, `mean` and `scale`. */
  features: z.array(z.string()),
  weights: z.array(z.number()),
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  /** Rectified units over the standardised features, in `features` order (version 3). */
  hidden: z
    .object({
      weights: z.array(z.array(z.number())),
      bias: z.array(z.number()),
      output: z.array(z.number()),
    })
    .optional(),
  /** The multiplier of the fusion's log score the weights were fitted against (positive). */
  baseWeight: z.number().positive(),
  /** How many of the fusion's best candidates are re-ranked; the rest keep the fusion's order below them. */
  depth: z.number().int().positive(),
  /**
   * How many of the head's last places go to clauses the labelled questions voted for but the fusion left below
   * (see `rankingHead`); absent: none.
   */
  votedPlaces: z.number().int().nonnegative().optional(),
  /** How it was trained (training files and their hash) and what cross-validation measured. */
  training: z.record(z.string(), z.unknown()),
});

/** A learned ranker as stored. */
export type RankerFile = z.infer<typeof rankerFileSchema>;

/** Re-scores the fusion's best candidates with fitted weights. */
export interface LearnedRanker {
  readonly embedder: string;
  /** How many of the fusion's best candidates it re-ranks. */
  readonly depth: number;
  /** How many of those places clauses voted for by labelled questions may take from the fusion's (`rankingHead`). */
  readonly votedPlaces: number;
  /** A candidate's ranking key from its fusion score (positive) and features (higher ranks first). */
  score(fused: number, features: RankingFeatures): number;
}

/** A ranker over the current feature list from a file's weights (features it does not know weigh nothing). */
export function createLearnedRanker(file: RankerFile): LearnedRanker {
  const order = rankingFeatureNames.map((name) => file.features.indexOf(name));
  // The standardised row in the file's feature order (a feature the file knows but the code no longer computes is 0).
  const standardised = new Float64Array(file.features.length);
  return {
    embedder: file.embedder,
    depth: file.depth,
    votedPlaces: file.votedPlaces ?? 0,
    score(fused, features) {
      standardised.fill(0);
      order.forEach((position, index) => {
        if (position < 0) return;
        const scale = file.scale[position] || 1;
        standardised[position] = ((features[index] as number) - (file.mean[position] ?? 0)) / scale;
      });
      let sum = 0;
      standardised.forEach((value, position) => {
        sum += (file.weights[position] ?? 0) * value;
      });
      if (file.hidden) sum += hiddenScore(file.hidden, standardised);
      // exp(baseWeight·log fused + sum), taken to the power 1/baseWeight: the same order, on the fusion's scale.
      return fused * Math.exp(sum / file.baseWeight);
    },
  };
}

/** Reads a ranker file; a missing or damaged one is an error naming it. */
export function loadRankerFile(file: string): RankerFile {
  return readModelFile(file, rankerFileSchema, 'the ranker is missing; run `protocol-bot train`');
}

/**
 * The shipped ranker (`models/ranker.json`) when it was trained on vectors from `embedder`; otherwise undefined and
 * the reason, so the caller can log it and fall back to the hand-set blend.
 */
export function openShippedRanker(embedder: string): { ranker?: LearnedRanker; reason?: string } {
  const file = shippedModelPath('ranker.json');
  if (!existsSync(file)) return { reason: `${file} is missing` };
  const loaded = loadRankerFile(file);
  if (loaded.embedder !== embedder) {
    return { reason: `${file} was trained on ${loaded.embedder}, not ${embedder}` };
  }
  return { ranker: createLearnedRanker(loaded) };
}
