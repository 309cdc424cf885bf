import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ProtocolBotError } from '../../errors.js';
import { readModelFile } from '../../model-file.js';
import { shippedModelPath } from '../../package-root.js';
import { type Decision, decisionSchema } from '../answer-schema.js';
import { featureCount } from './decision-features.js';

/** A Float32Array stored as base64 of its little-endian bytes (compact and exact). */
const packedFloats = z.string().transform((text) => unpackFloats(text));

/** The decision classifier's weights and what they were trained on (`models/decision-model.json`). */
export const decisionModelFileSchema = z.object({
  /** Format version of this file. */
  version: z.literal(1),
  /** The sentence encoder the weights expect (`SentenceEncoder.id`); another encoder makes the file unusable. */
  encoder: z.string().min(1),
  /** Dimension of the encoder's vectors. */
  encoderDimensions: z.number().int().positive(),
  /** Buckets of the hashed word and word-pair features appended to the encoder's vector (0: none). */
  ngramBuckets: z.number().int().nonnegative(),
  /** Weight of the hashed features relative to the encoder's vector. */
  ngramWeight: z.number().nonnegative(),
  /** Buckets of the hashed character 3–5-gram features appended after the word features (0: none). */
  charBuckets: z.number().int().nonnegative().default(0),
  /** Weight of the character features. */
  charWeight: z.number().nonnegative().default(0),
  /**
   * Retrieval's evidence appended after the hashed features (`retrievalEvidence`): its names, the training messages'
   * mean and scale of each, its weight, and the dense embedder retrieval used (evidence from another is not read).
   */
  evidence: z
    .object({
      features: z.array(z.string()).min(1),
      mean: z.array(z.number()),
      scale: z.array(z.number()),
      weight: z.number().nonnegative(),
      embedder: z.string().min(1),
    })
    .refine((evidence) => evidence.mean.length === evidence.features.length, 'one mean per feature')
    .refine((evidence) => evidence.scale.length === evidence.features.length, 'one scale per feature')
    .optional(),
  /** The classes, in the order of the weight rows. */
  classes: z.array(decisionSchema).min(2),
  /** Softmax weights, classes × features, row-major. */
  weights: packedFloats,
  /** One bias per class. */
  bias: packedFloats,
  /**
   * Added to each class's log-probability before the decision is taken: fitted on out-of-fold predictions to the
   * costs of each kind of mistake (an over-refusal or a leak costs more than a needless escalation).
   */
  offsets: z.array(z.number()),
  /** Topics a refusal or escalation is filed under, each as the unit mean vector of its examples. */
  topics: z.array(z.object({ id: z.string(), decision: decisionSchema, centroid: packedFloats })),
  /** Provenance: training files, example counts, their hash, and the cross-validated figures that chose the model. */
  training: z.object({
    files: z.array(z.string()),
    examples: z.record(z.string(), z.number()),
    sha256: z.string(),
    trainedAt: z.string(),
    crossValidation: z.unknown().optional(),
  }),
});

/** A loaded decision model. */
export type DecisionModelFile = z.infer<typeof decisionModelFileSchema>;

/** The decision classifier shipped with the package: `models/decision-model.json` at the package root. */
export function defaultDecisionModelPath(): string {
  return shippedModelPath('decision-model.json');
}

/** Reads and checks a decision model; a missing or damaged file is a clear error naming it. */
export function loadDecisionModel(file: string = defaultDecisionModelPath()): DecisionModelFile {
  const model = readModelFile(
    file,
    decisionModelFileSchema,
    'the decision model is missing; reinstall the package or run `protocol-bot train`',
  );
  const features = featureCount(model.encoderDimensions, model);
  if (
    model.weights.length !== model.classes.length * features ||
    model.bias.length !== model.classes.length
  ) {
    throw new ProtocolBotError('model_invalid', `${file}: weights do not match ${features} features`);
  }
  return model;
}

/** Packs floats as base64 (see `packedFloats`). */
export function packFloats(values: Float32Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

/** Unpacks floats packed by {@link packFloats}. */
export function unpackFloats(text: string): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  const copy = new Uint8Array(bytes.length - (bytes.length % 4));
  copy.set(bytes.subarray(0, copy.length));
  return new Float32Array(copy.buffer);
}

/** Hash of training files' contents, so a model can say which data it was fitted to. */
export function hashOfTexts(texts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const text of texts) hash.update(text).update('\u0000');
  return hash.digest('hex');
}

/** The decisions a model can produce, as its file lists them. */
export function modelClasses(model: DecisionModelFile): readonly Decision[] {
  return model.classes;
}
