import { describe, expect, it } from 'vitest';
import { oneSlipApart, SpellingCorrector } from '../../../src/search/text/spelling-correction.js';
import { terms } from '../../../src/search/text/tokenizer.js';

describe('oneSlipApart', () => {
  it.each([
    ['oficer', 'officer', 'a letter left out'],
    ['mointor', 'monitor', 'two neighbours swapped'],
    ['offficer', 'officer', 'a letter typed twice'],
    ['independant', 'independent', 'a wrong vowel in a longer word'],
    ['politipal', 'political', 'a wrong letter in a long word'],
  ])('%s ~ %s (%s)', (typed, intended) => {
    expect(oneSlipApart(typed, intended)).toBe(true);
  });

  it.each([
    ['stuff', 'staff', 'a short word with another vowel is usually another word'],
    ['project', 'protect', 'a consonant swapped in a word under eight letters'],
    ['complain', 'complaint', 'a different ending'],
    ['claus', 'caus', 'an extra letter that does not repeat its neighbour'],
    ['competent', 'component', 'two slips'],
  ])('%s ≁ %s (%s)', (typed, intended) => {
    expect(oneSlipApart(typed, intended)).toBe(false);
  });
});

describe('SpellingCorrector', () => {
  const vocabulary = (text: string) => {
    const counts = new Map<string, number>();
    for (const term of terms(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
    return [...counts].map(([term, frequency]) => ({ term, frequency }));
  };
  const corrector = new SpellingCorrector(
    vocabulary('officer officers office monitoring committee committees dispensation 151 need know'),
  );

  it('maps a misspelt query term to the corpus term it most likely meant', () => {
    expect(corrector.correct(terms('oficer')[0] as string)).toBe(terms('officer')[0]);
    expect(corrector.correct(terms('mointoring')[0] as string)).toBe(terms('monitoring')[0]);
    expect(corrector.correct(terms('comittee')[0] as string)).toBe(terms('committee')[0]);
    expect(corrector.correct(terms('dispensaton')[0] as string)).toBe(terms('dispensation')[0]);
  });

  it('leaves short words, numbers and words no single slip explains alone', () => {
    expect(corrector.correct('kown')).toBeNull();
    expect(corrector.correct('1511')).toBeNull();
    expect(corrector.correct('weather')).toBeNull();
    expect(corrector.correct('poem')).toBeNull();
  });
});
