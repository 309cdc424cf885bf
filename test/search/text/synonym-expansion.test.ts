import { describe, expect, it } from 'vitest';
import {
  analyseQuery,
  compileLexicon,
  coverageOf,
  expansionWeight,
  findSynonyms,
  unknownPhraseExpansionWeight,
} from '../../../src/search/text/synonym-expansion.js';
import { synonymLexicon } from '../../../src/search/text/synonym-lexicon.js';
import { terms, tokenize } from '../../../src/search/text/tokenizer.js';

describe('synonym lexicon', () => {
  it('has at least forty groups with unique ids, every phrase analysable', () => {
    expect(synonymLexicon.length).toBeGreaterThanOrEqual(40);
    expect(new Set(synonymLexicon.map((group) => group.id)).size).toBe(synonymLexicon.length);
    for (const group of synonymLexicon) {
      for (const phrase of group.phrases) expect(terms(phrase), `${group.id}: ${phrase}`).not.toEqual([]);
    }
  });
});

describe('findSynonyms', () => {
  it('prefers the longest phrase, so "monitoring officer" is not also "officer"', () => {
    const matches = findSynonyms(tokenize('ask the monitoring officer'));
    expect(matches.map((match) => match.group.id)).toEqual(['monitoring-officer']);
  });

  it('matches abbreviations and spelled-out forms to the same group', () => {
    const ids = (text: string) => findSynonyms(tokenize(text)).map((match) => match.group.id);
    expect(ids('the s151 officer')).toContain('chief-finance-officer');
    expect(ids('the Section 151 Officer')).toContain('chief-finance-officer');
    expect(ids('Cllr Smith')).toContain('councillor');
    expect(ids('during purdah')).toContain('pre-election');
    expect(ids('the pre-election period')).toContain('pre-election');
  });

  it('compiles a custom lexicon', () => {
    const lexicon = compileLexicon([{ id: 'clerk', phrases: ['clerk', 'proper officer'] }]);
    expect(findSynonyms(tokenize('the proper officer'), lexicon).map((match) => match.group.id)).toEqual([
      'clerk',
    ]);
  });
});

describe('analyseQuery', () => {
  it('keeps the asker’s words at full weight and adds synonyms at reduced weight', () => {
    const query = analyseQuery('How quickly must I reply to a cllr email?');
    const weight = (term: string) => query.weighted.find((entry) => entry.term === term)?.weight;
    expect(weight('repli')).toBe(1);
    expect(weight('cllr')).toBe(1);
    expect(weight('councillor')).toBe(expansionWeight);
    expect(weight('respond')).toBe(expansionWeight);
    expect(weight('letter')).toBe(expansionWeight);
    expect(query.groups).toEqual(expect.arrayContaining(['councillor', 'reply', 'correspondence']));
  });

  it('weighs the synonyms of a phrase the corpus never uses nearly as the asker’s own words', () => {
    const corpus = new Set(terms('officers must reply to emails from councillors'));
    const query = analyseQuery('reply to a cllr email', undefined, {
      has: (term) => corpus.has(term),
      correct: () => null,
    });
    const weight = (term: string) => query.weighted.find((entry) => entry.term === term)?.weight;
    expect(weight('councillor')).toBe(unknownPhraseExpansionWeight);
    expect(weight('respond')).toBe(expansionWeight);
  });

  it('counts a query term as covered when a synonym of it is in the clause', () => {
    const query = analyseQuery('reply to a cllr email');
    const clause = new Set(terms('Officers must respond to letters from councillors'));
    expect(coverageOf(query.content, clause)).toBe(1);
    expect(coverageOf(query.content, new Set(terms('Officers must respond')))).toBeCloseTo(1 / 3);
    expect(coverageOf(query.content, new Set())).toBe(0);
  });

  it('corrects a misspelt word the corpus does not use before finding lexicon phrases', () => {
    const corpus = new Set(terms('the monitoring officer and the independent persons'));
    const corrections = new Map([
      ['oficer', 'officer'],
      ['independant', 'independent'],
    ]);
    const query = analyseQuery('does the monitoring oficer find the independant persons useful', undefined, {
      has: (term) => corpus.has(term),
      correct: (term) => corrections.get(term) ?? null,
    });
    expect(query.tokens.map((token) => token.term)).toEqual(
      terms('monitoring officer find independent persons useful'),
    );
    expect(query.groups).toContain('monitoring-officer');
  });

  it('covers a multi-word concept only when the whole phrase is present', () => {
    const query = analyseQuery('what does the MO do');
    expect(coverageOf(query.content, new Set(terms('the monitoring officer decides')))).toBe(1);
    expect(coverageOf(query.content, new Set(terms('the officer decides')))).toBe(0);
  });
});
