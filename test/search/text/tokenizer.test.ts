import { describe, expect, it } from 'vitest';
import { stem } from '../../../src/search/text/stemmer.js';
import { bigramsOf, normaliseText, terms, tokenize, ukSpelling } from '../../../src/search/text/tokenizer.js';

describe('normaliseText', () => {
  it('lower-cases, folds look-alike characters and strips punctuation', () => {
    expect(normaliseText('ＣＯＵＮＣＩＬＬＯＲ’s e-mail, ﬁled (Part 5C)')).toBe(
      'councillors e mail filed part 5c',
    );
  });

  it('joins possessives so they stem like plurals', () => {
    expect(terms("a councillor's email")).toEqual(terms('councillors email'));
  });
});

describe('ukSpelling', () => {
  it('folds US spellings to the UK ones the corpus uses', () => {
    expect(ukSpelling('behavior')).toBe('behaviour');
    expect(ukSpelling('organization')).toBe('organisation');
    expect(ukSpelling('councilor')).toBe('councillor');
    expect(ukSpelling('size')).toBe('size');
  });
});

describe('stem', () => {
  it.each([
    ['councillors', 'councillor'],
    ['meetings', 'meet'],
    ['meeting', 'meet'],
    ['replies', 'repli'],
    ['replied', 'repli'],
    ['reply', 'repli'],
    ['bullying', 'bulli'],
    ['bullied', 'bulli'],
    ['organised', 'organis'],
    ['organising', 'organis'],
    ['organise', 'organis'],
    ['hopping', 'hop'],
    ['agreed', 'agre'],
    ['agree', 'agre'],
    ['provide', 'provid'],
    ['provided', 'provid'],
    ['declined', 'declin'],
    ['code', 'code'],
    ['used', 'us'],
    ['use', 'us'],
    ['heard', 'hear'],
    ['given', 'give'],
    ['responsibility', 'responsibl'],
    ['responsible', 'responsibl'],
    ['accountability', 'accountabl'],
    ['business', 'business'],
    ['151', '151'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe('tokenize', () => {
  it('drops stop words but keeps domain words such as "need" and "know"', () => {
    expect(terms('What is the need to know principle?')).toEqual(['need', 'know', 'principl']);
  });

  it('drops question framing words only from queries', () => {
    expect(terms('Am I allowed to attend?', { query: true })).toEqual(['attend']);
    expect(terms('Am I allowed to attend?')).toEqual(['allow', 'attend']);
  });

  it('finds the base form of a verb in its -ed, -ing and irregular forms', () => {
    expect(terms('officers will decline to attend')).toEqual(terms('the officer declined to attend'));
    expect(terms('which they hear at the meeting')).toEqual(terms('what they heard at the meeting'));
    expect(terms('Responsibility for the operation')).toEqual(terms('responsible for the operation'));
  });

  it('keeps the surface word beside its stem', () => {
    expect(tokenize('Officers replied')).toEqual([
      { word: 'officers', term: 'officer' },
      { word: 'replied', term: 'repli' },
    ]);
  });
});

describe('bigramsOf', () => {
  it('pairs neighbouring content terms, stop words already gone', () => {
    expect(bigramsOf(terms('Officers can expect from Councillors'))).toEqual([
      'officer expect',
      'expect councillor',
    ]);
    expect(bigramsOf(terms('officers'))).toEqual([]);
  });
});
