import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ProtocolBotError, type ProtocolBotErrorCode } from '../../errors.js';
import type { EncodeThreadData, FromEncodeThread } from './encode-thread.js';
import { sentenceEncoderDimensions } from './sentence-encoder.js';

/**
 * Under vitest this module is the TypeScript source, which a worker thread cannot load; the compiled thread (which
 * `npm test` builds first) serves instead, as for the answer threads.
 */
const defaultEntry = new URL(
  import.meta.url.endsWith('.ts') ? '../../../dist/src/search/embed/encode-thread.js' : './encode-thread.js',
  import.meta.url,
);

/** False when the compiled thread module is missing (TypeScript sources run without a build): encode in-thread. */
export function encodingThreadsAvailable(): boolean {
  return existsSync(fileURLToPath(defaultEntry));
}

/** Options of {@link encodeInThreads}. */
export interface ParallelEncodeOptions {
  modelDir?: string;
  /** Threads to use (default: one per CPU, at most two: each holds its own ~150 MB copy of the model). */
  threads?: number;
  /** Texts encoded so far, across threads. */
  onProgress?: (encoded: number) => void;
}

/**
 * Embeds texts with the sentence encoder on worker threads, each loading its own model, encoding an equal share of
 * the characters and ending: an index build on two cores takes about half the time of one thread, and the model's
 * memory is given back when the build ends instead of staying in the process that built the index.
 */
export async function encodeInThreads(
  texts: readonly string[],
  options: ParallelEncodeOptions = {},
): Promise<Float32Array[]> {
  if (texts.length === 0) return [];
  const threads = Math.max(1, Math.min(options.threads ?? Math.min(2, availableParallelism()), texts.length));
  // Longest first into the least loaded share: shares of about equal work (cost grows with length).
  const shares: { indices: number[]; characters: number }[] = Array.from({ length: threads }, () => ({
    indices: [],
    characters: 0,
  }));
  const order = texts
    .map((_, index) => index)
    .sort((a, b) => (texts[b]?.length ?? 0) - (texts[a]?.length ?? 0));
  for (const index of order) {
    const share = shares.reduce((least, candidate) =>
      candidate.characters < least.characters ? candidate : least,
    );
    share.indices.push(index);
    share.characters += texts[index]?.length ?? 0;
  }
  const encodedBy = new Array<number>(threads).fill(0);
  const results = await Promise.all(
    shares.map((share, thread) =>
      runThread(
        { modelDir: options.modelDir, texts: share.indices.map((index) => texts[index] ?? '') },
        (encoded) => {
          encodedBy[thread] = encoded;
          options.onProgress?.(encodedBy.reduce((total, count) => total + count, 0));
        },
      ),
    ),
  );
  const vectors: Float32Array[] = new Array(texts.length);
  shares.forEach((share, thread) => {
    const flat = results[thread] as Float32Array;
    share.indices.forEach((index, position) => {
      vectors[index] = flat.subarray(
        position * sentenceEncoderDimensions,
        (position + 1) * sentenceEncoderDimensions,
      );
    });
  });
  return vectors;
}

function runThread(data: EncodeThreadData, onProgress: (encoded: number) => void): Promise<Float32Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(defaultEntry, { workerData: data });
    let settled = false;
    worker.on('message', (message: FromEncodeThread) => {
      if (message.type === 'progress') {
        onProgress(message.encoded);
        return;
      }
      settled = true;
      if (message.type === 'encoded') resolve(message.vectors);
      else {
        reject(
          new ProtocolBotError(
            (message.code ?? 'index_build_failed') as ProtocolBotErrorCode,
            message.message,
          ),
        );
      }
      void worker.terminate();
    });
    worker.once('error', (error) => {
      if (!settled)
        reject(new ProtocolBotError('index_build_failed', `An encoding thread failed: ${error.message}`));
    });
    worker.once('exit', (code) => {
      if (!settled)
        reject(new ProtocolBotError('index_build_failed', `An encoding thread stopped (exit code ${code})`));
    });
  });
}
