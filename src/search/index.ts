// Retrieval over the clauses: the retriever and how it is opened (index files, embedders, ranking inside).
// The folder's public surface: code outside it imports from here, never from its files.

export { loadSentenceEncoder, type SentenceEncoder } from './embed/sentence-encoder.js';
export { type OpenedRetriever, openRetriever } from './open-retriever.js';
export {
  createLearnedRanker,
  type LearnedRanker,
  loadRankerFile,
  type RankerFile,
  rankerFileSchema,
} from './ranking/learned-ranker.js';
export {
  createQuestionBank,
  loadQuestionBankFile,
  packQuestionBank,
  type QuestionBank,
  type QuestionBankFile,
} from './ranking/question-bank.js';
export { featureIndex, type RankingFeatureName, rankingFeatureNames } from './ranking/ranking-features.js';
export { headFirst, rankingHead } from './ranking/residual-rerank.js';
export type { Retriever, SearchHit } from './retriever.js';
