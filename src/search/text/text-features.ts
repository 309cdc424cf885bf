import { builtInLexicon, findSynonyms } from './synonym-expansion.js';
import { tokenize } from './tokenizer.js';

/** Feature families of the offline embedder; each is L2-normalised on its own, then weighted. */
export const featureKinds = ['word', 'bigram', 'chars', 'concept'] as const;

/** One feature family. */
export type FeatureKind = (typeof featureKinds)[number];

/** Raw counts of a text's features, by family: word unigrams, word bigrams, character 3–5-grams, lexicon concepts. */
export type FeatureCounts = Record<FeatureKind, Map<string, number>>;

const charGramCache = new Map<string, string[]>();
const charGramCacheLimit = 200_000;

/** Character n-grams (3 to 5) of a word wrapped in boundary marks, so "cllr" and "councillor" share "<c". */
export function characterGrams(word: string): string[] {
  const cached = charGramCache.get(word);
  if (cached) return cached;
  const padded = `<${word}>`;
  const grams: string[] = [];
  for (let size = 3; size <= 5; size++) {
    for (let start = 0; start + size <= padded.length; start++) grams.push(padded.slice(start, start + size));
  }
  if (charGramCache.size >= charGramCacheLimit) charGramCache.clear();
  charGramCache.set(word, grams);
  return grams;
}

/** Counts every feature family of a text. Synonym groups become concept features, so "cllr" ≈ "councillor". */
export function countFeatures(text: string): FeatureCounts {
  const tokens = tokenize(text);
  const counts: FeatureCounts = { word: new Map(), bigram: new Map(), chars: new Map(), concept: new Map() };
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  tokens.forEach((token, index) => {
    add(counts.word, token.term);
    const next = tokens[index + 1];
    if (next) add(counts.bigram, `${token.term} ${next.term}`);
    for (const gram of characterGrams(token.word)) add(counts.chars, gram);
  });
  for (const match of findSynonyms(tokens, builtInLexicon())) add(counts.concept, match.group.id);
  return counts;
}
