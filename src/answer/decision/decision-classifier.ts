import { decideWithOffsets, predictSoftmax } from '../../learn/index.js';
import type { SearchHit } from '../../search/index.js';
import type { Decision } from '../answer-schema.js';
import { decisionFeatures, featureCount } from './decision-features.js';
import type { DecisionModelFile } from './decision-model-file.js';
import { retrievalEvidence } from './retrieval-evidence.js';

/** What the classifier makes of a message. */
export interface DecisionEstimate {
  /** The most probable decision. */
  decision: Decision;
  /** The model's probability (0..1) of that decision (before the cost offsets that may have chosen it). */
  confidence: number;
  /** Every decision's probability. */
  probabilities: Record<Decision, number>;
  /** The nearest topic of each decision that has topics, with its cosine similarity. */
  topics: Partial<Record<Decision, { id: string; similarity: number }>>;
}

/**
 * What retrieval found for a message: its hits (or their promise, so the message is embedded while retrieval runs)
 * and the dense embedder retrieval used. A model that learned from evidence reads it only from the same embedder.
 */
export interface RetrievalFound {
  /** Undefined when retrieval failed: the evidence is then neutral. */
  hits: Promise<readonly SearchHit[] | undefined> | readonly SearchHit[] | undefined;
  embedder?: string;
}

/** Learned decisions: which of the four ways a message should end, before any rule of the safety floor. */
export interface DecisionClassifier {
  classify(text: string, retrieval?: RetrievalFound): Promise<DecisionEstimate>;
}

/** Turns a text into the unit sentence vector the model was trained on. */
export type SentenceEmbedder = (text: string) => Promise<Float32Array>;

/** A classifier over a sentence encoder, with the weights of a trained model file. */
export function createDecisionClassifier(
  model: DecisionModelFile,
  embed: SentenceEmbedder,
): DecisionClassifier {
  const features = {
    ngramBuckets: model.ngramBuckets,
    ngramWeight: model.ngramWeight,
    charBuckets: model.charBuckets,
    charWeight: model.charWeight,
    ...(model.evidence ? { evidence: model.evidence } : {}),
  };
  // Evidence from another dense embedder has other scales: the message then decides alone (neutral evidence).
  const readsEvidence = (retrieval: RetrievalFound | undefined): retrieval is RetrievalFound =>
    Boolean(
      model.evidence &&
        retrieval &&
        (retrieval.embedder ?? model.evidence.embedder) === model.evidence.embedder,
    );
  const softmax = {
    classes: model.classes.length,
    features: featureCount(model.encoderDimensions, features),
    weights: model.weights,
    bias: model.bias,
  };
  return {
    async classify(text, retrieval) {
      const [vector, hits] = await Promise.all([
        embed(text),
        readsEvidence(retrieval) ? retrieval.hits : undefined,
      ]);
      const evidence = hits ? retrievalEvidence(hits) : undefined;
      const probabilities = predictSoftmax(softmax, decisionFeatures(vector, text, features, evidence));
      const byDecision = { answer: 0, refuse: 0, escalate: 0, out_of_scope: 0 } as Record<Decision, number>;
      model.classes.forEach((decision, index) => {
        byDecision[decision] = probabilities[index] as number;
      });
      const best = decideWithOffsets(probabilities, model.offsets);
      const topics: DecisionEstimate['topics'] = {};
      for (const topic of model.topics) {
        const similarity = cosine(vector, topic.centroid);
        const current = topics[topic.decision];
        if (!current || similarity > current.similarity)
          topics[topic.decision] = { id: topic.id, similarity };
      }
      return {
        decision: model.classes[best] as Decision,
        confidence: probabilities[best] as number,
        probabilities: byDecision,
        topics,
      };
    },
  };
}

function cosine(left: Float32Array, right: Float32Array): number {
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (let index = 0; index < left.length; index++) {
    const a = left[index] as number;
    const b = (right[index] ?? 0) as number;
    dot += a * b;
    leftNorm += a * a;
    rightNorm += b * b;
  }
  return leftNorm && rightNorm ? dot / Math.sqrt(leftNorm * rightNorm) : 0;
}
