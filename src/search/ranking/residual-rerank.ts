import type { LearnedRanker } from './learned-ranker.js';
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
 * Re-orders the fusion's best `ranker.depth` candidates (`sorted` best first) by the learned ranker, in place. The
 * ranker decides the order only: the head's fusion scores are handed out again best first, so the list keeps the
 * fusion's spread of scores and the relative score floors downstream (the confidence check, the composer's choice of
 * clauses from other documents) mean what they were measured to mean. The rest stay below, untouched.
 */
export function rerankHead(sorted: RankedCandidate[], ranker: LearnedRanker): void {
  const head = sorted.slice(0, ranker.depth);
  const scores = head.map((candidate) => candidate.score);
  const keyed = head.map((candidate) => ({
    candidate,
    doc: candidate.doc,
    score: ranker.score(candidate.score, candidate.features),
  }));
  keyed.sort(byScore);
  keyed.forEach((entry, index) => {
    entry.candidate.score = scores[index] as number;
  });
  sorted.splice(0, head.length, ...keyed.map((entry) => entry.candidate));
}
