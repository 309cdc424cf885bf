import { featureWords, hashGrams } from './feature-hashing.js';

/**
 * Word and word-pair features hashed into a fixed number of buckets (the "hashing trick"), L2-normalised. They let a
 * linear model learn which words matter ("vote", "leaflet", "my manager") beside the sentence encoder's meaning,
 * without a vocabulary file to keep in step with the training data.
 */
export function hashedNgrams(text: string, buckets: number): Float32Array {
  const words = featureWords(text);
  return hashGrams([...words, ...words.slice(1).map((word, index) => `${words[index]} ${word}`)], buckets);
}
