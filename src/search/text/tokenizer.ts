import { stem } from './stemmer.js';
import { questionFillerWords, stopWords } from './stop-words.js';

/** Bump whenever normalisation, stemming or stop words change: persisted lexical indexes then rebuild. */
export const analyserVersion = 4;

/** One word of a text after normalisation: the surface form (lower-case) and its stem. */
export interface Token {
  word: string;
  term: string;
}

/** US spellings folded to the UK ones the corpus uses, so either spelling finds the clause. */
const ukSpellings: ReadonlyMap<string, string> = new Map([
  ['behavior', 'behaviour'],
  ['behaviors', 'behaviours'],
  ['favor', 'favour'],
  ['favors', 'favours'],
  ['honor', 'honour'],
  ['labor', 'labour'],
  ['judgment', 'judgement'],
  ['defense', 'defence'],
  ['offense', 'offence'],
  ['license', 'licence'],
  ['program', 'programme'],
  ['center', 'centre'],
  ['counselor', 'councillor'],
  ['councilor', 'councillor'],
  ['councilors', 'councillors'],
  ['councilman', 'councillor'],
  ['councilwoman', 'councillor'],
]);

/**
 * Lower-cases, folds look-alike characters (Unicode NFKC: full-width letters, ligatures, non-breaking spaces),
 * drops apostrophes so "councillor's" joins up, and turns every other non-letter, non-digit into a space.
 */
export function normaliseText(text: string): string {
  // Plain ASCII (most clauses) needs neither NFKC nor Unicode classes; the fast path gives the same result.
  if (asciiOnly.test(text)) {
    return text.toLowerCase().replace(asciiApostrophes, '').replace(asciiSeparators, ' ').trim();
  }
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['\u2018\u2019\u02bc`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const asciiOnly = /^[\x00-\x7f]*$/;
const asciiApostrophes = /['`]/g;
const asciiSeparators = /[^a-z0-9]+/g;

/** UK spelling of a lower-case word: a short table plus -ize/-ization → -ise/-isation. */
export function ukSpelling(word: string): string {
  const mapped = ukSpellings.get(word);
  if (mapped) return mapped;
  if (word.length > 5) {
    const replaced = word.replace(/iz(e|es|ed|ing|ation|ations|er|ers)$/, 'is$1');
    if (replaced !== word) return replaced;
  }
  return word;
}

/** Every word of the text, normalised and spelled the UK way, stop words kept (for phrase matching). */
export function words(text: string): string[] {
  const normalised = normaliseText(text);
  if (normalised === '') return [];
  return normalised.split(' ').map(ukSpelling);
}

/**
 * Content tokens of a text: normalised words without stop words, each with its stem. With `query: true`, question
 * framing words ("allowed", "explain") are dropped too.
 */
export function tokenize(text: string, options: { query?: boolean } = {}): Token[] {
  const tokens: Token[] = [];
  for (const word of words(text)) {
    if (stopWords.has(word)) continue;
    if (options.query && questionFillerWords.has(word)) continue;
    if (word.length === 1 && !/\d/.test(word)) continue;
    tokens.push({ word, term: stem(word) });
  }
  return tokens;
}

/** The stemmed content terms of a text, in order (duplicates kept). */
export function terms(text: string, options: { query?: boolean } = {}): string[] {
  return tokenize(text, options).map((token) => token.term);
}

/** Adjacent pairs of a term sequence as single terms: "officer expect" and "expect councillor" from "officers can expect from councillors". */
export function bigramsOf(termList: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let index = 1; index < termList.length; index++)
    pairs.push(`${termList[index - 1]} ${termList[index]}`);
  return pairs;
}
