import { type SynonymGroup, synonymLexicon } from './synonym-lexicon.js';
import { bigramsOf, type Token, tokenize } from './tokenizer.js';

/** A phrase of the lexicon as stemmed terms. */
type TermSequence = readonly string[];

/** A lexicon phrase found in a text. */
export interface SynonymMatch {
  group: SynonymGroup;
  /** Token positions [start, end) the phrase covers. */
  start: number;
  end: number;
  /** Every phrase of the group as stemmed terms (the matched one included). */
  alternatives: readonly TermSequence[];
}

/** The lexicon compiled for matching: phrases by first term, longest first. */
export interface CompiledLexicon {
  /** Phrases starting with a term, longest first, each with the groups it belongs to. */
  byFirstTerm: ReadonlyMap<string, readonly { terms: TermSequence; groups: readonly SynonymGroup[] }[]>;
  /** Each group's phrases as stemmed terms. */
  alternatives: ReadonlyMap<string, readonly TermSequence[]>;
}

/** Analyses every phrase with the corpus tokenizer, so matching works on stems. */
export function compileLexicon(groups: readonly SynonymGroup[] = synonymLexicon): CompiledLexicon {
  const phraseGroups = new Map<string, { terms: TermSequence; groups: SynonymGroup[] }>();
  const alternatives = new Map<string, TermSequence[]>();
  for (const group of groups) {
    const sequences: TermSequence[] = [];
    for (const phrase of group.phrases) {
      const phraseTerms = tokenize(phrase).map((token) => token.term);
      if (phraseTerms.length === 0) continue;
      const key = phraseTerms.join(' ');
      if (!sequences.some((sequence) => sequence.join(' ') === key)) sequences.push(phraseTerms);
      const entry = phraseGroups.get(key) ?? { terms: phraseTerms, groups: [] };
      if (!entry.groups.includes(group)) entry.groups.push(group);
      phraseGroups.set(key, entry);
    }
    alternatives.set(group.id, sequences);
  }
  const byFirstTerm = new Map<string, { terms: TermSequence; groups: SynonymGroup[] }[]>();
  for (const entry of phraseGroups.values()) {
    const first = entry.terms[0] as string;
    const list = byFirstTerm.get(first) ?? [];
    list.push(entry);
    byFirstTerm.set(first, list);
  }
  for (const list of byFirstTerm.values()) list.sort((left, right) => right.terms.length - left.terms.length);
  return { byFirstTerm, alternatives };
}

let defaultLexicon: CompiledLexicon | undefined;

/** The built-in lexicon, compiled once. */
export function builtInLexicon(): CompiledLexicon {
  defaultLexicon ??= compileLexicon();
  return defaultLexicon;
}

/**
 * Lexicon phrases in a token sequence, longest match first and without overlap, so "monitoring officer" is one
 * concept rather than "monitoring" plus "officer".
 */
export function findSynonyms(
  tokens: readonly Token[],
  lexicon: CompiledLexicon = builtInLexicon(),
): SynonymMatch[] {
  const matches: SynonymMatch[] = [];
  let position = 0;
  while (position < tokens.length) {
    const candidates = lexicon.byFirstTerm.get((tokens[position] as Token).term);
    let matchedLength = 0;
    for (const candidate of candidates ?? []) {
      const length = candidate.terms.length;
      if (position + length > tokens.length) continue;
      let same = true;
      for (let offset = 0; offset < length; offset++) {
        if ((tokens[position + offset] as Token).term !== candidate.terms[offset]) {
          same = false;
          break;
        }
      }
      if (!same) continue;
      for (const group of candidate.groups) {
        matches.push({
          group,
          start: position,
          end: position + length,
          alternatives: lexicon.alternatives.get(group.id) ?? [candidate.terms],
        });
      }
      matchedLength = length;
      break;
    }
    position += Math.max(1, matchedLength);
  }
  return matches;
}

/** A query term with the weight it carries in lexical scoring. */
export interface WeightedTerm {
  term: string;
  /** 1 for the asker's own words, less for terms added by synonym expansion. */
  weight: number;
}

/** One content term of the query and the term sequences that count as finding it in a clause. */
export interface ContentTerm {
  term: string;
  /** `[[term]]` plus every phrase of each synonym group the term took part in. */
  alternatives: readonly TermSequence[];
}

/** A query analysed for retrieval. */
export interface AnalysedQuery {
  /** The asker's tokens, question framing removed. */
  tokens: Token[];
  /** Lexical query terms: own words at weight 1, synonyms at `expansionWeight`. */
  weighted: WeightedTerm[];
  /** Distinct content terms with their synonyms, for coverage. */
  content: ContentTerm[];
  /** Synonym groups the query mentions (concept features for the embedder). */
  groups: string[];
}

/** Weight of a term that came from synonym expansion rather than the asker's words. */
export const expansionWeight = 0.35;

/**
 * Weight of the synonyms of a phrase the corpus never uses ("cllr", "info", "unhappy"): the synonyms are then the
 * only way the asker's words can be found, so they stand in for them nearly in full.
 */
export const unknownPhraseExpansionWeight = 0.8;

/** Weight of a pair of the asker's adjacent words, found only in a clause that has the same pair. */
export const bigramWeight = 0.15;

/** What the query analysis may know of the corpus vocabulary. */
export interface QueryVocabulary {
  /** True when the corpus uses the stemmed term. */
  has(term: string): boolean;
  /** The corpus term a term the corpus never uses most likely misspells, or null. */
  correct(term: string): string | null;
}

/** No corpus at hand: every term counts as known and nothing is corrected. */
const openVocabulary: QueryVocabulary = { has: () => true, correct: () => null };

/**
 * Tokenizes a question, corrects misspelt words the corpus and the lexicon do not know ("mointoring oficer"), finds
 * lexicon phrases and expands them (reduced weight) for lexical search and coverage. Synonyms of a phrase the corpus
 * never uses ("cllr", "info") get a higher weight, since only they can find it.
 */
export function analyseQuery(
  query: string,
  lexicon: CompiledLexicon = builtInLexicon(),
  vocabulary: QueryVocabulary = openVocabulary,
): AnalysedQuery {
  const tokens = tokenize(query, { query: true }).map((token) => {
    if (vocabulary.has(token.term) || lexicon.byFirstTerm.has(token.term)) return token;
    const corrected = vocabulary.correct(token.term);
    return corrected ? { word: token.word, term: corrected } : token;
  });
  const matches = findSynonyms(tokens, lexicon);
  const weights = new Map<string, number>();
  for (const token of tokens) weights.set(token.term, 1);
  const alternativesByTerm = new Map<string, TermSequence[]>();
  for (const token of tokens) alternativesByTerm.set(token.term, [[token.term]]);
  for (const match of matches) {
    const unknown = !tokens.slice(match.start, match.end).some((token) => vocabulary.has(token.term));
    const weight = unknown ? unknownPhraseExpansionWeight : expansionWeight;
    for (const sequence of match.alternatives) {
      for (const term of sequence) {
        const perTerm = weight / Math.sqrt(sequence.length);
        weights.set(term, Math.max(weights.get(term) ?? 0, perTerm));
      }
    }
    for (let position = match.start; position < match.end; position++) {
      const term = (tokens[position] as Token).term;
      const list = alternativesByTerm.get(term) as TermSequence[];
      for (const sequence of match.alternatives) {
        if (!list.some((existing) => existing.join(' ') === sequence.join(' '))) list.push(sequence);
      }
    }
  }
  for (const pair of bigramsOf(tokens.map((token) => token.term))) {
    weights.set(pair, Math.max(weights.get(pair) ?? 0, bigramWeight));
  }
  return {
    tokens,
    weighted: [...weights].map(([term, weight]) => ({ term, weight })),
    content: [...alternativesByTerm].map(([term, alternatives]) => ({ term, alternatives })),
    groups: [...new Set(matches.map((match) => match.group.id))],
  };
}

/** Share (0..1) of content terms found in a clause's term set, directly or through one of their synonyms. */
export function coverageOf(content: readonly ContentTerm[], clauseTerms: ReadonlySet<string>): number {
  if (content.length === 0) return 0;
  let covered = 0;
  for (const contentTerm of content) {
    const found = contentTerm.alternatives.some((sequence) =>
      sequence.every((term) => clauseTerms.has(term)),
    );
    if (found) covered++;
  }
  return covered / content.length;
}
