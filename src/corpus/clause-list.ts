import type { Clause } from './clause.js';
import { type ExpectedCitation, normaliseClauseId } from './clause-match.js';

/** What a typed list of clauses came to: the clauses, or the first entry that names none. */
export type ClauseListResult = { ok: true; clauses: ExpectedCitation[] } | { ok: false; message: string };

/**
 * Reads a list of clauses as a person types them — `part5c 6.2; swale-draft-protocol §4.1`, `part5c:6.2`, one per
 * line or separated by commas or semicolons; a document id alone means the whole document — and checks each against
 * the corpus. The Monitoring Officer names, with an answer, the clauses that answer the case; a typo is reported
 * naming the entry and the documents there are, not stored.
 */
export function parseClauseList(text: string, clauses: readonly Clause[]): ClauseListResult {
  const documents = new Map<string, Set<string>>();
  for (const clause of clauses) {
    const ids = documents.get(clause.document) ?? new Set<string>();
    ids.add(normaliseClauseId(clause.id));
    documents.set(clause.document, ids);
  }
  const found: ExpectedCitation[] = [];
  for (const entry of text.split(/[;,\n]+/)) {
    const trimmed = entry.trim();
    if (trimmed === '') continue;
    const match = /^([A-Za-z0-9][\w-]*)(?:\s*[:\s]\s*(.+))?$/.exec(trimmed);
    const document = match?.[1]?.toLowerCase();
    const ids = document === undefined ? undefined : documents.get(document);
    if (!match || document === undefined || ids === undefined) {
      return {
        ok: false,
        message: `“${trimmed}” does not start with a document id (${[...documents.keys()].join(', ')}).`,
      };
    }
    const clause = match[2] === undefined ? null : match[2].trim();
    if (clause !== null && !ids.has(normaliseClauseId(clause))) {
      return { ok: false, message: `${document} has no clause ${clause}.` };
    }
    const pair: ExpectedCitation = [document, clause === null ? null : clause.replace(/^§\s*/, '')];
    if (!found.some(([knownDocument, knownClause]) => knownDocument === pair[0] && knownClause === pair[1]))
      found.push(pair);
  }
  return { ok: true, clauses: found };
}
