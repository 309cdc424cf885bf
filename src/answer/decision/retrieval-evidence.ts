import { rankingFeatureNames, type SearchHit } from '../../search/index.js';

/**
 * What retrieval found for a message, as evidence for its decision: the ranker's evidence for the best two clauses
 * (see `rankingFeatureNames`), the best clause's score and its lead over the second. A question the documents settle
 * tends to find a clause that matches it closely and stands out from the rest; one they do not settle, or one that is
 * not about them, finds weaker and flatter candidates. Names are stable: a model file lists the ones it learned.
 */
export const evidenceNames: readonly string[] = [
  ...rankingFeatureNames.map((name) => `first.${name}`),
  ...rankingFeatureNames.map((name) => `second.${name}`),
  'firstScore',
  'lead',
];

/** The evidence row of a message's best hits, in `evidenceNames` order (zeros where retrieval found nothing). */
export function retrievalEvidence(hits: readonly SearchHit[]): Float32Array {
  const row = new Float32Array(evidenceNames.length);
  const [first, second] = hits;
  const width = rankingFeatureNames.length;
  if (first?.features) row.set(first.features.subarray(0, width), 0);
  if (second?.features) row.set(second.features.subarray(0, width), width);
  row[2 * width] = first?.score ?? 0;
  row[2 * width + 1] = first ? first.score - (second?.score ?? 0) : 0;
  return row;
}

/** How evidence enters the classifier: standardised by the training messages' mean and scale, then weighted. */
export interface EvidenceScaling {
  /** Evidence names, in the order of `mean` and `scale`. */
  features: readonly string[];
  mean: readonly number[];
  scale: readonly number[];
  /** Weight of the standardised evidence beside the encoder's vector and the hashed features. */
  weight: number;
}

/**
 * Evidence standardised for the classifier, in the scaling's feature order: `(value − mean) / scale × weight`. A name
 * the code no longer computes, or no evidence at all, gives 0 — the training messages' average, which moves no
 * decision.
 */
export function scaledEvidence(scaling: EvidenceScaling, evidence: Float32Array | undefined): Float32Array {
  const row = new Float32Array(scaling.features.length);
  if (!evidence) return row;
  positionsOf(scaling).forEach((at, index) => {
    if (at < 0) return;
    const scale = scaling.scale[index] || 1;
    row[index] = (((evidence[at] as number) - (scaling.mean[index] ?? 0)) / scale) * scaling.weight;
  });
  return row;
}

const positions = new WeakMap<EvidenceScaling, number[]>();

/** Where each of the scaling's features sits in `evidenceNames` (−1: no longer computed), found once per scaling. */
function positionsOf(scaling: EvidenceScaling): number[] {
  let found = positions.get(scaling);
  if (!found) {
    found = scaling.features.map((name) => evidenceNames.indexOf(name));
    positions.set(scaling, found);
  }
  return found;
}

/** The mean and scale (standard deviation, 1 where a feature never varies) of each evidence feature over `rows`. */
export function fitEvidenceScaling(rows: readonly Float32Array[], weight: number): EvidenceScaling {
  const mean = evidenceNames.map((_, index) => average(rows.map((row) => row[index] as number)));
  const scale = evidenceNames.map((_, index) => {
    const spread = Math.sqrt(
      average(rows.map((row) => ((row[index] as number) - (mean[index] as number)) ** 2)),
    );
    return spread > 1e-6 ? spread : 1;
  });
  return { features: [...evidenceNames], mean, scale, weight };
}

function average(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}
