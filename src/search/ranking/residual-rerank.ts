import type { LinearRanker } from './linear-ranker.js';
import { featureIndex, type RankingFeatureName, type RankingFeatures } from './ranking-features.js';

/** A candidate as ranking sees it: its clause number, its score so far and its features. */
export interface RankedCandidate {
  doc: number;
  score: number;
  features: RankingFeatures;
}

/** Best score first; ties by clause order, so rankings repeat exactly. */
export const byScore = (left: { doc: number; score: number }, right: { doc: number; score: number }) =>
  right.score - left.score || left.doc - right.doc;

/** Sets feature `to` of every candidate to feature `from` as a z-score over the candidates (0 when all agree). */
export function standardiseWithin(
  candidates: ReadonlyArray<{ features: RankingFeatures }>,
  from: RankingFeatureName,
  to: RankingFeatureName,
): void {
  const source = featureIndex(from);
  const target = featureIndex(to);
  const values = candidates.map((candidate) => candidate.features[source] as number);
  const mean = values.reduce((total, value) => total + value, 0) / Math.max(1, values.length);
  const deviation = Math.sqrt(
    values.reduce((total, value) => total + (value - mean) ** 2, 0) / Math.max(1, values.length),
  );
  candidates.forEach((candidate, index) => {
    candidate.features[target] = deviation > 0 ? ((values[index] as number) - mean) / deviation : 0;
  });
}

/**
 * Re-scores the fusion's best `ranker.depth` candidates (`sorted` best first) with the learned ranker and re-sorts
 * them in place; the rest stay below in the fusion's order, their scores capped at the lowest re-ranked one so scores
 * still fall down the list.
 */
export function rerankHead(sorted: RankedCandidate[], ranker: LinearRanker): void {
  const head = sorted.slice(0, ranker.depth);
  for (const candidate of head) candidate.score = ranker.score(candidate.score, candidate.features);
  head.sort(byScore);
  const floor = Math.min(...head.map((candidate) => candidate.score));
  const tail = sorted.slice(ranker.depth);
  for (const candidate of tail) candidate.score = Math.min(candidate.score, floor);
  sorted.splice(0, sorted.length, ...head, ...tail);
}
