import { builtInLexicon, findSynonyms } from '../text/synonym-expansion.js';
import { characterGrams, countFeatures, type FeatureKind, featureKinds } from '../text/text-features.js';
import { tokenize } from '../text/tokenizer.js';
import type { SparseVector } from './sparse-matrix.js';

const kindIndex: Record<FeatureKind, number> = { word: 0, bigram: 1, chars: 2, concept: 3 };
/**
 * Families normalised together: concepts join the words (a lone generic concept such as "councillor" must not
 * outweigh a clause's whole vocabulary, which it would as a family of its own).
 */
const normalisationGroup = Uint8Array.from([0, 1, 2, 0]);
const cacheLimit = 200_000;

/**
 * Sparse TF-IDF vectors over a fixed vocabulary of `family:value` features: sublinear term frequency × idf; words
 * (with concepts, scaled by their weight), bigrams and character n-grams each L2-normalised and weighted; then the
 * whole vector L2-normalised. Vectorising allocates no feature
 * strings (columns are looked up per family, character n-grams cached per word), so 100,000 clauses take seconds.
 */
export class TfidfVectorizer {
  private readonly columns: Map<string, number>[];
  private readonly familyOf: Uint8Array;
  private readonly familyWeight: Float64Array;
  private readonly gramColumns = new Map<string, Int32Array>();
  private readonly counts: Float64Array;
  private readonly touched: Int32Array;

  constructor(
    readonly vocabulary: readonly string[],
    readonly idf: Float32Array,
    readonly familyWeights: Record<FeatureKind, number>,
  ) {
    this.columns = featureKinds.map(() => new Map<string, number>());
    this.familyOf = new Uint8Array(vocabulary.length);
    vocabulary.forEach((feature, column) => {
      const split = feature.indexOf(':');
      const family = kindIndex[feature.slice(0, split) as FeatureKind];
      this.familyOf[column] = family;
      (this.columns[family] as Map<string, number>).set(feature.slice(split + 1), column);
    });
    this.familyWeight = Float64Array.from(featureKinds.map((kind) => familyWeights[kind]));
    this.counts = new Float64Array(vocabulary.length);
    this.touched = new Int32Array(vocabulary.length);
  }

  /**
   * Chooses the vocabulary from `texts`: features in at least `minimumFrequency` texts, the `maxFeatures` most
   * frequent kept (ties by name, so the choice is deterministic); idf = ln((1 + n) / (1 + df)) + 1.
   */
  static fit(
    texts: readonly string[],
    options: { maxFeatures: number; minimumFrequency: number; familyWeights: Record<FeatureKind, number> },
  ): TfidfVectorizer {
    const frequency = featureKinds.map(() => new Map<string, number>());
    for (const text of texts) {
      const counts = countFeatures(text);
      featureKinds.forEach((kind, family) => {
        const map = frequency[family] as Map<string, number>;
        for (const key of counts[kind].keys()) map.set(key, (map.get(key) ?? 0) + 1);
      });
    }
    const candidates: [feature: string, frequency: number][] = [];
    featureKinds.forEach((kind, family) => {
      for (const [key, count] of frequency[family] as Map<string, number>) {
        if (count >= options.minimumFrequency) candidates.push([`${kind}:${key}`, count]);
      }
    });
    candidates.sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1));
    const kept = candidates.slice(0, options.maxFeatures);
    const idf = Float32Array.from(kept, ([, count]) => Math.log((1 + texts.length) / (1 + count)) + 1);
    return new TfidfVectorizer(
      kept.map(([feature]) => feature),
      idf,
      options.familyWeights,
    );
  }

  /** The unit-length sparse TF-IDF vector of a text (features outside the vocabulary are ignored). */
  vectorize(text: string): SparseVector {
    const { counts, touched } = this;
    let touchedCount = 0;
    const add = (column: number | undefined) => {
      if (column === undefined) return;
      if (counts[column] === 0) touched[touchedCount++] = column;
      counts[column] = (counts[column] as number) + 1;
    };
    const [words, bigrams, , concepts] = this.columns as [
      Map<string, number>,
      Map<string, number>,
      unknown,
      Map<string, number>,
    ];
    const tokens = tokenize(text);
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index] as (typeof tokens)[number];
      add(words.get(token.term));
      const next = tokens[index + 1];
      if (next) add(bigrams.get(`${token.term} ${next.term}`));
      for (const column of this.gramColumnsOf(token.word)) add(column);
    }
    for (const match of findSynonyms(tokens, builtInLexicon())) add(concepts.get(match.group.id));

    const familyNorm = new Float64Array(featureKinds.length);
    const indices = touched.slice(0, touchedCount).sort();
    const values = new Float32Array(touchedCount);
    for (let entry = 0; entry < touchedCount; entry++) {
      const column = indices[entry] as number;
      const family = this.familyOf[column] as number;
      const tfidf = (1 + Math.log(counts[column] as number)) * (this.idf[column] as number);
      // Concepts are scaled inside the word group; the other families get their weight after normalisation.
      const value = family === kindIndex.concept ? tfidf * (this.familyWeight[family] as number) : tfidf;
      counts[column] = 0;
      values[entry] = value;
      const group = normalisationGroup[family] as number;
      familyNorm[group] = (familyNorm[group] as number) + value * value;
    }
    let total = 0;
    for (let entry = 0; entry < touchedCount; entry++) {
      const group = normalisationGroup[this.familyOf[indices[entry] as number] as number] as number;
      const value =
        ((values[entry] as number) * (this.familyWeight[group] as number)) /
        Math.sqrt(familyNorm[group] as number);
      values[entry] = value;
      total += value * value;
    }
    if (total > 0) {
      const scale = 1 / Math.sqrt(total);
      for (let entry = 0; entry < touchedCount; entry++) values[entry] = (values[entry] as number) * scale;
    }
    return { indices, values };
  }

  private gramColumnsOf(word: string): Int32Array {
    let cached = this.gramColumns.get(word);
    if (cached) return cached;
    const chars = this.columns[kindIndex.chars] as Map<string, number>;
    const found: number[] = [];
    for (const gram of characterGrams(word)) {
      const column = chars.get(gram);
      if (column !== undefined) found.push(column);
    }
    cached = Int32Array.from(found);
    if (this.gramColumns.size >= cacheLimit) this.gramColumns.clear();
    this.gramColumns.set(word, cached);
    return cached;
  }
}
