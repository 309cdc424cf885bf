import { describe, expect, it } from 'vitest';
import { fitDecisionOffsets, type LabelledExample } from '../../src/app/training/train-decision-model.js';
import { decideWithOffsets } from '../../src/learn/decision-offsets.js';
import { hashedCharGrams } from '../../src/learn/hashed-char-grams.js';
import { hashedNgrams } from '../../src/learn/hashed-ngrams.js';
import { pairwiseScore, trainPairwise } from '../../src/learn/pairwise-ranking.js';
import { predictSoftmax, trainSoftmax } from '../../src/learn/softmax-regression.js';

// A seeded generator, so the data (and so the test) is the same on every run.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

describe('softmax regression', () => {
  it('separates classes that differ in one direction, and gives calibrated-looking probabilities', () => {
    const next = random(7);
    const rows: Float32Array[] = [];
    const labels: number[] = [];
    for (let index = 0; index < 300; index++) {
      const label = index % 3;
      const row = Float32Array.from({ length: 8 }, () => next() - 0.5);
      row[label] = (row[label] as number) + 2;
      rows.push(row);
      labels.push(label);
    }
    const model = trainSoftmax(rows, labels, 3, { l2: 1e-4, epochs: 200, learningRate: 0.1 });
    const correct = rows.filter((row, index) => {
      const probabilities = predictSoftmax(model, row);
      return probabilities.indexOf(Math.max(...probabilities)) === labels[index];
    }).length;
    expect(correct / rows.length).toBeGreaterThan(0.95);
    const sure = predictSoftmax(model, Float32Array.from([3, 0, 0, 0, 0, 0, 0, 0]));
    expect(sure[0]).toBeGreaterThan(0.9);
    expect(sure.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 5);
  });
});

describe('hashed word features', () => {
  it('are deterministic, unit length, and shared by texts that share words', () => {
    const a = hashedNgrams('Which party should I vote for?', 256);
    const b = hashedNgrams('which PARTY should i vote for', 256);
    expect([...a]).toEqual([...b]);
    expect(Math.hypot(...a)).toBeCloseTo(1, 5);
    const c = hashedNgrams('how fast must I reply to a councillor', 256);
    const dot = (x: Float32Array, y: Float32Array) =>
      x.reduce((sum, value, index) => sum + value * (y[index] as number), 0);
    expect(dot(a, b)).toBeGreaterThan(dot(a, c));
  });
});

describe('hashed character features', () => {
  const dot = (x: Float32Array, y: Float32Array) =>
    x.reduce((sum, value, index) => sum + value * (y[index] as number), 0);

  it('match a misspelt word that whole-word features miss entirely', () => {
    const right = 'is the councillor electable';
    const misspelt = 'is the councilor elecatble';
    expect(dot(hashedNgrams(right, 4096), hashedNgrams(misspelt, 4096))).toBeLessThan(0.45);
    const chars = dot(hashedCharGrams(right, 4096), hashedCharGrams(misspelt, 4096));
    expect(chars).toBeGreaterThan(0.6);
    expect(chars).toBeGreaterThan(
      dot(hashedCharGrams(right, 4096), hashedCharGrams('how fast must officers reply', 4096)) + 0.3,
    );
  });

  it('are unit length, case-blind, and empty for a text without words', () => {
    const a = hashedCharGrams('Part 5C', 512);
    expect(Math.hypot(...a)).toBeCloseTo(1, 5);
    expect([...a]).toEqual([...hashedCharGrams('part 5c', 512)]);
    expect(Math.hypot(...hashedCharGrams('?!', 512))).toBe(0);
  });
});

describe('cost offsets', () => {
  it('move an unsure decision away from the costly mistake', () => {
    // Probabilities order: answer, refuse, escalate, out_of_scope. Answerable messages the model leans to refuse.
    const unsure = [0.45, 0.55, 0, 0];
    const examples: LabelledExample[] = Array.from({ length: 10 }, (_, index) => ({
      text: `m${index}`,
      vector: new Float32Array(1),
      decision: index < 8 ? 'answer' : 'refuse',
      accept: index < 8 ? ['answer'] : ['refuse'],
    }));
    const probabilities = examples.map((example) =>
      example.decision === 'refuse' ? [0.1, 0.9, 0, 0] : unsure,
    );
    expect(decideWithOffsets(unsure, [0, 0, 0, 0])).toBe(1);
    const offsets = fitDecisionOffsets(examples, probabilities);
    expect(decideWithOffsets(unsure, offsets)).toBe(0);
    expect(decideWithOffsets([0.1, 0.9, 0, 0], offsets)).toBe(1);
  });
});

describe('pairwise ranking', () => {
  it('learns which feature marks the relevant candidate', () => {
    const next = random(3);
    const queries = Array.from({ length: 40 }, () => {
      const rows = Array.from({ length: 10 }, () => Float32Array.from([next(), next()]));
      const best = Math.floor(next() * 10);
      (rows[best] as Float32Array)[1] = 2; // the second feature marks the answer; the first is noise
      return { rows, relevant: rows.map((_, index) => index === best) };
    });
    const model = trainPairwise(queries, {
      l2: 1e-4,
      epochs: 200,
      learningRate: 0.05,
      negativesPerPositive: 9,
    });
    expect(model.weights[1] as number).toBeGreaterThan(Math.abs(model.weights[0] as number));
    const top = queries.filter((query) => {
      const scores = query.rows.map((row) => pairwiseScore(model, row));
      return query.relevant[scores.indexOf(Math.max(...scores))];
    }).length;
    expect(top).toBe(40);
  });
});
