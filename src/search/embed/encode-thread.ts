import { parentPort, workerData } from 'node:worker_threads';
import { describeError, ProtocolBotError } from '../../errors.js';
import { loadSentenceEncoder } from './sentence-encoder.js';

/** What an encoding thread is started with. */
export interface EncodeThreadData {
  modelDir?: string;
  texts: string[];
}

/** What it sends back: every vector, flat (texts × dimensions), or the error that stopped it. */
export type FromEncodeThread =
  | { type: 'progress'; encoded: number }
  | { type: 'encoded'; vectors: Float32Array }
  | { type: 'failed'; code?: string; message: string };

/** Texts per progress message. */
const progressStep = 32;

/**
 * One thread of a parallel index build (see parallel-encode.ts): loads the encoder, embeds its share of the texts,
 * sends the vectors back and ends, so the model's memory leaves with the thread.
 */
async function encode(port: NonNullable<typeof parentPort>, data: EncodeThreadData): Promise<void> {
  try {
    const encoder = await loadSentenceEncoder({ modelDir: data.modelDir });
    const flat = new Float32Array(data.texts.length * encoder.dimensions);
    for (let start = 0; start < data.texts.length; start += progressStep) {
      const vectors = await encoder.embed(data.texts.slice(start, start + progressStep));
      vectors.forEach((vector, offset) => {
        flat.set(vector, (start + offset) * encoder.dimensions);
      });
      const progress: FromEncodeThread = { type: 'progress', encoded: start + vectors.length };
      port.postMessage(progress);
    }
    const message: FromEncodeThread = { type: 'encoded', vectors: flat };
    port.postMessage(message, [flat.buffer]);
  } catch (error) {
    const message: FromEncodeThread = {
      type: 'failed',
      code: ProtocolBotError.isInstance(error) ? error.code : undefined,
      message: describeError(error),
    };
    port.postMessage(message);
  }
}

if (parentPort) await encode(parentPort, workerData as EncodeThreadData);
