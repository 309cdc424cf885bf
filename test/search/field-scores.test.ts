import { describe, expect, it } from 'vitest';
import { Bm25Index, type LexicalFields } from '../../src/search/bm25-index.js';
import { FieldScorer, scoredFields } from '../../src/search/field-scores.js';
import { terms } from '../../src/search/text/tokenizer.js';

const fields: LexicalFields[] = [
  {
    text: 'Officers should reply to correspondence within ten working days.',
    headings: 'Correspondence',
    context: '',
    document: 'Part 5C',
  },
  {
    text: 'Councillors must not bully officers.',
    headings: 'Conduct',
    context: 'Officers can expect from councillors:',
    document: 'Part 5C',
  },
  {
    text: 'Councillors must not bully officers or put undue pressure on them by calls late at night, at weekends or through repeated messages about a report they want changed.',
    headings: 'Conduct',
    context: '',
    document: 'Part 5C',
  },
  { text: 'Group meetings are private.', headings: 'Political groups', context: '', document: 'Swale' },
];

function query(text: string) {
  return terms(text).map((term) => ({ term, weight: 1 }));
}

function scorer() {
  return new FieldScorer(() => fields, Bm25Index.build(fields));
}

describe('per-field BM25 of candidate clauses', () => {
  it('scores a word where it occurs: the heading, the text or the parent lead-in', () => {
    const scores = scorer().scores(query('correspondence'), [0, 1]);
    const [text, headings, context] = scores.get(0) as number[];
    expect(text).toBeGreaterThan(0);
    expect(headings).toBeGreaterThan(0);
    expect(context).toBe(0);
    expect(scores.get(1)).toEqual([0, 0, 0]);
    const expect1 = scorer().scores(query('expect'), [1]).get(1) as number[];
    expect(expect1[scoredFields.indexOf('context')]).toBeGreaterThan(0);
    expect(expect1[scoredFields.indexOf('text')]).toBe(0);
  });

  it('normalises by length: the same words count for more in a short clause than in a long one', () => {
    const scores = scorer().scores(query('bully officers'), [1, 2]);
    expect((scores.get(1) as number[])[0]).toBeGreaterThan((scores.get(2) as number[])[0] as number);
  });

  it('counts a term by the asker’s weight and ignores words the corpus does not have', () => {
    const plain = scorer().scores(query('group meetings'), [3]).get(3) as number[];
    const halved = scorer()
      .scores(
        query('group meetings').map((term) => ({ ...term, weight: 0.5 })),
        [3],
      )
      .get(3) as number[];
    expect(halved[0]).toBeCloseTo((plain[0] as number) / 2, 6);
    expect(scorer().scores(query('zebra crossing'), [0, 1, 2, 3]).get(2)).toEqual([0, 0, 0]);
  });

  it('matches the index on the text field alone when the other fields are empty', () => {
    const only: LexicalFields[] = fields.map((field) => ({
      ...field,
      headings: '',
      context: '',
      document: '',
    }));
    const index = Bm25Index.build(only);
    const fieldScorer = new FieldScorer(() => only, index);
    const asked = query('councillors must not bully officers');
    const result = index.search(asked, 10);
    for (const doc of [1, 2]) {
      expect((fieldScorer.scores(asked, [doc]).get(doc) as number[])[0]).toBeCloseTo(result.scoreOf(doc), 4);
    }
  });
});
