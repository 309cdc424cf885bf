// Retrieval over the clauses: the retriever and how it is opened (index files, embedders, ranking inside).
// The folder's public surface: code outside it imports from here, never from its files.

export { openRetriever } from './open-retriever.js';
export type { Retriever, SearchHit } from './retriever.js';
