/**
 * When a cited clause counts as one an eval expected (DESIGN.md): the same clause, a sub-item of it, or its parent
 * — `6.2` ↔ `6.2(a)` ↔ `6.2.1` ↔ `6.2.1(iii)` — but a bare top-level number (`6`, no dot) never matches a dotted
 * clause (`6.2`), because a whole section is too broad to count as a citation. A bare number still matches its own
 * lettered items (`4` ↔ `4(a)`), which is how agendas number their items.
 */

/** Clause ids compared without case, spaces, a leading `§` or a trailing full stop (`§ 6.2.` is `6.2`). */
export function normaliseClauseId(clause: string): string {
  return clause.trim().toLowerCase().replace(/^§\s*/, '').replace(/\s+/g, '').replace(/\.$/, '');
}

/** True when `descendant` lies inside `ancestor` by the rules above (both already normalised, not equal). */
function isWithin(ancestor: string, descendant: string): boolean {
  if (!descendant.startsWith(ancestor)) return false;
  const rest = descendant.slice(ancestor.length);
  if (rest.startsWith('(')) return true;
  // A dotted child (`6.2` inside `6`) only counts when the ancestor is itself dotted.
  return rest.startsWith('.') && ancestor.includes('.');
}

/** Whether two clause ids of the same document match: same clause, a sub-item, or the parent. */
export function clauseIdsMatch(expected: string, cited: string): boolean {
  const left = normaliseClauseId(expected);
  const right = normaliseClauseId(cited);
  if (left === '' || right === '') return false;
  return left === right || isWithin(left, right) || isWithin(right, left);
}

/** An acceptable (document, clause) pair from an eval case; clause `null` means any clause of that document. */
export type ExpectedCitation = readonly [document: string, clause: string | null];

/** Whether a cited (document, clause) is acceptable against one expected pair. */
export function citationMatches(
  expected: ExpectedCitation,
  cited: { document: string; clause: string | null },
) {
  const [document, clause] = expected;
  if (document !== cited.document) return false;
  if (clause === null) return true;
  return cited.clause !== null && clauseIdsMatch(clause, cited.clause);
}

/** Whether a cited (document, clause) is acceptable against any of the expected pairs. */
export function citationAcceptable(
  expected: readonly ExpectedCitation[],
  cited: { document: string; clause: string | null },
): boolean {
  return expected.some((pair) => citationMatches(pair, cited));
}
