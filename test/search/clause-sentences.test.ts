import { describe, expect, it } from 'vitest';
import { clauseSentences } from '../../src/search/clause-sentences.js';

describe('clauseSentences', () => {
  it('splits a clause at sentence ends and list lines, dropping fragments too short to score', () => {
    const clause =
      'Requests for information must be replied to within ten working days. Where this is not possible, an acknowledgement must be sent; the full reply follows.\nSee 6.3.\n(a) copies go to the ward councillor concerned';
    expect(clauseSentences(clause)).toEqual([
      'Requests for information must be replied to within ten working days.',
      'Where this is not possible, an acknowledgement must be sent; the full reply follows.',
      '(a) copies go to the ward councillor concerned',
    ]);
  });

  it('gives nothing for a one-sentence clause (its whole-clause vector says it) or a dotted number', () => {
    expect(clauseSentences('Officers are accountable to the Chief Executive.')).toEqual([]);
    expect(
      clauseSentences('Under para 13.2 of Part 5C, officers are accountable to the Chief Executive.'),
    ).toEqual([]);
  });
});
