import { describe, expect, it } from 'vitest';
import { featureIndex } from '../../src/search/index.js';
import { useShippedRetriever } from './shipped-retriever.js';

/** The ranking signals beyond BM25F and dense similarity, on the shipped corpus. */
describe('ranking signals', () => {
  const shipped = useShippedRetriever('ranking-signals-');

  const cite = (hit: { clause: { document: string; id: string } } | undefined) =>
    hit ? `${hit.clause.document} ${hit.clause.id}` : '';

  it('puts a clause the question quotes by number first, with its number counted as covered', async () => {
    const [top] = await shipped.current.search('What does paragraph 13.2 of the Part 5C protocol say?', 3);
    expect(cite(top)).toBe('part5c 13.2');
    expect(top?.coverage).toBeGreaterThanOrEqual(0.6);
  });

  it('prefers substance over an agenda line or cover that only repeats the title', async () => {
    const hits = await shipped.current.search(
      "What functions does the monitoring officer have, according to Swale's annual report?",
      3,
    );
    expect(cite(hits[0])).toBe('swale-mo-report 2.1');
    expect(hits.map(cite)).not.toContain('swale-agenda 5');
  });

  it('favours the document the question names', async () => {
    const hits = await shipped.current.search(
      'Under the Bursledon protocol, what can officers expect from councillors?',
      3,
    );
    expect(hits.every((hit) => hit.clause.document === 'bursledon')).toBe(true);
    // And the other way round, where Part 5C's §3.1 says the same thing in nearly the same words.
    const reverse = await shipped.current.search(
      'Under the Bursledon protocol, what can councillors expect from officers?',
      3,
    );
    expect(reverse.every((hit) => hit.clause.document === 'bursledon')).toBe(true);
  });

  it('does not take a word every clause uses as naming the one document whose title holds it', async () => {
    // Only Part 5C's title ("Councillor/Officer Relations") holds "councillor"; "Bursledon" is one title's and rare.
    const strength = featureIndex('namedDocumentStrength');
    const [plain] = await shipped.current.search('What can councillors expect from officers?', 1);
    const [named] = await shipped.current.search(
      'Under the Bursledon protocol, what can councillors expect from officers?',
      1,
    );
    expect(plain?.features?.[strength]).toBeLessThan(1);
    expect(named?.features?.[strength]).toBeGreaterThan(2);
  });

  it('lets word order tell "officers can expect from councillors" from the reverse', async () => {
    const fromCouncillors = await shipped.current.search('What can officers expect from councillors?', 3);
    const fromOfficers = await shipped.current.search('What can councillors expect from officers?', 3);
    for (const hit of fromCouncillors)
      expect(hit.clause.text).toMatch(/officers can expect from councillors/i);
    for (const hit of fromOfficers) expect(hit.clause.text).toMatch(/councillors can expect from officers/i);
  });

  it('does not read a date as a clause number', async () => {
    // Lexically the two spellings are the same words, so only a clause-number bonus could part them; the sentence
    // encoder reads the raw text and may order them differently, so it is left out of this comparison.
    const lexical = { fusion: 'lexical' } as const;
    const dotted = await shipped.current.search('Standards committee meeting on 18.12.2023', 3, lexical);
    const spaced = await shipped.current.search('Standards committee meeting on 18 12 2023', 3, lexical);
    expect(dotted.map(cite)).toEqual(spaced.map(cite));
  });
});
