import { createHash } from 'node:crypto';

/**
 * Word and word-pair features hashed into a fixed number of buckets (the "hashing trick"), L2-normalised. They let a
 * linear model learn which words matter ("vote", "leaflet", "my manager") beside the sentence encoder's meaning,
 * without a vocabulary file to keep in step with the training data.
 */
export function hashedNgrams(text: string, buckets: number): Float32Array {
  const vector = new Float32Array(buckets);
  const words = text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[’']/g, '')
    .match(/[\p{L}\p{N}]+/gu);
  if (!words) return vector;
  const grams = [...words, ...words.slice(1).map((word, index) => `${words[index]} ${word}`)];
  for (const gram of grams) {
    const digest = createHash('md5').update(gram).digest();
    const bucket = digest.readUInt32LE(0) % buckets;
    const sign = (digest[4] as number) & 1 ? 1 : -1;
    vector[bucket] = (vector[bucket] as number) + sign;
  }
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < buckets; i++) vector[i] = (vector[i] as number) / norm;
  return vector;
}
