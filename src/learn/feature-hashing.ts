import { createHash } from 'node:crypto';

/** The words of a text as the hashed features read them: lower case, NFKC, apostrophes dropped. */
export function featureWords(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFKC')
      .replace(/[’']/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * The "hashing trick": each gram adds ±1 (sign from the hash, so collisions cancel rather than pile up) to one of
 * `buckets` features chosen by its MD5; the vector is then L2-normalised so long and short messages weigh alike.
 */
export function hashGrams(grams: Iterable<string>, buckets: number): Float32Array {
  const vector = new Float32Array(buckets);
  if (buckets === 0) return vector;
  for (const gram of grams) {
    const digest = createHash('md5').update(gram).digest();
    const bucket = digest.readUInt32LE(0) % buckets;
    vector[bucket] = (vector[bucket] as number) + ((digest[4] as number) & 1 ? 1 : -1);
  }
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < buckets; i++) vector[i] = (vector[i] as number) / norm;
  return vector;
}
