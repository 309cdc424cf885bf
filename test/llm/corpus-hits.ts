import path from 'node:path';
import type { ComposeInput } from '../../src/answer/composer.js';
import type { Clause } from '../../src/corpus/clause.js';
import { type DocumentMeta, loadCorpus } from '../../src/corpus/document-manifest.js';
import type { SearchHit } from '../../src/search/retriever.js';

const corpus = loadCorpus(path.resolve(import.meta.dirname, '../../corpus'));

/** Document metadata of the shipped corpus, by id. */
export const corpusDocuments: ReadonlyMap<string, DocumentMeta> = new Map(
  corpus.map((document) => [document.meta.id, document.meta]),
);

/**
 * Real clauses of the shipped corpus, found by their printed number on a line of their own ("- 6.2 Requests …"),
 * ranked in the order given, as retrieval would hand them to a composer.
 */
export function composeInput(question: string, wanted: [document: string, clause: string][]): ComposeInput {
  const hits: SearchHit[] = wanted.map(([document, id], rank) => {
    const found = corpus.find((candidate) => candidate.meta.id === document);
    if (!found) throw new Error(`fixture: no document ${document}`);
    const lines = found.text.split('\n');
    const prefix = new RegExp(`^(?:- )?${id.replace(/[.()]/g, '\\$&')}\\s+(.+)$`);
    const ordinal = lines.findIndex((line) => prefix.test(line));
    const text = lines[ordinal]?.match(prefix)?.[1]?.trim();
    if (!text) throw new Error(`fixture: no clause ${document} ${id}`);
    const clause: Clause = {
      document,
      id,
      key: `${document}#${ordinal}`,
      ordinal,
      parent: id.includes('.') ? id.slice(0, id.lastIndexOf('.')) : null,
      headings: [],
      text,
    };
    return { clause, score: 1 - rank * 0.1, lexical: 5 - rank, dense: 0.5, coverage: 0.8 };
  });
  return { question, hits, documents: corpusDocuments };
}
