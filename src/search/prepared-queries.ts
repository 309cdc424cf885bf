import type { QueryEmbedder } from './hybrid-search.js';

/** Queries embedded ahead of their search that were never searched (a refused question) are dropped past this. */
const keptAtMost = 8;

/** A query embedder that can start a query's vector before the search that needs it. */
export interface PreparedQueries {
  /** Starts embedding `query`; the next `embed(query)` takes this vector instead of embedding it again. */
  prepare(query: string): void;
  /** The vector of `query`: the prepared one (used once), else embedded now. */
  embed: QueryEmbedder;
}

/**
 * Lets the answering pipeline ask for the retrieval query's vector while the decision classifier embeds the message,
 * so the sentence encoder serves both in one model call (see coalesced-calls.ts) instead of one after the other. A
 * prepared vector is used by one search only, so nothing is remembered beyond the question it was prepared for.
 */
export function preparedQueries(embedQuery: QueryEmbedder): PreparedQueries {
  const prepared = new Map<string, Promise<Float32Array>>();
  return {
    prepare(query) {
      if (prepared.has(query)) return;
      prepared.set(query, Promise.resolve(embedQuery(query)));
      if (prepared.size > keptAtMost) prepared.delete(prepared.keys().next().value as string);
    },
    embed(query) {
      const vector = prepared.get(query);
      if (!vector) return embedQuery(query);
      prepared.delete(query);
      return vector;
    },
  };
}
