import type { Clause } from '../corpus/index.js';
import type { Citation } from './answer-schema.js';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Keeps only citations that name a clause of the corpus and quote it verbatim (whitespace-normalised). Whatever a
 * composer produced, nothing reaches a user that the documents do not say.
 */
export function verifiedCitations(citations: Citation[], clauses: readonly Clause[]): Citation[] {
  return citations.filter((citation) => {
    const quote = squash(citation.quote);
    if (quote === '') return false;
    return clauses.some(
      (clause) =>
        clause.document === citation.document &&
        (citation.clause === null || clause.id === citation.clause) &&
        squash(clause.text).includes(quote),
    );
  });
}
