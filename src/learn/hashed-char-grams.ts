import { featureWords, hashGrams } from './feature-hashing.js';

/** The character n-gram lengths taken inside each word (with its boundaries marked). */
const lengths = [3, 4, 5] as const;

/**
 * Character 3-, 4- and 5-grams of each word, hashed into a fixed number of buckets and L2-normalised (the "hashing
 * trick" at the level of letters, as fastText's subword features). Misspellings, text-speak and unseen forms of a
 * word ("councilor", "cllrs", "electable", "electioneering") still share most of their grams with the words the
 * model learned, where whole-word features would not match at all.
 */
export function hashedCharGrams(text: string, buckets: number): Float32Array {
  return hashGrams(featureWords(text).flatMap(charGrams), buckets);
}

function charGrams(word: string): string[] {
  const marked = `<${word}>`;
  const grams: string[] = [];
  for (const length of lengths)
    for (let start = 0; start + length <= marked.length; start++)
      grams.push(marked.slice(start, start + length));
  return grams;
}
