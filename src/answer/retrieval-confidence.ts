import type { SearchHit } from '../search/index.js';

/**
 * Thresholds for "the documents answer this", measured on the eval sets (README, "Evals"). Coverage is the share of
 * the question's content words (or their synonyms) found in a clause; dense is the cosine similarity of question and
 * clause vectors. The dense thresholds were re-measured for the sentence encoder, whose cosines spread differently
 * from the TF-IDF/SVD embedder's (a grid over the three; these keep every eval decision right).
 */
export const confidenceThresholds = {
  /** How many of the best hits are looked at. */
  window: 3,
  /** Coverage that is trusted on its own. */
  strongCoverage: 0.6,
  /** Coverage that is trusted with dense support. */
  minimumCoverage: 0.3,
  /** Dense similarity that supports a partial lexical match. */
  denseSupport: 0.4,
  /** Dense similarity that is trusted on its own (a paraphrase with few shared words). */
  strongDense: 0.65,
  /** Outside the bot's vocabulary of governance words, the best clause must match this well on both counts. */
  outsideRemit: { coverage: 0.6, dense: 0.35 },
  /** Further clauses are kept as evidence only above this share of the best score. */
  relativeScore: 0.5,
};

/** The retrieval verdict: whether to answer, and which hits support the answer. */
export interface RetrievalAssessment {
  confident: boolean;
  /** Hits worth quoting, best first (empty when not confident). */
  supporting: SearchHit[];
}

/**
 * Decides whether the retrieved clauses answer the question with confidence. `inRemit` says whether the question
 * uses the vocabulary of member/officer relations at all; outside it, only a close match is trusted.
 */
export function assessRetrieval(hits: SearchHit[], inRemit = true): RetrievalAssessment {
  const top = hits[0];
  if (!top || top.lexical <= 0) return { confident: false, supporting: [] };
  const t = confidenceThresholds;
  const window = hits.slice(0, t.window);
  const coverage = Math.max(...window.map((hit) => hit.coverage));
  const dense = Math.max(...window.map((hit) => hit.dense));
  const confident = inRemit
    ? coverage >= t.strongCoverage ||
      (coverage >= t.minimumCoverage && dense >= t.denseSupport) ||
      dense >= t.strongDense
    : top.coverage >= t.outsideRemit.coverage && top.dense >= t.outsideRemit.dense;
  if (!confident) return { confident: false, supporting: [] };
  const supporting = hits.filter((hit) => hit.score >= top.score * t.relativeScore);
  return { confident: true, supporting };
}
