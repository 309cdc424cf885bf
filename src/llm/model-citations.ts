import type { Citation, ComposeInput } from '../answer/index.js';
import type { ModelAnswer } from './answer-output-schema.js';

/** A quote shorter than this proves nothing (unless it is the whole clause). */
const MIN_QUOTE_CHARS = 12;
/** At most this many citations are kept from one answer. */
const MAX_CITATIONS = 4;

/** Why a model citation was dropped. */
export type DroppedReason = 'unknown_clause' | 'misquote' | 'quote_too_short' | 'duplicate';

/** The outcome of checking a model's citations. */
export interface CheckedCitations {
  /** Complete citations naming a supplied clause and quoting it verbatim, in the model's order. */
  kept: Citation[];
  /** What was dropped and why, for logs. */
  dropped: { document: string; clause: string; reason: DroppedReason }[];
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Keeps a model citation only when it names one of the supplied clauses (document id and clause id) and its quote
 * appears verbatim in that clause's text after whitespace normalisation. Wrapping quotation marks and ellipses
 * are not part of a quote and are trimmed; nothing inside the quote is forgiven (case, punctuation, words).
 */
export function checkModelCitations(
  citations: ModelAnswer['citations'],
  input: ComposeInput,
): CheckedCitations {
  const kept: Citation[] = [];
  const dropped: CheckedCitations['dropped'] = [];
  const seen = new Set<string>();
  for (const citation of citations) {
    const document = citation.document.trim();
    const clauseId = citation.clause.trim().replace(/^§\s*/, '');
    const drop = (reason: DroppedReason) => dropped.push({ document, clause: clauseId, reason });
    const candidates = input.hits.filter(
      (hit) => hit.clause.document === document && hit.clause.id === clauseId,
    );
    if (candidates.length === 0) {
      drop('unknown_clause');
      continue;
    }
    const quote = trimQuote(squash(citation.quote));
    // A document may print the same clause number twice: any supplied clause of that id that holds the quote will do.
    const source = candidates.find((hit) => quote !== '' && squash(hit.clause.text).includes(quote));
    if (!source) {
      drop('misquote');
      continue;
    }
    if (quote.length < MIN_QUOTE_CHARS && quote !== squash(source.clause.text)) {
      drop('quote_too_short');
      continue;
    }
    const key = `${document}#${clauseId}#${quote}`;
    if (seen.has(key) || kept.length >= MAX_CITATIONS) {
      drop('duplicate');
      continue;
    }
    seen.add(key);
    const meta = input.documents.get(document);
    kept.push({
      document,
      clause: source.clause.id,
      title: meta?.title ?? document,
      status: meta?.status ?? 'unknown',
      quote,
    });
  }
  return { kept, dropped };
}

function trimQuote(quote: string): string {
  return quote
    .replace(/^["“”'‘’«»]+|["“”'‘’«»]+$/g, '')
    .replace(/^(\.\.\.|…)\s*|\s*(\.\.\.|…)$/g, '')
    .trim();
}
