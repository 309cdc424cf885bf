import { describe, expect, it } from 'vitest';
import { Bm25Index, type LexicalFields } from '../../src/search/bm25-index.js';
import { analyseQuery } from '../../src/search/text/synonym-expansion.js';

const doc = (text: string, headings = '', context = '', document = ''): LexicalFields => ({
  text,
  headings,
  context,
  document,
});

describe('Bm25Index', () => {
  const index = Bm25Index.build([
    doc('Officers must reply to emails from councillors within ten working days.', 'CORRESPONDENCE'),
    doc('Officers may attend political group meetings at the invitation of the group.', 'POLITICAL GROUPS'),
    doc('Council stationery must not be used for campaigning.', 'USE OF RESOURCES'),
    doc('The group leader chairs the group. The group meets monthly in the group room.', 'GROUP MATTERS'),
    doc('Councillors should not copy correspondence to other councillors.', 'CORRESPONDENCE'),
  ]);
  const search = (query: string, limit = 5) => index.search(analyseQuery(query).weighted, limit).top;

  it('ranks the clause that holds the rare query terms first', () => {
    expect(search('reply to an email')[0]?.doc).toBe(0);
    expect(search('stationery for campaigning')[0]?.doc).toBe(2);
  });

  it('finds a clause through a synonym the clause uses, below an exact match', () => {
    expect(search('respond').map((hit) => hit.doc)).toEqual([0]);
    const emailHits = search('email').map((hit) => hit.doc);
    expect(emailHits.slice(0, 2)).toEqual([0, 4]);
  });

  it('saturates term frequency and normalises length', () => {
    const hits = search('political group');
    expect(hits[0]?.doc).toBe(1);
  });

  it('scores heading matches', () => {
    const headingOnly = Bm25Index.build([
      doc('Text about something.', 'RESOURCES'),
      doc('Other text.', 'OTHER'),
    ]);
    const hits = headingOnly.search(analyseQuery('resources').weighted, 5).top;
    expect(hits.map((hit) => hit.doc)).toEqual([0]);
  });

  it('returns a score lookup consistent with the top list, and resets between searches', () => {
    const first = index.search(analyseQuery('stationery').weighted, 5);
    expect(first.scoreOf(2)).toBeGreaterThan(0);
    const second = index.search(analyseQuery('email').weighted, 5);
    expect(second.scoreOf(2)).toBe(0);
    expect(second.scoreOf(0)).toBe(second.top[0]?.score);
  });

  it('answers nothing for unknown words, and honours the limit', () => {
    expect(search('zebra crossing')).toEqual([]);
    expect(search('officers councillors group', 2)).toHaveLength(2);
    expect(index.has('stationeri')).toBe(true);
    expect(index.has('zebra')).toBe(false);
  });

  it('round-trips through its flat form, and refuses parts that do not fit', () => {
    const flat = index.serialise();
    const restored = Bm25Index.restore(flat);
    const query = analyseQuery('political group meetings').weighted;
    expect(restored.search(query, 5).top).toEqual(index.search(query, 5).top);
    expect(() => Bm25Index.restore({ ...flat, offsets: flat.offsets.subarray(1) })).toThrow(/do not fit/);
    expect(() => Bm25Index.restore({ ...flat, size: 1 })).toThrow(/missing clause/);
  });
});
