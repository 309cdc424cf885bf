import { hashedNgrams } from '../../learn/index.js';

/** How a message becomes the classifier's input: its sentence vector, then its hashed words weighted. */
export interface FeatureSettings {
  ngramBuckets: number;
  ngramWeight: number;
}

/** The classifier's feature row for a message whose sentence vector is `vector`. */
export function decisionFeatures(
  vector: Float32Array,
  text: string,
  settings: FeatureSettings,
): Float32Array {
  if (settings.ngramBuckets === 0) return vector;
  const row = new Float32Array(vector.length + settings.ngramBuckets);
  row.set(vector);
  const grams = hashedNgrams(text, settings.ngramBuckets);
  for (let index = 0; index < grams.length; index++)
    row[vector.length + index] = (grams[index] as number) * settings.ngramWeight;
  return row;
}
