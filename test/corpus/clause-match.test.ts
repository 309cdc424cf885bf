import { describe, expect, it } from 'vitest';
import { citationAcceptable, clauseIdsMatch, normaliseClauseId } from '../../src/corpus/clause-match.js';

describe('clauseIdsMatch', () => {
  const table: Array<[expected: string, cited: string, matches: boolean]> = [
    ['6.2', '6.2', true],
    ['6.2', '6.2(a)', true],
    ['6.2(a)', '6.2', true],
    ['6.2', '6.2.1', true],
    ['3.1.5', '3.1', true],
    ['3.1', '3.1.5', true],
    ['4.19(iii)', '4.19', true],
    ['4.19', '4.19(iii)', true],
    ['2.2', '2.2(a)(i)', true],
    ['6.2', '6.20', false],
    ['6.2', '6.3', false],
    ['6.2(a)', '6.2(b)', false],
    ['3.1.5', '3.1.1', false],
    ['6', '6.2', false],
    ['6.2', '6', false],
    ['6', '6', true],
    ['4', '4(a)', true],
    ['1(b)', '1', true],
    ['8.2(a)', ' 8.2 (a) ', true],
    ['§6.2', '6.2.', true],
    ['Declarations of Interest', 'declarations of interest', true],
    ['', '6.2', false],
  ];
  for (const [expected, cited, matches] of table) {
    it(`${JSON.stringify(expected)} vs ${JSON.stringify(cited)} → ${matches}`, () => {
      expect(clauseIdsMatch(expected, cited)).toBe(matches);
    });
  }

  it('normalises case, spaces, § and a trailing full stop', () => {
    expect(normaliseClauseId(' § 2.2 (A). ')).toBe('2.2(a)');
  });
});

describe('citationAcceptable', () => {
  const expected = [
    ['part5c', '6.2'],
    ['swale-draft-protocol', '4.1'],
    ['swale-agenda', null],
  ] as const;
  it('needs the same document', () => {
    expect(citationAcceptable(expected, { document: 'part5c', clause: '6.2' })).toBe(true);
    expect(citationAcceptable(expected, { document: 'district-code', clause: '6.2' })).toBe(false);
  });
  it('treats an expected null clause as any clause of the document, including an unnumbered one', () => {
    expect(citationAcceptable(expected, { document: 'swale-agenda', clause: '4' })).toBe(true);
    expect(citationAcceptable(expected, { document: 'swale-agenda', clause: null })).toBe(true);
  });
  it('never accepts a cited null clause against an expected numbered one', () => {
    expect(citationAcceptable(expected, { document: 'part5c', clause: null })).toBe(false);
  });
});
