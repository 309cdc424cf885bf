import { citationAcceptable, type ExpectedCitation } from '../../evals/index.js';
import {
  defaultListwiseTraining,
  type ListwiseModel,
  type ListwiseQuery,
  listwiseResidual,
  type PairwiseModel,
  pairwiseScore,
  type RankingQuery,
  trainListwise,
  trainPairwise,
} from '../../learn/index.js';
import {
  featureIndex,
  headFirst,
  type RankingFeatureName,
  rankingHead,
  type SearchHit,
} from '../../search/index.js';

/** One labelled question's candidates, as retrieval found them (in the hand-set fusion's order, with its scores). */
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

/**
 * How the residual ranker is fitted: how many of the fusion's candidates it re-ranks (and how many of those places
 * clauses voted for by labelled questions may take: `rankingHead`), its pull to the fusion, and the units of a hidden
 * layer (none: linear).
 */
export interface RankerTraining {
  depth: number;
  votedPlaces?: number;
  l2: number;
  hiddenUnits?: number;
}

/**
 * A hidden layer's training: a lighter penalty on its weights and a slower, shorter descent than the linear part's
 * (one setting, tried in cross-validation on the shipped training set's candidate lists, not searched).
 */
const hiddenTraining = { hiddenL2: 0.01, epochs: 300, learningRate: 0.01 };

/** Cross-validation folds, by position: question i is in fold i mod 5 (the question bank's exclusions follow it). */
export const rankerFolds = 5;

/** The features drawn from labelled questions (the question bank); zeroed, the ranker works without a bank. */
const exampleFeatures: readonly RankingFeatureName[] = [
  'exampleNearest',
  'exampleVote',
  'exampleDirect',
  'exampleNearestZ',
  'documentPrior',
];

/** The lists with the question bank's features zeroed: what the ranker sees where no bank is loaded. */
export function withoutExamples(lists: readonly CandidateList[]): CandidateList[] {
  const zeroed = exampleFeatures.map(featureIndex);
  return lists.map((list) => ({
    relevant: list.relevant,
    hits: list.hits.map((hit) => {
      if (!hit.features) return hit;
      const features = Float32Array.from(hit.features);
      for (const index of zeroed) features[index] = 0;
      return { ...hit, features };
    }),
  }));
}

/**
 * The settings compared by cross-validation: re-rank the fusion's best 20, linearly with a pull to it, or with 16
 * hidden units that let the features combine; and that last with up to 10 places open to clauses the labelled
 * questions voted for but the fusion left below (a wider net for clauses worded unlike the question), over a head of
 * 20, 30 or 40 (a deeper head holds an acceptable clause more often, but gives the ranker more to get wrong).
 */
export const rankerCandidates: readonly RankerTraining[] = [
  { depth: 20, l2: 0.3 },
  { depth: 20, l2: 0.3, hiddenUnits: 16 },
  { depth: 20, votedPlaces: 10, l2: 0.3, hiddenUnits: 16 },
  { depth: 30, votedPlaces: 10, l2: 0.3, hiddenUnits: 16 },
  { depth: 40, votedPlaces: 10, l2: 0.3, hiddenUnits: 16 },
];

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

function orderBy(list: CandidateList, value: (hit: SearchHit) => number): number[] {
  return list.hits
    .map((hit, index) => ({ index, value: value(hit) }))
    .sort((left, right) => right.value - left.value || left.index - right.index)
    .map((entry) => entry.index);
}

const byFeature = (name: RankingFeatureName) => (list: CandidateList) =>
  orderBy(list, (hit) => hit.features?.[featureIndex(name)] ?? 0);

const byPairwise = (model: PairwiseModel) => (list: CandidateList) =>
  orderBy(list, (hit) => (hit.features ? pairwiseScore(model, hit.features) : 0));

/** The residual ranker's order: its head (`rankingHead`) re-scored, the rest in the fusion's order below. */
const byResidual = (model: ListwiseModel, training: RankerTraining) => (list: CandidateList) =>
  headFirst(list.hits.length, headOf(list, training), (index) => {
    const hit = list.hits[index] as SearchHit;
    return (
      model.baseWeight * Math.log(hit.score) + (hit.features ? listwiseResidual(model, hit.features) : 0)
    );
  });

/** The positions of a list's candidates the ranker re-orders, chosen as serving chooses them. */
const headOf = (list: CandidateList, training: RankerTraining) =>
  rankingHead(
    list.hits.map((hit) => hit.features),
    training.depth,
    training.votedPlaces ?? 0,
  );

function toPairwiseQueries(lists: readonly CandidateList[]): RankingQuery[] {
  return lists
    .filter((list) => list.relevant.some(Boolean) && list.relevant.some((relevant) => !relevant))
    .map((list) => ({
      rows: list.hits.map((hit) => hit.features ?? new Float32Array()),
      relevant: list.relevant,
    }));
}

function toListwiseQueries(lists: readonly CandidateList[], training: RankerTraining): ListwiseQuery[] {
  return lists.map((list) => {
    const positions = headOf(list, training);
    const hits = positions.map((index) => list.hits[index] as SearchHit);
    return {
      rows: hits.map((hit) => hit.features ?? new Float32Array()),
      base: hits.map((hit) => Math.log(hit.score)),
      relevant: positions.map((index) => list.relevant[index] ?? false),
    };
  });
}

/** Fits the residual ranker on every list (the head of each: `rankingHead`). */
export function fitRanker(lists: readonly CandidateList[], training: RankerTraining): ListwiseModel {
  const hidden = training.hiddenUnits ? { ...hiddenTraining, hiddenUnits: training.hiddenUnits } : {};
  return trainListwise(toListwiseQueries(lists, training), {
    ...defaultListwiseTraining,
    l2: training.l2,
    ...hidden,
  });
}

/** Cross-validated figures, and the residual setting that did best (hit@1 first, then hit@3). */
export interface RankerComparison {
  scores: RankingScore[];
  chosen: RankerTraining;
  /** The chosen setting's figures (one of `scores`). */
  learned: RankingScore;
  /** The hand-set fusion's figures (one of `scores`). */
  fusion: RankingScore;
  /** The chosen setting without the question bank's features (one of `scores`). */
  withoutExamples: RankingScore;
}

const residualName = (training: RankerTraining) =>
  `residual listwise, top ${training.depth}${training.votedPlaces ? ` (${training.votedPlaces} places for voted clauses)` : ''}, L2 ${training.l2}${training.hiddenUnits ? `, ${training.hiddenUnits} hidden units` : ''}`;

/**
 * Five-fold cross-validation by question (folds by position): the residual listwise ranker at each setting of
 * `candidates`, the earlier pairwise ranker over the same features, the hand-set fusion (the lists' own order),
 * BM25F alone and dense similarity alone, each held to the same questions.
 */
export function crossValidateRanker(
  lists: readonly CandidateList[],
  candidates: readonly RankerTraining[] = rankerCandidates,
  folds = rankerFolds,
): RankerComparison {
  const inFold = (fold: number) => lists.filter((_, index) => index % folds !== fold);
  const outOfFold = (fit: (train: readonly CandidateList[]) => (list: CandidateList) => number[]) => {
    const orders = new Map<CandidateList, number[]>();
    for (let fold = 0; fold < folds; fold++) {
      const order = fit(inFold(fold));
      lists.forEach((list, index) => {
        if (index % folds === fold) orders.set(list, order(list));
      });
    }
    return (list: CandidateList) => orders.get(list) ?? [];
  };
  const residual = candidates.map((training) =>
    hitRates(
      residualName(training),
      lists,
      outOfFold((train) => byResidual(fitRanker(train, training), training)),
    ),
  );
  let best = 0;
  residual.forEach((score, index) => {
    const current = residual[best] as RankingScore;
    if (score.hitAt1 > current.hitAt1 || (score.hitAt1 === current.hitAt1 && score.hitAt3 > current.hitAt3))
      best = index;
  });
  const chosen = candidates[best] as RankerTraining;
  const withoutBank = hitRates(
    `${residualName(chosen)}, no labelled questions`,
    lists,
    outOfFold((train) => {
      const order = byResidual(fitRanker(withoutExamples(train), chosen), chosen);
      return (list) => order(withoutExamples([list])[0] as CandidateList);
    }),
  );
  const fusion = hitRates('hand-set z-score fusion', lists, (list) => list.hits.map((_, index) => index));
  const scores = [
    ...residual,
    withoutBank,
    hitRates(
      'pairwise (RankNet), all candidates',
      lists,
      outOfFold((train) => byPairwise(trainPairwise(toPairwiseQueries(train)))),
    ),
    fusion,
    hitRates('BM25F alone', lists, byFeature('lexical')),
    hitRates('dense alone', lists, byFeature('sentenceDense')),
  ];
  return { scores, chosen, learned: residual[best] as RankingScore, fusion, withoutExamples: withoutBank };
}
