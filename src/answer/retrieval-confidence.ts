import type { SearchHit } from '../search/retriever.js';

/**
 * Thresholds for "the documents answer this". Measured on the eval sets (README, "Evals"); a council can leave them
 * alone. Coverage is the share of the question's content words (or their synonyms) found in the clause.
 */
export const confidenceThresholds = {
  /** Below this coverage of the best clause, retrieval is not trusted at all. */
  minimumCoverage: 0.34,
  /** At or above this coverage, a lexical match alone is trusted. */
  strongCoverage: 0.6,
  /** Dense similarity that, with minimum coverage, is trusted. */
  denseSupport: 0.3,
  /** Further clauses are kept as evidence only above this share of the best score. */
  relativeScore: 0.5,
};

/** The retrieval verdict: whether to answer, and which hits support the answer. */
export interface RetrievalAssessment {
  confident: boolean;
  /** Hits worth quoting, best first (empty when not confident). */
  supporting: SearchHit[];
}

/** Decides whether the retrieved clauses answer the question with confidence. */
export function assessRetrieval(hits: SearchHit[]): RetrievalAssessment {
  const top = hits[0];
  if (!top || top.lexical <= 0) return { confident: false, supporting: [] };
  const confident =
    top.coverage >= confidenceThresholds.strongCoverage ||
    (top.coverage >= confidenceThresholds.minimumCoverage && top.dense >= confidenceThresholds.denseSupport);
  if (!confident) return { confident: false, supporting: [] };
  const supporting = hits.filter((hit) => hit.score >= top.score * confidenceThresholds.relativeScore);
  return { confident: true, supporting };
}
