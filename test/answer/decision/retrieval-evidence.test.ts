import { describe, expect, it } from 'vitest';
import { createDecisionClassifier } from '../../../src/answer/decision/decision-classifier.js';
import { decisionFeatures, featureCount } from '../../../src/answer/decision/decision-features.js';
import type { DecisionModelFile } from '../../../src/answer/decision/decision-model-file.js';
import {
  evidenceNames,
  fitEvidenceScaling,
  retrievalEvidence,
  scaledEvidence,
} from '../../../src/answer/decision/retrieval-evidence.js';
import type { Clause } from '../../../src/corpus/index.js';
import { rankingFeatureNames, type SearchHit } from '../../../src/search/index.js';

const width = rankingFeatureNames.length;

function hit(score: number, fill: number): SearchHit {
  const clause: Clause = {
    document: 'part5c',
    id: '6.2',
    key: 'part5c#1',
    ordinal: 1,
    parent: '6',
    headings: [],
    text: 'Officers will reply within ten working days.',
  };
  return { clause, score, lexical: 0, dense: 0, coverage: 0, features: new Float32Array(width).fill(fill) };
}

describe('retrieval evidence', () => {
  it('lays out the best two hits’ ranking evidence, the best score and its lead over the second', () => {
    const row = retrievalEvidence([hit(3, 0.5), hit(1, 0.25), hit(0.5, 9)]);
    expect(row).toHaveLength(evidenceNames.length);
    expect(evidenceNames[0]).toBe(`first.${rankingFeatureNames[0]}`);
    expect(evidenceNames[width]).toBe(`second.${rankingFeatureNames[0]}`);
    expect(row[0]).toBe(0.5);
    expect(row[width]).toBe(0.25);
    expect(row[2 * width]).toBe(3);
    expect(row[2 * width + 1]).toBe(2);
    // Nothing found is itself evidence (all zeros), not an error.
    expect([...retrievalEvidence([])].every((value) => value === 0)).toBe(true);
  });

  it('is standardised by the training messages and weighted; no evidence, or a name the code lost, is neutral', () => {
    const rows = [retrievalEvidence([hit(1, 0)]), retrievalEvidence([hit(3, 0)])];
    const scaling = fitEvidenceScaling(rows, 0.5);
    const at = evidenceNames.indexOf('firstScore');
    expect(scaling.mean[at]).toBe(2);
    expect(scaling.scale[at]).toBe(1);
    // A feature that never varies keeps scale 1 rather than dividing by zero.
    expect(scaling.scale[0]).toBe(1);
    expect(scaledEvidence(scaling, rows[1])[at]).toBeCloseTo(0.5);
    expect(scaledEvidence(scaling, rows[0])[at]).toBeCloseTo(-0.5);
    expect([...scaledEvidence(scaling, undefined)].every((value) => value === 0)).toBe(true);
    const renamed = { ...scaling, features: scaling.features.map((name) => `old.${name}`) };
    expect([...scaledEvidence(renamed, rows[1])].every((value) => value === 0)).toBe(true);
  });

  it('is appended after the message’s own features, and counted', () => {
    const evidence = { features: ['firstScore'], mean: [1], scale: [2], weight: 1 };
    const settings = { ngramBuckets: 4, ngramWeight: 1, evidence };
    expect(featureCount(3, settings)).toBe(8);
    const row = decisionFeatures(
      new Float32Array([1, 0, 0]),
      'reply times',
      settings,
      retrievalEvidence([hit(5, 0)]),
    );
    expect(row).toHaveLength(8);
    expect(row[7]).toBe(2);
  });
});

describe('a decision model that learned from retrieval evidence', () => {
  // Two encoder dimensions (always zero here) and one evidence feature: a clear best clause means answer, none means
  // escalate.
  const model = {
    version: 1,
    encoder: 'test-encoder',
    encoderDimensions: 2,
    ngramBuckets: 0,
    ngramWeight: 0,
    charBuckets: 0,
    charWeight: 0,
    evidence: { features: ['firstScore'], mean: [0], scale: [1], weight: 1, embedder: 'offline:test' },
    classes: ['answer', 'refuse', 'escalate', 'out_of_scope'],
    weights: new Float32Array([0, 0, 4, 0, 0, 0, 0, 0, -4, 0, 0, 0]),
    bias: new Float32Array(4),
    offsets: [0, 0, 0, 0],
    topics: [],
    training: { files: [], examples: {}, sha256: '', trainedAt: '' },
  } as unknown as DecisionModelFile;
  const classifier = createDecisionClassifier(model, async () => new Float32Array(2));

  it('reads what retrieval found, waiting for it while the message is embedded', async () => {
    const strong = await classifier.classify('x', {
      hits: Promise.resolve([hit(1, 0)]),
      embedder: 'offline:test',
    });
    const weak = await classifier.classify('x', { hits: [hit(-1, 0)], embedder: 'offline:test' });
    expect(strong.decision).toBe('answer');
    expect(weak.decision).toBe('escalate');
  });

  it('decides from the message alone when retrieval failed, found it with another embedder, or was not asked', async () => {
    for (const retrieval of [
      { hits: Promise.resolve(undefined), embedder: 'offline:test' },
      { hits: [hit(1, 0)], embedder: 'openai:text-embedding-3-small' },
      undefined,
    ]) {
      const estimate = await classifier.classify('x', retrieval);
      expect(estimate.probabilities.answer).toBeCloseTo(0.25);
      expect(estimate.probabilities.escalate).toBeCloseTo(0.25);
    }
  });
});
