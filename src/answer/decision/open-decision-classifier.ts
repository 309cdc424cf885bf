import { ProtocolBotError } from '../../errors.js';
import type { SentenceEncoder } from '../../search/index.js';
import { createDecisionClassifier, type DecisionClassifier } from './decision-classifier.js';
import { loadDecisionModel } from './decision-model-file.js';

/** Sentence vectors of the last few texts, so the classifier and retrieval embed a question once between them. */
export function memoisedEmbedder(
  encoder: SentenceEncoder,
  size = 64,
): (text: string) => Promise<Float32Array> {
  const recent = new Map<string, Promise<Float32Array>>();
  return (text) => {
    let vector = recent.get(text);
    if (!vector) {
      vector = encoder.embed([text]).then((vectors) => vectors[0] as Float32Array);
      recent.set(text, vector);
      vector.catch(() => recent.delete(text));
      if (recent.size > size) recent.delete(recent.keys().next().value as string);
    }
    return vector;
  };
}

/**
 * The decision classifier from a model file, checked against the encoder it will read vectors from. The model file
 * is read now (a missing or damaged one fails at start-up, naming it); the encoder is loaded on the first question,
 * so a process whose answers are computed elsewhere (serve's main thread) never pays for it.
 */
export function openDecisionClassifier(options: {
  modelFile?: string;
  encoder: () => Promise<SentenceEncoder>;
  embed?: (encoder: SentenceEncoder) => (text: string) => Promise<Float32Array>;
}): DecisionClassifier {
  const model = loadDecisionModel(options.modelFile);
  let ready: Promise<DecisionClassifier> | undefined;
  const open = async () => {
    const encoder = await options.encoder();
    if (encoder.id !== model.encoder || encoder.dimensions !== model.encoderDimensions) {
      throw new ProtocolBotError(
        'model_invalid',
        `the decision model was trained on encoder ${model.encoder}, but ${encoder.id} is loaded: run \`protocol-bot train\``,
      );
    }
    return createDecisionClassifier(model, (options.embed ?? memoisedEmbedder)(encoder));
  };
  return {
    async classify(text, retrieval) {
      ready ??= open();
      ready.catch(() => {
        ready = undefined;
      });
      return (await ready).classify(text, retrieval);
    },
  };
}
