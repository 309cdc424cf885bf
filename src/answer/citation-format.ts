import type { Clause } from '../corpus/clause.js';
import type { DocumentMeta } from '../corpus/document-manifest.js';
import type { Citation } from './answer-schema.js';
import { bestSentence } from './text-overlap.js';

/** Longest quote shown from one clause; longer clauses are quoted around their most relevant sentence. */
const MAX_QUOTE_CHARS = 700;

/** How a clause is named in prose: `§6.2`, or the heading for unnumbered text. */
export function clauseReference(clauseId: string | null): string {
  if (!clauseId) return '';
  return /^\d/.test(clauseId) ? `§${clauseId}` : `“${clauseId}”`;
}

/** Builds a citation for a clause, quoting it verbatim (a window of it when long). */
export function citeClause(clause: Clause, meta: DocumentMeta | undefined, query: string): Citation {
  return {
    document: clause.document,
    clause: clause.id,
    title: meta?.title ?? clause.document,
    status: meta?.status ?? 'unknown',
    quote: quoteWindow(clause.text, query),
  };
}

/** A verbatim excerpt of `text` of at most MAX_QUOTE_CHARS, centred on the sentence that best matches `query`. */
export function quoteWindow(text: string, query: string): string {
  if (text.length <= MAX_QUOTE_CHARS) return text;
  const best = bestSentence(text, query);
  const at = Math.max(0, text.indexOf(best));
  let start = at;
  let end = Math.min(text.length, at + Math.max(best.length, MAX_QUOTE_CHARS / 2));
  // Grow to whole sentences on either side while there is room.
  while (end - start < MAX_QUOTE_CHARS) {
    const next = text.indexOf('. ', end);
    const previous = text.lastIndexOf('. ', start - 2);
    if (next !== -1 && next + 1 - start <= MAX_QUOTE_CHARS) end = next + 1;
    else if (previous !== -1 && end - (previous + 2) <= MAX_QUOTE_CHARS) start = previous + 2;
    else break;
    if (next === -1 && previous === -1) break;
  }
  return text.slice(start, Math.min(end, start + MAX_QUOTE_CHARS)).trim();
}

/** The quoted block for a person: the quote, then the document title and clause. */
export function formatQuote(citation: Citation): string {
  const reference = clauseReference(citation.clause);
  return `> ${citation.quote.replace(/\n+/g, ' ')}\n— ${citation.title}${reference ? `, ${reference}` : ''}`;
}
