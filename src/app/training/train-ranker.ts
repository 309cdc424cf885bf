import { citationAcceptable, type ExpectedCitation } from '../../evals/index.js';
import { type PairwiseModel, pairwiseScore, type RankingQuery, trainPairwise } from '../../learn/index.js';
import { featureIndex, type RankingFeatureName, type SearchHit } from '../../search/index.js';

/** One labelled question's candidates, as retrieval found them (in the hand-set blend's order). */
export interface CandidateList {
  hits: SearchHit[];
  /** Which hits are acceptable answers. */
  relevant: boolean[];
}

/** Marks each hit acceptable or not against a question's expected citations. */
export function labelHits(hits: SearchHit[], expected: readonly ExpectedCitation[]): CandidateList {
  return {
    hits,
    relevant: hits.map((hit) =>
      citationAcceptable(expected, { document: hit.clause.document, clause: hit.clause.id }),
    ),
  };
}

/** Hit@1 and hit@3 of an ordering over lists (a list with no acceptable candidate is a miss). */
export interface RankingScore {
  name: string;
  hitAt1: number;
  hitAt3: number;
}

function hitRates(
  name: string,
  lists: readonly CandidateList[],
  order: (list: CandidateList) => number[],
): RankingScore {
  let at1 = 0;
  let at3 = 0;
  for (const list of lists) {
    const ranked = order(list);
    if (list.relevant[ranked[0] ?? -1]) at1++;
    if (ranked.slice(0, 3).some((index) => list.relevant[index])) at3++;
  }
  return { name, hitAt1: at1 / Math.max(1, lists.length), hitAt3: at3 / Math.max(1, lists.length) };
}

const byFeature = (name: RankingFeatureName) => (list: CandidateList) =>
  list.hits
    .map((hit, index) => ({ index, value: hit.features?.[featureIndex(name)] ?? 0 }))
    .sort((left, right) => right.value - left.value || left.index - right.index)
    .map((entry) => entry.index);

const byModel = (model: PairwiseModel) => (list: CandidateList) =>
  list.hits
    .map((hit, index) => ({ index, value: hit.features ? pairwiseScore(model, hit.features) : 0 }))
    .sort((left, right) => right.value - left.value || left.index - right.index)
    .map((entry) => entry.index);

function toQueries(lists: readonly CandidateList[]): RankingQuery[] {
  return lists
    .filter((list) => list.relevant.some(Boolean) && list.relevant.some((relevant) => !relevant))
    .map((list) => ({
      rows: list.hits.map((hit) => hit.features ?? new Float32Array()),
      relevant: list.relevant,
    }));
}

/** Fits the ranker on every list. */
export function fitRanker(lists: readonly CandidateList[]): PairwiseModel {
  return trainPairwise(toQueries(lists));
}

/**
 * Five-fold cross-validation by question: the learned ranker (fitted on the other folds) against the hand-set
 * blend (the lists' own order), BM25F alone and the dense similarity alone, each held to the same questions.
 */
export function crossValidateRanker(lists: readonly CandidateList[], folds = 5): RankingScore[] {
  const learnedOrders = new Map<CandidateList, number[]>();
  for (let fold = 0; fold < folds; fold++) {
    const model = fitRanker(lists.filter((_, index) => index % folds !== fold));
    lists.forEach((list, index) => {
      if (index % folds === fold) learnedOrders.set(list, byModel(model)(list));
    });
  }
  return [
    hitRates('learned (pairwise logistic)', lists, (list) => learnedOrders.get(list) ?? []),
    hitRates('hand-set z-score fusion', lists, (list) => list.hits.map((_, index) => index)),
    hitRates('BM25F alone', lists, byFeature('lexical')),
    hitRates('dense alone', lists, byFeature('dense')),
  ];
}
