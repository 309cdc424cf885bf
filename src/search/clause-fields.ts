import type { Clause, DocumentMeta } from '../corpus/index.js';
import type { LexicalFields } from './bm25-index.js';

/** What the indexes see of each clause. */
export interface ClauseViews {
  /** BM25F fields (text, heading path, parent lead-in, document title). */
  lexical: LexicalFields[];
  /** One text per clause for the embedder: heading path, parent lead-in, then the clause. */
  embedding: string[];
}

/**
 * Derives the searchable views of each clause. A sub-item such as "3.2.7 Not to be subject to bullying" depends on
 * its parent's lead-in ("Officers can expect from Councillors:"), so that lead-in is indexed with it (at a
 * lower weight); the parent is the nearest earlier clause of the same document with the parent id.
 */
export function clauseViews(
  clauses: readonly Clause[],
  documents: ReadonlyMap<string, DocumentMeta> = new Map(),
): ClauseViews {
  const lastById = new Map<string, Clause>();
  const lexical: LexicalFields[] = [];
  const embedding: string[] = [];
  for (const clause of clauses) {
    const parent =
      clause.parent === null ? undefined : lastById.get(`${clause.document}\u0000${clause.parent}`);
    const lead = parent ? leadIn(parent.text) : '';
    // The parser may already prefix a sub-item with its parent's lead-in; index it once, not twice.
    const context = lead && !clause.text.includes(lead) ? lead : '';
    const headings = clause.headings.join(' / ');
    const meta = documents.get(clause.document);
    const document = meta ? [meta.title, meta.shortTitle ?? '', meta.council].join(' ') : '';
    lexical.push({ text: clause.text, headings, context, document });
    embedding.push([headings, context, clause.text].filter(Boolean).join('\n'));
    lastById.set(`${clause.document}\u0000${clause.id}`, clause);
  }
  return { lexical, embedding };
}

/** The parent's opening words up to its first colon or full stop (at most 30 words): the part children depend on. */
function leadIn(text: string): string {
  const words = text.split(/\s+/).slice(0, 30).join(' ');
  const stop = words.search(/[:.;](\s|$)/);
  return stop === -1 ? words : words.slice(0, stop + 1);
}
