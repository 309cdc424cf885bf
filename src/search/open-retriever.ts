import type { Embeddings } from '@langchain/core/embeddings';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { Clause, CorpusDocument, DocumentMeta } from '../corpus/index.js';
import { describeError, ProtocolBotError } from '../errors.js';
import type { Logger } from '../logger.js';
import { Bm25Index, type LexicalFields } from './bm25-index.js';
import { clauseViews } from './clause-fields.js';
import { clauseSentences } from './clause-sentences.js';
import {
  normalise,
  type OfflineEmbedderOptions,
  OfflineEmbeddings,
  offlineEmbedderStateSchema,
  offlineEmbedderVersion,
} from './embed/offline-embeddings.js';
import { createRemoteEmbeddings, type RemoteEmbedder, remoteBatchSize } from './embed/remote-embeddings.js';
import { SentenceEncoderEmbeddings } from './embed/sentence-encoder-embeddings.js';
import {
  HybridSearch,
  type QueryEmbedder,
  type RankingSettings,
  type SentenceVectors,
} from './hybrid-search.js';
import { preparedQueries } from './prepared-queries.js';
import { openShippedRanker } from './ranking/learned-ranker.js';
import { openShippedQuestionBank } from './ranking/question-bank.js';
import {
  float32Bytes,
  float32FromBytes,
  type IndexFolderContents,
  indexFileNames,
  indexFolder,
  indexFolderMissing,
  indexFormatVersion,
  int32FromBytes,
  readIndexFolder,
  removeOtherIndexFolders,
  sha256,
  writeIndexFolder,
} from './store/index-files.js';
import { HnswVectorStore } from './store/vector-store.js';
import { synonymLexicon } from './text/synonym-lexicon.js';
import { analyserVersion } from './text/tokenizer.js';

/** How the index was obtained, for the `index` command and logs. */
export interface RetrieverStats {
  /** True when the index was built in this call, false when loaded from disk. */
  built: boolean;
  /** Milliseconds spent building or loading. */
  buildMs: number;
  clauses: number;
  dimension: number;
}

/** A retriever with the figures of how it was opened. */
export type OpenedRetriever = HybridSearch & {
  stats: RetrieverStats;
  folder: string;
  /** Loads the query embedder's model now rather than on the first question (answer threads call it). */
  warmUp(): Promise<void>;
  /** The dense embedder's identity (part of the index key; a learned ranker must match it). */
  embedder: string;
  /** See {@link Retriever.prepareQuery}. */
  prepareQuery(query: string): void;
};

/** Options of {@link openRetriever}. */
export interface OpenRetrieverOptions {
  config: Config;
  logger: Logger;
  documents: CorpusDocument[];
  clauses: Clause[];
  /** Progress lines while building (for a terminal). */
  onProgress?: (message: string) => void;
  /** Build even when a valid index is on disk. */
  rebuild?: boolean;
  /** Override ranking settings (evaluation). */
  ranking?: Partial<RankingSettings>;
  /** Override offline embedder settings (evaluation, benchmarks); part of the index key. */
  embedder?: Partial<OfflineEmbedderOptions>;
  /** The dense embedder when no remote one is configured (default: `DENSE_EMBEDDER`); part of the index key. */
  dense?: DenseEmbedderName;
  /** The sentence encoder's vector cache folder; `null` encodes everything afresh (benchmarks of the build). */
  encoderCacheDir?: string | null;
}

/** The offline dense embedders: the pre-trained sentence encoder, or TF-IDF/SVD fitted on the corpus. */
export type DenseEmbedderName = 'encoder' | 'tfidf';

/** Bump when what the encoder embeds (clause views, sentence splitting) changes, so indexes rebuild. */
const encoderViewsVersion = 's1';

/**
 * Opens the retrieval index for this corpus: loads it from `DATA_DIR/index/<key>/` when a valid copy exists (the
 * key hashes the documents, their texts, the parsed clauses and the embedder's identity), otherwise builds and
 * writes it atomically. A damaged or truncated index is logged and rebuilt, never fatal. The embedder is
 * `OpenAIEmbeddings`/`AzureOpenAIEmbeddings` when an embedding model is configured, else the pre-trained sentence
 * encoder (or, with `DENSE_EMBEDDER=tfidf`, the TF-IDF/SVD one). The encoder's files are checked here, so a missing
 * one fails start-up; the model itself loads only to build the index or embed the first question.
 */
export async function openRetriever(options: OpenRetrieverOptions): Promise<OpenedRetriever> {
  const { config, logger, documents, clauses } = options;
  const started = performance.now();
  if (clauses.length === 0) {
    throw new ProtocolBotError('index_build_failed', 'The corpus produced no clauses; nothing to index');
  }
  const remote = await createRemoteEmbeddings(config);
  const dense = options.dense ?? config.DENSE_EMBEDDER;
  const encoder =
    !remote && dense === 'encoder'
      ? new SentenceEncoderEmbeddings({ cacheDir: options.encoderCacheDir })
      : null;
  if (encoder) await encoder.check();
  const identity =
    remote?.identity ??
    (encoder
      ? `${encoder.identity}:${encoderViewsVersion}`
      : `offline:${offlineEmbedderVersion}${options.embedder ? `:${sha256(JSON.stringify(options.embedder)).slice(0, 12)}` : ''}`);
  const key = indexKey(documents, clauses, identity);
  const folder = indexFolder(config.DATA_DIR, key);
  const documentMap = new Map<string, DocumentMeta>(
    documents.map((document) => [document.meta.id, document.meta]),
  );
  const views = clauseViews(clauses, documentMap);

  let loaded: LoadedVectors | null = null;
  if (!options.rebuild) {
    if (indexFolderMissing(folder)) {
      logger.info('No retrieval index for this corpus yet; building one', { folder });
    } else {
      try {
        loaded = loadVectors(folder, key, clauses.length, identity, encoder !== null);
      } catch (error) {
        logger.warn('Retrieval index unreadable; rebuilding it', { folder, error: describeError(error) });
      }
    }
  }
  const built = loaded === null;
  if (!loaded) {
    loaded = await buildVectors({
      embedderOptions: options.embedder,
      lexicalFields: views.lexical,
      views: views.embedding,
      clauseTexts: clauses.map((clause) => clause.text),
      remote,
      encoder,
      identity,
      key,
      folder,
      logger,
      onProgress: options.onProgress,
      started,
    });
  }
  const { lexical } = loaded;
  const dimension = loaded.dimension;
  const queries = preparedQueries(queryEmbedder(loaded.offline, remote ?? encoder, dimension, logger));
  const shipped = options.ranking?.fusion ? {} : openShippedRanker(identity);
  if (shipped.reason) logger.info('Ranking with the hand-set fusion', { reason: shipped.reason });
  const examples = shipped.ranker ? openShippedQuestionBank(identity, clauses) : {};
  if (examples.reason) logger.info('Ranking without labelled questions', { reason: examples.reason });
  const search = new HybridSearch({
    clauses,
    documents: documentMap,
    lexical,
    vectors: loaded.vectors,
    dimension,
    store: loaded.store,
    sentences: loaded.sentences,
    embedQuery: queries.embed,
    settings: options.ranking,
    ranker: shipped.ranker,
    questionBank: examples.bank,
  });
  const stats: RetrieverStats = {
    built,
    buildMs: performance.now() - started,
    clauses: clauses.length,
    dimension,
  };
  logger.debug('Retrieval index ready', { ...stats, folder });
  const warmUp = async () => {
    await encoder?.load();
  };
  // Only the local encoder gains from it (one model call for two vectors); a remote embedder would be sent a request
  // even for a question that is then refused.
  const prepareQuery = encoder ? queries.prepare : () => {};
  return Object.assign(search, { stats, folder, warmUp, embedder: identity, prepareQuery });
}

/**
 * The index key: SHA-256 over the layout, analyser and lexicon versions, the embedder identity, every document's manifest entry and text,
 * and the parsed clauses (so a parser change, like a text change, rebuilds the index).
 */
export function indexKey(
  documents: readonly CorpusDocument[],
  clauses: readonly Clause[],
  embedder: string,
): string {
  return sha256(
    JSON.stringify({
      format: indexFormatVersion,
      analyser: analyserVersion,
      lexicon: sha256(JSON.stringify(synonymLexicon)),
      embedder,
      documents: documents.map((document) => ({ meta: document.meta, text: sha256(document.text) })),
      clauses: sha256(JSON.stringify(clauses)),
    }),
  );
}

interface LoadedVectors {
  lexical: Bm25Index;
  vectors: Float32Array;
  dimension: number;
  store: HnswVectorStore;
  offline: OfflineEmbeddings | null;
  sentences?: SentenceVectors;
}

function loadVectors(
  folder: string,
  key: string,
  clauseCount: number,
  identity: string,
  withSentences: boolean,
): LoadedVectors {
  const contents = readIndexFolder(folder, key);
  const { meta } = contents;
  if (meta.embedder !== identity || meta.clauses !== clauseCount) {
    throw new ProtocolBotError(
      'index_corrupt',
      `${folder}: built with ${meta.embedder} for ${meta.clauses} clauses`,
    );
  }
  const vectors = float32FromBytes(contents.read(indexFileNames.vectors), indexFileNames.vectors);
  if (vectors.length !== clauseCount * meta.dimension) {
    throw new ProtocolBotError(
      'index_corrupt',
      `${folder}: ${vectors.length} vector values, expected ${clauseCount * meta.dimension}`,
    );
  }
  let offline: OfflineEmbeddings | null = null;
  if (identity.startsWith('offline:')) {
    const state = offlineEmbedderStateSchema.parse(
      JSON.parse(contents.read(indexFileNames.embedderState).toString('utf8')),
    );
    const weights = float32FromBytes(
      contents.read(indexFileNames.embedderWeights),
      indexFileNames.embedderWeights,
    );
    offline = OfflineEmbeddings.restore({ state, weights });
    if (offline.dimension !== meta.dimension) {
      throw new ProtocolBotError(
        'index_corrupt',
        `${folder}: embedder and vectors disagree on the dimension`,
      );
    }
  }
  const store = HnswVectorStore.load(contents.pathOf(indexFileNames.graph), meta.dimension);
  if (store.count !== clauseCount) {
    throw new ProtocolBotError(
      'index_corrupt',
      `${folder}: vector graph holds ${store.count} of ${clauseCount} clauses`,
    );
  }
  const lexical = loadLexical(contents, clauseCount);
  const sentences = withSentences ? loadSentences(contents, clauseCount, meta.dimension) : undefined;
  return { lexical, vectors, dimension: meta.dimension, store, offline, sentences };
}

/** Restores the per-sentence vectors (checksums already verified); offsets[c]..offsets[c+1] are clause c's. */
function loadSentences(
  contents: IndexFolderContents,
  clauseCount: number,
  dimension: number,
): SentenceVectors {
  const offsets = int32FromBytes(
    contents.read(indexFileNames.sentenceOffsets),
    indexFileNames.sentenceOffsets,
  );
  const vectors = float32FromBytes(
    contents.read(indexFileNames.sentenceVectors),
    indexFileNames.sentenceVectors,
  );
  if (offsets.length !== clauseCount + 1 || vectors.length !== (offsets[clauseCount] ?? -1) * dimension) {
    throw new ProtocolBotError(
      'index_corrupt',
      `${contents.pathOf(indexFileNames.sentenceOffsets)}: sentence vectors do not match ${clauseCount} clauses`,
    );
  }
  return { offsets, vectors };
}

async function buildVectors(options: {
  embedderOptions: Partial<OfflineEmbedderOptions> | undefined;
  lexicalFields: LexicalFields[];
  views: string[];
  /** Each clause's own text, split into sentences for the encoder. */
  clauseTexts: string[];
  remote: RemoteEmbedder | null;
  encoder: SentenceEncoderEmbeddings | null;
  identity: string;
  key: string;
  folder: string;
  logger: Logger;
  onProgress?: (message: string) => void;
  started: number;
}): Promise<LoadedVectors> {
  const { views, remote, logger, folder } = options;
  const progress = options.onProgress ?? (() => {});
  let vectors: Float32Array;
  let dimension: number;
  let offline: OfflineEmbeddings | null = null;
  let sentences: SentenceVectors | undefined;
  const files: Record<string, Uint8Array | string> = {};
  if (remote) {
    progress(`Embedding ${views.length} clauses with ${remote.identity}…`);
    ({ vectors, dimension } = await embedRemotely(remote.embeddings, views, progress));
  } else if (options.encoder) {
    ({ vectors, sentences } = await embedWithEncoder(options.encoder, views, options.clauseTexts, progress));
    dimension = options.encoder.dimension;
    files[indexFileNames.sentenceVectors] = float32Bytes(sentences.vectors);
    files[indexFileNames.sentenceOffsets] = new Uint8Array(
      sentences.offsets.buffer,
      sentences.offsets.byteOffset,
      sentences.offsets.byteLength,
    );
  } else {
    progress(`Fitting the offline embedder on ${views.length} clauses…`);
    const fitted = OfflineEmbeddings.fit(views, options.embedderOptions, progress);
    offline = fitted.embedder;
    vectors = fitted.vectors;
    dimension = offline.dimension;
    const serialised = offline.serialise();
    files[indexFileNames.embedderState] = JSON.stringify(serialised.state);
    files[indexFileNames.embedderWeights] = float32Bytes(serialised.weights);
  }
  progress(`Building the vector graph (${dimension} dimensions)…`);
  const store = HnswVectorStore.create(dimension, views.length);
  for (let index = 0; index < views.length; index++) {
    store.add(vectors.subarray(index * dimension, (index + 1) * dimension), index);
  }
  files[indexFileNames.vectors] = float32Bytes(vectors);
  progress('Building the lexical index…');
  const lexical = Bm25Index.build(options.lexicalFields);
  const flat = lexical.serialise();
  files[indexFileNames.lexicalTerms] = JSON.stringify({ size: flat.size, terms: flat.terms });
  const postings = new Int32Array(flat.offsets.length + flat.docs.length);
  postings.set(flat.offsets, 0);
  postings.set(flat.docs, flat.offsets.length);
  files[indexFileNames.lexicalPostings] = new Uint8Array(postings.buffer);
  files[indexFileNames.lexicalImpacts] = float32Bytes(flat.impacts);
  writeIndexFolder(
    folder,
    {
      formatVersion: indexFormatVersion,
      key: options.key,
      embedder: options.identity,
      clauses: views.length,
      dimension,
      builtAt: new Date().toISOString(),
      buildMs: performance.now() - options.started,
    },
    files,
    (file) => store.save(file),
  );
  for (const removed of removeOtherIndexFolders(folder))
    logger.info('Removed an old retrieval index', { folder: removed });
  progress(`Index written to ${folder}`);
  logger.info('Built the retrieval index', {
    folder,
    clauses: views.length,
    dimension,
    embedder: options.identity,
  });
  return { lexical, vectors, dimension, store, offline, sentences };
}

/**
 * What the sentence encoder embeds for a corpus: each clause's view (heading path, lead-in, text), then the sentences
 * of clauses with more than one. Exported so the test setup can fill the encoder's vector cache with exactly these.
 */
export function encoderTexts(clauses: readonly Clause[], documents: readonly CorpusDocument[]): string[] {
  const views = clauseViews(clauses, new Map(documents.map((document) => [document.meta.id, document.meta])));
  return [...views.embedding, ...sentencesOf(clauses.map((clause) => clause.text)).sentenceTexts];
}

/** The sentences of every clause, flat, with offsets[c]..offsets[c+1] marking clause c's. */
function sentencesOf(clauseTexts: readonly string[]): { sentenceTexts: string[]; offsets: Int32Array } {
  const offsets = new Int32Array(clauseTexts.length + 1);
  const sentenceTexts: string[] = [];
  clauseTexts.forEach((text, clause) => {
    sentenceTexts.push(...clauseSentences(text));
    offsets[clause + 1] = sentenceTexts.length;
  });
  return { sentenceTexts, offsets };
}

/**
 * Embeds every clause view, then every sentence of clauses with more than one, with the sentence encoder (through
 * its vector cache). The sentence vectors let a clause be scored by its best sentence as well as as a whole.
 */
async function embedWithEncoder(
  encoder: SentenceEncoderEmbeddings,
  views: readonly string[],
  clauseTexts: readonly string[],
  progress: (message: string) => void,
): Promise<{ vectors: Float32Array; sentences: SentenceVectors }> {
  const { sentenceTexts, offsets } = sentencesOf(clauseTexts);
  progress(`Encoding ${views.length} clauses and ${sentenceTexts.length} of their sentences…`);
  const all = await encoder.embedCached([...views, ...sentenceTexts], (encoded, toEncode) =>
    progress(`Encoded ${encoded}/${toEncode} texts not in the encoder's cache`),
  );
  const flatten = (vectors: Float32Array[]) => {
    const flat = new Float32Array(vectors.length * encoder.dimension);
    vectors.forEach((vector, index) => {
      flat.set(vector, index * encoder.dimension);
    });
    return flat;
  };
  return {
    vectors: flatten(all.slice(0, views.length)),
    sentences: { offsets, vectors: flatten(all.slice(views.length)) },
  };
}

const lexicalTermsSchema = z.object({ size: z.number().int().nonnegative(), terms: z.array(z.string()) });

/** Restores the BM25F index from its three files (checksums already verified). */
function loadLexical(contents: IndexFolderContents, clauseCount: number): Bm25Index {
  const { size, terms } = lexicalTermsSchema.parse(
    JSON.parse(contents.read(indexFileNames.lexicalTerms).toString('utf8')),
  );
  if (size !== clauseCount) {
    throw new ProtocolBotError(
      'index_corrupt',
      `Lexical index covers ${size} clauses, expected ${clauseCount}`,
    );
  }
  const postings = int32FromBytes(
    contents.read(indexFileNames.lexicalPostings),
    indexFileNames.lexicalPostings,
  );
  const impacts = float32FromBytes(
    contents.read(indexFileNames.lexicalImpacts),
    indexFileNames.lexicalImpacts,
  );
  return Bm25Index.restore({
    size,
    terms,
    offsets: postings.subarray(0, terms.length + 1),
    docs: postings.subarray(terms.length + 1),
    impacts,
  });
}

const remoteVectorsSchema = z.array(z.array(z.number()));

async function embedRemotely(
  embeddings: Embeddings,
  texts: string[],
  progress: (message: string) => void,
): Promise<{ vectors: Float32Array; dimension: number }> {
  let vectors: Float32Array | null = null;
  let dimension = 0;
  for (let start = 0; start < texts.length; start += remoteBatchSize) {
    const batch = texts.slice(start, start + remoteBatchSize);
    let answer: number[][];
    try {
      answer = remoteVectorsSchema.parse(await embeddings.embedDocuments(batch));
    } catch (cause) {
      throw new ProtocolBotError(
        'index_build_failed',
        `The embedding model failed on clauses ${start + 1}–${start + batch.length}: ${describeError(cause)}`,
        { cause, retryable: true },
      );
    }
    if (answer.length !== batch.length) {
      throw new ProtocolBotError(
        'index_build_failed',
        `The embedding model returned ${answer.length} vectors for ${batch.length} texts`,
      );
    }
    for (const [offset, vector] of answer.entries()) {
      if (!vectors) {
        dimension = vector.length;
        if (dimension === 0)
          throw new ProtocolBotError('index_build_failed', 'The embedding model returned empty vectors');
        vectors = new Float32Array(texts.length * dimension);
      }
      if (vector.length !== dimension) {
        throw new ProtocolBotError(
          'index_build_failed',
          `The embedding model returned vectors of ${vector.length} and ${dimension} dimensions`,
        );
      }
      vectors.set(normalise(Float32Array.from(vector)), (start + offset) * dimension);
    }
    progress(`Embedded ${Math.min(start + remoteBatchSize, texts.length)}/${texts.length} clauses`);
  }
  return { vectors: vectors as Float32Array, dimension };
}

/**
 * The query side of the embedder. A failing remote model degrades that one query to lexical ranking (logged as a
 * warning with the error) instead of failing the answer.
 */
function queryEmbedder(
  offline: OfflineEmbeddings | null,
  other: RemoteEmbedder | SentenceEncoderEmbeddings | null,
  dimension: number,
  logger: Logger,
): QueryEmbedder {
  if (offline) return (query) => offline.embedVector(query);
  const embeddings =
    other instanceof SentenceEncoderEmbeddings ? other : (other as RemoteEmbedder).embeddings;
  return async (query) => {
    try {
      const vector = await embeddings.embedQuery(query);
      if (vector.length !== dimension) {
        throw new ProtocolBotError(
          'llm_invalid_output',
          `Query vector has ${vector.length} dimensions, index has ${dimension}`,
        );
      }
      return normalise(Float32Array.from(vector));
    } catch (error) {
      logger.warn('Embedding the query failed; ranking this question lexically', {
        error: describeError(error),
      });
      return new Float32Array(dimension);
    }
  };
}
