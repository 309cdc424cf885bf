import { describe, expect, it } from 'vitest';
import type { Clause } from '../../src/corpus/clause.js';
import { parseClauseList } from '../../src/corpus/clause-list.js';

const clause = (document: string, id: string) => ({ document, id }) as Clause;
const clauses = [
  clause('part5c', '6.2'),
  clause('part5c', '6.3'),
  clause('swale-draft-protocol', '4.1'),
  clause('haringey-draft-protocol', '4.19(iii)'),
];

describe('a typed list of clauses', () => {
  it('reads ids separated by spaces, colons or §, in lists split by commas, semicolons or lines', () => {
    expect(
      parseClauseList('part5c 6.2; swale-draft-protocol:4.1,\nharingey-draft-protocol §4.19(iii)', clauses),
    ).toEqual({
      ok: true,
      clauses: [
        ['part5c', '6.2'],
        ['swale-draft-protocol', '4.1'],
        ['haringey-draft-protocol', '4.19(iii)'],
      ],
    });
  });

  it('takes a document id alone as the whole document, ignores case, blanks and repeats', () => {
    expect(parseClauseList(' Part5C 6.3 ;; part5c 6.3; swale-draft-protocol ', clauses)).toEqual({
      ok: true,
      clauses: [
        ['part5c', '6.3'],
        ['swale-draft-protocol', null],
      ],
    });
    expect(parseClauseList('', clauses)).toEqual({ ok: true, clauses: [] });
  });

  it('names the entry at fault: an unknown document or a clause the document does not have', () => {
    const unknown = parseClauseList('part5c 6.2; part 5C 6.2', clauses);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) {
      expect(unknown.message).toContain('“part 5C 6.2”');
      expect(unknown.message).toContain('part5c, swale-draft-protocol');
    }
    expect(parseClauseList('part5c 8.3', clauses)).toEqual({
      ok: false,
      message: 'part5c has no clause 8.3.',
    });
  });
});
