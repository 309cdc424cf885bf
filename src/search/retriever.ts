import type { Clause, DocumentMeta } from '../corpus/index.js';

/** One retrieved clause with the evidence for its rank. */
export interface SearchHit {
  clause: Clause;
  /** Fused score used for ranking (higher is better). */
  score: number;
  /** BM25 score of the clause for the query (0 when no term matched). */
  lexical: number;
  /** Cosine similarity of clause and query vectors (-1..1). */
  dense: number;
  /** Fraction (0..1) of the query's content terms (after synonym expansion) found in the clause. */
  coverage: number;
  /** The evidence the ranker weighed (see `rankingFeatureNames`), when the retriever computed it. */
  features?: Float32Array;
}

/** The loaded index, as the answering pipeline sees it. */
export interface Retriever {
  /**
   * Best `k` clauses for the query, best first. `followUp`: the query is a follow-up joined to the question before it
   * ("How fast must I answer an email? and phone calls?"), so labelled single questions do not speak for it.
   */
  search(query: string, k: number, options?: { followUp?: boolean }): Promise<SearchHit[]>;
  /** Every clause in corpus order. */
  readonly clauses: readonly Clause[];
  /** Document metadata by id. */
  readonly documents: ReadonlyMap<string, DocumentMeta>;
  /** The dense embedder's identity, when known (evidence learned from one embedder's scores is not read from another). */
  readonly embedder?: string;
  /** True when `term` (after normalisation) occurs anywhere in the corpus vocabulary. */
  knowsTerm(term: string): boolean;
  /**
   * Starts embedding a query that `search` will soon be asked for, so the sentence encoder can embed it together
   * with texts requested at the same moment (the decision classifier's); absent or a no-op where that gains nothing.
   */
  prepareQuery?(query: string): void;
}
