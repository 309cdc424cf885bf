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
 * Which candidates the learned ranker re-orders, as positions in the fusion's order (`features`, best first): the
 * fusion's best `depth`, except that up to `votedPlaces` clauses the labelled questions voted for (`exampleVote` > 0)
 * but the fusion left below take the head's last places, best voted fusion position first. Similar questions' clauses
 * are often worded unlike the question, which is why the fusion leaves them low; this lets their evidence reach them.
 * Training and serving both choose the head here, so the ranker is fitted on the candidates it will see.
 */
export function rankingHead(
  features: ReadonlyArray<RankingFeatures | undefined>,
  depth: number,
  votedPlaces = 0,
): number[] {
  const vote = featureIndex('exampleVote');
  const voted: number[] = [];
  for (let position = depth; position < features.length && voted.length < votedPlaces; position++) {
    if (((features[position]?.[vote] as number | undefined) ?? 0) > 0) voted.push(position);
  }
  const kept = Math.min(features.length, depth) - voted.length;
  return [...Array.from({ length: Math.max(0, kept) }, (_, position) => position), ...voted];
}

/**
 * A list's new order when its head (positions from `rankingHead`) is re-scored: the head by `key` (higher first, ties
 * in the list's order), then the rest in the list's order. Training and serving order by it alike.
 */
export function headFirst(
  length: number,
  head: readonly number[],
  key: (position: number) => number,
): number[] {
  const keyed = head.map((position) => ({ position, key: key(position) }));
  keyed.sort((left, right) => right.key - left.key || left.position - right.position);
  const inHead = new Set(head);
  const rest = Array.from({ length }, (_, position) => position).filter((position) => !inHead.has(position));
  return [...keyed.map((entry) => entry.position), ...rest];
}

/**
 * Re-orders the ranker's head (`rankingHead` of `sorted`, the fusion's order, best first) by the learned ranker, in
 * place: the head comes first in the ranker's order, the rest below in the fusion's. The ranker decides the order
 * only: the fusion's scores are handed out again best first, place by place, so the list keeps the fusion's spread of
 * scores and the relative score floors downstream (the confidence check, the composer's choice of clauses from other
 * documents) mean what they were measured to mean.
 */
export function rerankHead(sorted: RankedCandidate[], ranker: LearnedRanker): void {
  const head = rankingHead(
    sorted.map((candidate) => candidate.features),
    ranker.depth,
    ranker.votedPlaces,
  );
  const scores = sorted.map((candidate) => candidate.score);
  const order = headFirst(sorted.length, head, (position) => {
    const candidate = sorted[position] as RankedCandidate;
    return ranker.score(candidate.score, candidate.features);
  });
  const reordered = order.map((position) => sorted[position] as RankedCandidate);
  reordered.forEach((candidate, place) => {
    candidate.score = scores[place] as number;
  });
  sorted.splice(0, sorted.length, ...reordered);
}
