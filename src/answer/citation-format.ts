import type { Clause, DocumentMeta } from '../corpus/index.js';
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
  let start = Math.max(0, text.indexOf(best));
  let end = Math.min(text.length, start + best.length);
  // Grow by whole sentences, after then before, while the window stays within the limit.
  for (let grown = true; grown; ) {
    grown = false;
    const next = text.indexOf('. ', end);
    const nextEnd = next === -1 ? text.length : next + 1;
    if (nextEnd > end && nextEnd - start <= MAX_QUOTE_CHARS) {
      end = nextEnd;
      grown = true;
    }
    const previous = start >= 2 ? text.lastIndexOf('. ', start - 2) : -1;
    const previousStart = previous === -1 ? 0 : previous + 2;
    if (previousStart < start && end - previousStart <= MAX_QUOTE_CHARS) {
      start = previousStart;
      grown = true;
    }
  }
  return text.slice(start, Math.min(end, start + MAX_QUOTE_CHARS)).trim();
}

/** The quoted block for a person: the quote, then the document title and clause. */
export function formatQuote(citation: Citation): string {
  const reference = clauseReference(citation.clause);
  return `> ${citation.quote.replace(/\n+/g, ' ')}\n— ${citation.title}${reference ? `, ${reference}` : ''}`;
}
