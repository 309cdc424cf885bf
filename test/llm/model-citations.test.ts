import { describe, expect, it } from 'vitest';
import { checkModelCitations } from '../../src/llm/model-citations.js';
import { composeInput } from './corpus-hits.js';

describe('checking the model’s citations against the supplied clauses', () => {
  it('finds a quote in either of two clauses that print the same number (Swale’s draft repeats 2.1)', () => {
    const input = composeInput('Who are officers accountable to?', [['swale-draft-protocol', '2.1']]);
    const first = input.hits[0];
    if (!first) throw new Error('fixture');
    const second = {
      ...first,
      clause: {
        ...first.clause,
        key: 'swale-draft-protocol#second-2.1',
        text: 'Members are accountable to the electorate and serve only for as long as their term of office lasts whereas officers are employees of the council and accountable to it.',
      },
    };
    const { kept, dropped } = checkModelCitations(
      [
        {
          document: 'swale-draft-protocol',
          clause: '2.1',
          quote: 'officers are employees of the council and accountable to it',
        },
      ],
      { ...input, hits: [first, second] },
    );

    expect(dropped).toEqual([]);
    expect(kept).toEqual([
      {
        document: 'swale-draft-protocol',
        clause: '2.1',
        title: 'Draft Protocol for Member/Officer Relations (Swale Borough Council, Appendix I)',
        status: 'draft',
        quote: 'officers are employees of the council and accountable to it',
      },
    ]);
  });

  it('drops quotes too short to prove anything, repeats, and clauses of another document', () => {
    const input = composeInput('Reply times?', [['part5c', '6.2']]);
    const quote = 'must be replied to within two working days';
    const { kept, dropped } = checkModelCitations(
      [
        { document: 'part5c', clause: '6.2', quote: 'two' },
        { document: 'part5c', clause: '6.2', quote },
        { document: 'part5c', clause: '6.2', quote: `  ${quote} ` },
        { document: 'bursledon', clause: '6.2', quote },
      ],
      input,
    );

    expect(kept.map((citation) => citation.quote)).toEqual([quote]);
    expect(dropped.map((entry) => entry.reason)).toEqual(['quote_too_short', 'duplicate', 'unknown_clause']);
  });
});
