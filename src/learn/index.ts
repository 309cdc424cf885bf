// Small, dependency-free learning: softmax regression, hashed word and character features, pairwise and listwise
// ranking, cost offsets, nearest-neighbour votes.
// The folder's public surface: code outside it imports from here, never from its files.

export { decideWithOffsets } from './decision-offsets.js';
export { hashedCharGrams } from './hashed-char-grams.js';
export { hashedNgrams } from './hashed-ngrams.js';
export { type Int8Rows, packInt8Rows, unpackInt8Rows } from './int8-rows.js';
export {
  defaultListwiseTraining,
  type HiddenLayer,
  hiddenScore,
  type ListwiseModel,
  type ListwiseQuery,
  type ListwiseTraining,
  listwiseResidual,
  trainListwise,
} from './listwise-ranking.js';
export { blendProbabilities, type NeighbourVoting, neighbourVote } from './neighbour-vote.js';
export {
  defaultPairwiseTraining,
  type PairwiseModel,
  type PairwiseTraining,
  pairwiseScore,
  type RankingQuery,
  trainPairwise,
} from './pairwise-ranking.js';
export {
  defaultSoftmaxTraining,
  predictSoftmax,
  type SoftmaxModel,
  type SoftmaxTraining,
  trainSoftmax,
} from './softmax-regression.js';
