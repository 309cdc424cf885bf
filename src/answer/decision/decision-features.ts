import { hashedCharGrams, hashedNgrams } from '../../learn/index.js';
import { type EvidenceScaling, scaledEvidence } from './retrieval-evidence.js';

/** How a message becomes the classifier's input: its sentence vector, then its hashed words and letters weighted. */
export interface FeatureSettings {
  ngramBuckets: number;
  ngramWeight: number;
  /** Buckets of hashed character 3–5-grams (0: none). */
  charBuckets?: number;
  charWeight?: number;
  /** Retrieval's evidence appended last, standardised (absent: the message alone decides). */
  evidence?: EvidenceScaling;
}

/** How many features a row of these settings has after a sentence vector of `dimensions`. */
export function featureCount(dimensions: number, settings: FeatureSettings): number {
  return (
    dimensions +
    settings.ngramBuckets +
    (settings.charBuckets ?? 0) +
    (settings.evidence?.features.length ?? 0)
  );
}

/**
 * The classifier's feature row for a message whose sentence vector is `vector`; `evidence` is what retrieval found
 * for it (`retrievalEvidence`), read only when the settings have evidence.
 */
export function decisionFeatures(
  vector: Float32Array,
  text: string,
  settings: FeatureSettings,
  evidence?: Float32Array,
): Float32Array {
  const charBuckets = settings.charBuckets ?? 0;
  if (settings.ngramBuckets === 0 && charBuckets === 0 && !settings.evidence) return vector;
  const row = new Float32Array(featureCount(vector.length, settings));
  row.set(vector);
  appendWeighted(row, vector.length, hashedNgrams(text, settings.ngramBuckets), settings.ngramWeight);
  appendWeighted(
    row,
    vector.length + settings.ngramBuckets,
    hashedCharGrams(text, charBuckets),
    settings.charWeight ?? 0,
  );
  if (settings.evidence)
    row.set(scaledEvidence(settings.evidence, evidence), vector.length + settings.ngramBuckets + charBuckets);
  return row;
}

function appendWeighted(row: Float32Array, at: number, values: Float32Array, weight: number): void {
  for (let index = 0; index < values.length; index++) row[at + index] = (values[index] as number) * weight;
}
