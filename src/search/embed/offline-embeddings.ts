import { Embeddings } from '@langchain/core/embeddings';
import { z } from 'zod';
import { ProtocolBotError } from '../../errors.js';
import type { FeatureKind } from '../text/text-features.js';
import { projectDense, randomizedSvd } from './randomized-svd.js';
import { seededRandom } from './seeded-random.js';
import { sparseMatrixFromRows } from './sparse-matrix.js';
import { TfidfVectorizer } from './tfidf-vectorizer.js';

/** Version of the offline embedder; bump when features or weights change so persisted indexes rebuild. */
export const offlineEmbedderVersion = 'tfidf-svd-1';

/** Fitting options of the offline embedder. */
export interface OfflineEmbedderOptions {
  /** Target vector size (capped by the corpus: never more than documents − 1). */
  dimension: number;
  /** Documents used to fit the vocabulary and the projection; larger corpora are sampled. */
  sampleSize: number;
  /** Most features kept (highest document frequency first). */
  maxFeatures: number;
  /**
   * Features must occur in at least this many sampled texts; default 1 below 2,000 texts (measured: one-off features
   * still help a small corpus) and 2 above (they would only bloat the vocabulary).
   */
  minimumFrequency?: number;
  /** Weight of each feature family after its own L2 normalisation. */
  familyWeights: Record<FeatureKind, number>;
  powerIterations: number;
  seed: number;
}

/** Defaults measured on the shipped corpus (README, "Retrieval"). */
export const defaultOfflineEmbedderOptions: OfflineEmbedderOptions = {
  dimension: 128,
  sampleSize: 6000,
  maxFeatures: 40_000,
  familyWeights: { word: 1, bigram: 0.5, chars: 0.8, concept: 0.6 },
  powerIterations: 1,
  seed: 20_240_601,
};

/** The JSON part of a fitted embedder (the numeric arrays are stored in binary beside it). */
export const offlineEmbedderStateSchema = z.object({
  version: z.literal(offlineEmbedderVersion),
  dimension: z.number().int().positive(),
  width: z.number().int().positive(),
  familyWeights: z.object({ word: z.number(), bigram: z.number(), chars: z.number(), concept: z.number() }),
  /** Feature names, `family:value`, in column order. */
  vocabulary: z.array(z.string()),
});

/** The JSON part of a fitted embedder. */
export type OfflineEmbedderState = z.infer<typeof offlineEmbedderStateSchema>;

/** Everything needed to restore a fitted embedder: JSON state plus idf, basis and mixing as one Float32Array. */
export interface SerialisedOfflineEmbedder {
  state: OfflineEmbedderState;
  weights: Float32Array;
}

/**
 * The default embedder: TF-IDF over word unigrams and bigrams, character 3–5-grams and lexicon concepts, reduced by a
 * randomized truncated SVD fitted on the corpus, L2-normalised. No network, no downloaded weights. Implements
 * LangChain's `Embeddings`, so `OpenAIEmbeddings` can stand in for it unchanged.
 */
export class OfflineEmbeddings extends Embeddings {
  readonly dimension: number;

  private constructor(
    private readonly state: OfflineEmbedderState,
    private readonly vectorizer: TfidfVectorizer,
    private readonly basis: Float32Array,
    private readonly mixing: Float32Array,
  ) {
    super({ maxConcurrency: 1 });
    this.dimension = state.dimension;
  }

  /** Identity used in the index key: changes whenever vectors would differ. */
  get identity(): string {
    return `offline:${offlineEmbedderVersion}:${this.state.dimension}`;
  }

  /**
   * Fits vocabulary, idf and projection on `texts` (sampled when larger than `sampleSize`) and returns the embedder
   * with the vectors of every text (row i of `vectors`, dimension-wide), so a build embeds the corpus once.
   */
  static fit(
    texts: readonly string[],
    options: Partial<OfflineEmbedderOptions> = {},
    onProgress: (message: string) => void = () => {},
  ): { embedder: OfflineEmbeddings; vectors: Float32Array } {
    const settings = { ...defaultOfflineEmbedderOptions, ...options };
    if (texts.length === 0)
      throw new ProtocolBotError('index_build_failed', 'Cannot fit an embedder on no text');
    const sampleIndices = sampleOf(texts.length, settings.sampleSize, settings.seed);
    const sampleTexts = sampleIndices.map((index) => texts[index] as string);
    const vectorizer = TfidfVectorizer.fit(sampleTexts, {
      maxFeatures: settings.maxFeatures,
      minimumFrequency: settings.minimumFrequency ?? (sampleTexts.length >= 2000 ? 2 : 1),
      familyWeights: settings.familyWeights,
    });
    const sampleSize = sampleTexts.length;
    const matrix = sparseMatrixFromRows(
      sampleTexts.map((text) => vectorizer.vectorize(text)),
      vectorizer.vocabulary.length,
    );
    const rank = Math.max(
      1,
      Math.min(settings.dimension, Math.floor(sampleSize / 2), vectorizer.vocabulary.length - 1),
    );
    onProgress(`Reducing ${vectorizer.vocabulary.length} features to ${rank} dimensions…`);
    const svd = randomizedSvd(matrix, rank, {
      powerIterations: settings.powerIterations,
      seed: settings.seed,
    });
    const state: OfflineEmbedderState = {
      version: offlineEmbedderVersion,
      dimension: svd.rank,
      width: svd.width,
      familyWeights: settings.familyWeights,
      vocabulary: [...vectorizer.vocabulary],
    };
    const embedder = new OfflineEmbeddings(state, vectorizer, svd.basis, svd.mixing);

    const vectors = new Float32Array(texts.length * svd.rank);
    const sampled = sampleIndices.length === texts.length;
    for (let index = 0; index < texts.length; index++) {
      if (sampled) {
        const row = svd.rowProjections.subarray(index * svd.rank, (index + 1) * svd.rank);
        vectors.set(normalise(Float32Array.from(row)), index * svd.rank);
      } else {
        vectors.set(embedder.embedVector(texts[index] as string), index * svd.rank);
        if (index % 10_000 === 9_999) onProgress(`Embedded ${index + 1}/${texts.length} clauses`);
      }
    }
    return { embedder, vectors };
  }

  /** Restores a fitted embedder from {@link serialise}'s output; throws `index_corrupt` when the parts disagree. */
  static restore(serialised: SerialisedOfflineEmbedder): OfflineEmbeddings {
    const state = offlineEmbedderStateSchema.parse(serialised.state);
    const features = state.vocabulary.length;
    const expected = features + features * state.width + state.width * state.dimension;
    if (serialised.weights.length !== expected) {
      throw new ProtocolBotError(
        'index_corrupt',
        `Embedder weights hold ${serialised.weights.length} numbers, expected ${expected}`,
      );
    }
    const { weights } = serialised;
    const idf = weights.subarray(0, features);
    const basis = weights.subarray(features, features + features * state.width);
    const mixing = weights.subarray(features + features * state.width);
    return new OfflineEmbeddings(
      state,
      new TfidfVectorizer(state.vocabulary, idf, state.familyWeights),
      basis,
      mixing,
    );
  }

  /** The fitted state: JSON (vocabulary, sizes) and one Float32Array (idf, then basis, then mixing). */
  serialise(): SerialisedOfflineEmbedder {
    const { idf } = this.vectorizer;
    const weights = new Float32Array(idf.length + this.basis.length + this.mixing.length);
    weights.set(idf, 0);
    weights.set(this.basis, idf.length);
    weights.set(this.mixing, idf.length + this.basis.length);
    return { state: this.state, weights };
  }

  /** The unit vector of one text (synchronous; the LangChain methods wrap it). */
  embedVector(text: string): Float32Array {
    const sparse = this.vectorizer.vectorize(text);
    const { width, dimension } = this.state;
    const sketch = new Float64Array(width);
    for (let entry = 0; entry < sparse.indices.length; entry++) {
      const value = sparse.values[entry] as number;
      const from = (sparse.indices[entry] as number) * width;
      for (let column = 0; column < width; column++) {
        sketch[column] = (sketch[column] as number) + value * (this.basis[from + column] as number);
      }
    }
    const vector = new Float32Array(dimension);
    projectDense(sketch, 0, width, this.mixing, dimension, vector, 0);
    return normalise(vector);
  }

  /** LangChain: one vector per document. */
  override async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((document) => Array.from(this.embedVector(document)));
  }

  /** LangChain: the vector of a query. */
  override async embedQuery(document: string): Promise<number[]> {
    return Array.from(this.embedVector(document));
  }
}

/** Scales a vector to unit length in place (a zero vector stays zero). */
export function normalise(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  if (norm === 0) return vector;
  const scale = 1 / Math.sqrt(norm);
  for (let index = 0; index < vector.length; index++) vector[index] = (vector[index] as number) * scale;
  return vector;
}

/** All indices when they fit, else a seeded sample of `size` distinct indices in ascending order. */
function sampleOf(total: number, size: number, seed: number): number[] {
  const all = Array.from({ length: total }, (_, index) => index);
  if (total <= size) return all;
  const random = seededRandom(seed);
  for (let index = 0; index < size; index++) {
    const swap = index + random.integer(total - index);
    [all[index], all[swap]] = [all[swap] as number, all[index] as number];
  }
  return all.slice(0, size).sort((left, right) => left - right);
}
