import path from 'node:path';
import { Embeddings } from '@langchain/core/embeddings';
import { EncoderVectorCache } from './encoder-vector-cache.js';
import {
  loadSentenceEncoder,
  type SentenceEncoder,
  type SentenceEncoderOptions,
  sentenceEncoderDimensions,
  sentenceEncoderId,
} from './sentence-encoder.js';
import { checkSentenceEncoderFiles, defaultSentenceEncoderDir } from './sentence-encoder-files.js';

/** Options of {@link SentenceEncoderEmbeddings}. */
export interface SentenceEncoderEmbeddingsOptions extends SentenceEncoderOptions {
  /**
   * Folder of the vector cache {@link SentenceEncoderEmbeddings.embedCached} uses; `null` for none. Default:
   * `node_modules/.cache/protocol-bot-encoder` beside the model package (shared by every DATA_DIR of the install).
   */
  cacheDir?: string | null;
}

/** Texts per model call while embedding a corpus, and so per progress line and cache append. */
const corpusStep = 64;

/**
 * The default dense embedder: the pre-trained sentence encoder behind LangChain's `Embeddings`, so
 * `OpenAIEmbeddings` can stand in for it unchanged. The model is loaded on the first text to embed, not when this
 * is made: a process that only routes questions to answer threads never pays its ~150 MB.
 */
export class SentenceEncoderEmbeddings extends Embeddings {
  /** Identity used in the index key: changes whenever the model files (and so the vectors) would differ. */
  readonly identity = `encoder:${sentenceEncoderId}`;
  readonly dimension = sentenceEncoderDimensions;
  private readonly modelDir: string;
  private readonly cacheDir: string | null;
  private encoder: Promise<SentenceEncoder> | undefined;

  constructor(options: SentenceEncoderEmbeddingsOptions = {}) {
    super({ maxConcurrency: 1 });
    this.modelDir = options.modelDir ?? defaultSentenceEncoderDir();
    this.cacheDir =
      options.cacheDir === undefined
        ? path.resolve(defaultSentenceEncoderDir(), '../../..', '.cache', 'protocol-bot-encoder')
        : options.cacheDir;
  }

  /**
   * Fails with `model_missing` / `model_corrupt` naming the file when a model file is absent or has the wrong size,
   * without loading the model: the start-up check of a process that loads it later.
   */
  check(): Promise<void> {
    return checkSentenceEncoderFiles(this.modelDir);
  }

  /** Loads the model now (answer threads warm up before their first question). */
  async load(): Promise<void> {
    await this.loaded();
  }

  /** Unit vectors, one per text, in order. */
  async embedVectors(texts: readonly string[]): Promise<Float32Array[]> {
    return (await this.loaded()).embed(texts);
  }

  /**
   * Unit vectors of a corpus's texts, taking those already in the vector cache from it and adding the rest, so a
   * rebuild encodes only new or changed texts. Reports progress every {@link corpusStep} texts encoded.
   */
  async embedCached(
    texts: readonly string[],
    onProgress: (encoded: number, toEncode: number) => void = () => {},
  ): Promise<Float32Array[]> {
    const cache = this.cacheDir
      ? EncoderVectorCache.open(
          path.join(this.cacheDir, `${this.identity.replaceAll(':', '-')}.vectors`),
          this.dimension,
        )
      : null;
    const vectors = texts.map((text) => cache?.get(text));
    const missing = [...new Set(texts.filter((_, index) => vectors[index] === undefined))];
    const encoded = new Map<string, Float32Array>();
    for (let start = 0; start < missing.length; start += corpusStep) {
      const batch = missing.slice(start, start + corpusStep);
      const batchVectors = await this.embedVectors(batch);
      const entries = batch.map((text, index) => [text, batchVectors[index] as Float32Array] as const);
      for (const [text, vector] of entries) encoded.set(text, vector);
      cache?.add(entries);
      onProgress(Math.min(start + corpusStep, missing.length), missing.length);
    }
    return texts.map((text, index) => vectors[index] ?? (encoded.get(text) as Float32Array));
  }

  /** LangChain: one vector per document. */
  override async embedDocuments(documents: string[]): Promise<number[][]> {
    return (await this.embedVectors(documents)).map((vector) => Array.from(vector));
  }

  /** LangChain: the vector of a query. */
  override async embedQuery(document: string): Promise<number[]> {
    const [vector] = await this.embedVectors([document]);
    return Array.from(vector ?? []);
  }

  private loaded(): Promise<SentenceEncoder> {
    this.encoder ??= loadSentenceEncoder({ modelDir: this.modelDir });
    // A failed load is retried next time (loadSentenceEncoder does not cache failures either).
    this.encoder.catch(() => {
      this.encoder = undefined;
    });
    return this.encoder;
  }
}
