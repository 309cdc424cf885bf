import type { Clause } from '../corpus/clause.js';
import type { DocumentMeta } from '../corpus/document-manifest.js';
import { clauseReference } from '../search/hybrid-search.js';

/** A clause number the question quotes that no document has, with the clauses nearest to it. */
export interface MissingClause {
  /** As the question wrote it, normalised ("8.3", "4.19(v)"). */
  id: string;
  /** The document it was looked for in. */
  document: string;
  /** Existing clauses of that document with the nearest numbers (same section first), at most three. */
  neighbours: Clause[];
}

/**
 * Clause numbers the question quotes ("para 8.3", "4.19(v)") that `document` does not have — the document the
 * answer leads with, which the ranker prefers when the question names one. Numbers no document has at all are
 * reported too, against the same document.
 */
export function missingClauses(
  question: string,
  clauses: readonly Clause[],
  document: string,
): MissingClause[] {
  const missing: MissingClause[] = [];
  const own = clauses.filter((clause) => clause.document === document);
  for (const match of question.matchAll(clauseReference)) {
    const id = match[0].replace(/\s+/g, '').toLowerCase();
    if (own.some((clause) => clause.id.toLowerCase() === id)) continue;
    if (missing.some((entry) => entry.id === id)) continue;
    missing.push({ id, document, neighbours: nearest(id, own) });
  }
  return missing;
}

/** Says which quoted numbers do not exist and names their neighbours. */
export function describeMissingClauses(
  missing: readonly MissingClause[],
  documents: ReadonlyMap<string, DocumentMeta>,
): string | null {
  if (missing.length === 0) return null;
  return missing
    .map((entry) => {
      const meta = documents.get(entry.document);
      const name = meta?.shortTitle ?? meta?.title ?? entry.document;
      const near = entry.neighbours.map((clause) => `§${clause.id}`);
      return `There is no §${entry.id} in ${name}${near.length ? `; the nearest clauses are ${near.join(', ')}` : ''}.`;
    })
    .join(' ');
}

function nearest(id: string, clauses: readonly Clause[]): Clause[] {
  const target = numbers(id);
  const section = target[0];
  const distance = (clause: Clause) => {
    const parts = numbers(clause.id);
    if (parts.length === 0) return Number.POSITIVE_INFINITY;
    if (parts[0] !== section) return 1000 + Math.abs((parts[0] ?? 0) - (section ?? 0));
    return Math.abs((parts[1] ?? 0) - (target[1] ?? 0)) + 0.01 * Math.abs((parts[2] ?? 0) - (target[2] ?? 0));
  };
  return [...clauses]
    .filter((clause) => distance(clause) < 1000 || clauses.every((other) => distance(other) >= 1000))
    .sort((left, right) => distance(left) - distance(right))
    .slice(0, 3);
}

function numbers(id: string): number[] {
  return (id.match(/^\d+(?:\.\d+)*/)?.[0] ?? '').split('.').filter(Boolean).map(Number);
}
