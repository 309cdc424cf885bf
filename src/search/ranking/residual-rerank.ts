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
 * Re-orders the ranker's head (`rankingHead` of `sorted`, the fusion's order, best first) by the learned ranker, in
 * place: the head comes first in the ranker's order, the rest below in the fusion's. The ranker decides the order
 * only: the fusion's scores are handed out again best first, place by place, so the list keeps the fusion's spread of
 * scores and the relative score floors downstream (the confidence check, the composer's choice of clauses from other
 * documents) mean what they were measured to mean.
 */
export function rerankHead(sorted: RankedCandidate[], ranker: LearnedRanker): void {
  const positions = rankingHead(
    sorted.map((candidate) => candidate.features),
    ranker.depth,
    ranker.votedPlaces,
  );
  const scores = sorted.map((candidate) => candidate.score);
  const keyed = positions.map((position) => {
    const candidate = sorted[position] as RankedCandidate;
    return { candidate, doc: candidate.doc, score: ranker.score(candidate.score, candidate.features) };
  });
  keyed.sort(byScore);
  const inHead = new Set(positions);
  const rest = sorted.filter((_, position) => !inHead.has(position));
  sorted.splice(0, sorted.length, ...keyed.map((entry) => entry.candidate), ...rest);
  sorted.forEach((candidate, place) => {
    candidate.score = scores[place] as number;
  });
}
