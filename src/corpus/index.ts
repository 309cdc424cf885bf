// The documents and their clauses: manifest, clause parser, document warnings.
// The folder's public surface: code outside it imports from here, never from its files.

export type { Clause } from './clause.js';
export { type ClauseListResult, parseClauseList } from './clause-list.js';
export {
  citationAcceptable,
  clauseIdsMatch,
  type ExpectedCitation,
  normaliseClauseId,
} from './clause-match.js';
export { parseCorpus } from './clause-parser.js';
export type { CorpusDocument, DocumentMeta } from './document-manifest.js';
export { loadCorpus } from './document-manifest.js';
export { documentWarnings } from './document-warnings.js';
