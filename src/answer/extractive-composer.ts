import type { SearchHit } from '../search/index.js';
import { citeClause, clauseReference, formatQuote } from './citation-format.js';
import type { ComposedAnswer, ComposeInput, Composer } from './composer.js';
import { bestSentence } from './text-overlap.js';

/** At most this many clauses are quoted in one answer. */
const MAX_CITATIONS = 3;
/** A further clause is quoted only when it scores at least this share of the best one. */
const RELATIVE_SCORE_FLOOR = 0.6;

/**
 * The offline composer: the sentence of the best clause that answers the question, a second from another
 * council's document when one also applies, then the clauses quoted verbatim with title and clause id.
 */
export function createExtractiveComposer(): Composer {
  return {
    async compose(input: ComposeInput): Promise<ComposedAnswer> {
      const chosen = chooseClauses(input.hits);
      const citations = chosen.map((hit) =>
        citeClause(hit.clause, input.documents.get(hit.clause.document), input.question),
      );
      const [first, ...rest] = chosen;
      if (!first) return { decision: 'escalate', text: '', citations: [] };

      const lead = sentenceFor(first, input);
      const otherDocument = rest.find((hit) => hit.clause.document !== first.clause.document);
      const lines = [lead];
      if (otherDocument) lines.push(sentenceFor(otherDocument, input, true));
      const quotes = citations.map(formatQuote).join('\n\n');
      return { decision: 'answer', text: `${lines.join(' ')}\n\n${quotes}`, citations };
    },
  };
}

function sentenceFor(hit: SearchHit, input: ComposeInput, also = false): string {
  const meta = input.documents.get(hit.clause.document);
  const name = meta?.shortTitle ?? meta?.title ?? hit.clause.document;
  const sentence = bestSentence(hit.clause.text, input.question)
    .replace(/^[-•–]\s*/, '')
    .replace(/[;:,]\s*$/, '')
    .trim();
  const ending = /[.!?]$/.test(sentence) ? '' : '.';
  const source = `${capitalise(name)} ${clauseReference(hit.clause.id)}`.trim();
  return also ? `${source} also says: “${sentence}${ending}”` : `${source} says: “${sentence}${ending}”`;
}

function chooseClauses(hits: SearchHit[]): SearchHit[] {
  const top = hits[0];
  if (!top) return [];
  const eligible = hits.filter((hit) => hit.score >= top.score * RELATIVE_SCORE_FLOOR);
  const chosen: SearchHit[] = [top];
  const heldBack: SearchHit[] = [];
  const perDocument = new Map<string, number>([[top.clause.document, 1]]);
  for (const hit of eligible.slice(1)) {
    if (chosen.length >= MAX_CITATIONS) break;
    // A parent and its own sub-item say the same thing twice.
    if (chosen.some((other) => related(other, hit))) continue;
    const count = perDocument.get(hit.clause.document) ?? 0;
    // Room is kept for another council's view; a third clause of one document waits until none comes.
    if (count >= 2) {
      heldBack.push(hit);
      continue;
    }
    chosen.push(hit);
    perDocument.set(hit.clause.document, count + 1);
  }
  for (const hit of heldBack) {
    if (chosen.length >= MAX_CITATIONS) break;
    if (!chosen.some((other) => related(other, hit))) chosen.push(hit);
  }
  return chosen.sort((left, right) => eligible.indexOf(left) - eligible.indexOf(right));
}

function related(left: SearchHit, right: SearchHit): boolean {
  if (left.clause.document !== right.clause.document) return false;
  return (
    left.clause.text.includes(right.clause.text) ||
    right.clause.text.includes(left.clause.text) ||
    left.clause.parent === right.clause.id ||
    right.clause.parent === left.clause.id
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
