import { describe, expect, it } from 'vitest';
import { fitDecisionOffsets, type LabelledExample } from '../../src/app/training/train-decision-model.js';
import { decideWithOffsets } from '../../src/learn/decision-offsets.js';
import { hashedCharGrams } from '../../src/learn/hashed-char-grams.js';
import { hashedNgrams } from '../../src/learn/hashed-ngrams.js';
import { packInt8Rows, unpackInt8Rows } from '../../src/learn/int8-rows.js';
import {
  defaultListwiseTraining,
  type ListwiseModel,
  listwiseResidual,
  trainListwise,
} from '../../src/learn/listwise-ranking.js';
import { blendProbabilities, neighbourVote } from '../../src/learn/neighbour-vote.js';
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

describe('listwise residual ranking', () => {
  /** Queries whose base ranking puts a decoy first; feature 1 marks the acceptable candidate, feature 0 is noise. */
  function queries(seed: number, count: number) {
    const next = random(seed);
    return Array.from({ length: count }, () => {
      const rows = Array.from({ length: 8 }, () => Float32Array.from([next(), next()]));
      const best = 1 + Math.floor(next() * 7);
      (rows[best] as Float32Array)[1] = 2;
      // The base ranking: candidate 0 first, the rest in order; the acceptable one is never first.
      const base = rows.map((_, index) => -0.1 * index);
      return { rows, base, relevant: rows.map((_, index) => index === best) };
    });
  }
  const top = (model: ListwiseModel, query: ReturnType<typeof queries>[number]) => {
    const scores = query.rows.map(
      (row, index) => model.baseWeight * (query.base[index] as number) + listwiseResidual(model, row),
    );
    return scores.indexOf(Math.max(...scores));
  };

  it('learns the feature that marks the acceptable candidate, and moves it above the base ranking’s first', () => {
    const model = trainListwise(queries(5, 40), { ...defaultListwiseTraining, l2: 1e-3 });
    expect(model.weights[1] as number).toBeGreaterThan(Math.abs(model.weights[0] as number));
    const unseen = queries(6, 20);
    expect(unseen.filter((query) => query.relevant[top(model, query)]).length).toBe(20);
  });

  it('gives back the base ranking under a strong pull to it', () => {
    // Here the base ranking is mostly right: it puts the acceptable candidate first in three queries of four.
    const mostlyRight = queries(5, 40).map((query, number) => ({
      ...query,
      base: query.base.map((score, index) => (number % 4 !== 0 && query.relevant[index] ? 1 : score)),
    }));
    const model = trainListwise(mostlyRight, { ...defaultListwiseTraining, l2: 1e3 });
    for (const weight of model.weights) expect(Math.abs(weight)).toBeLessThan(1e-2);
    expect(model.baseWeight).toBeGreaterThan(0);
    const baseFirst = (query: (typeof mostlyRight)[number]) => query.base.indexOf(Math.max(...query.base));
    expect(mostlyRight.every((query) => top(model, query) === baseFirst(query))).toBe(true);
  });

  it('is satisfied by any one of several acceptable candidates on top', () => {
    // A second acceptable candidate per query that the feature does not mark (the last): the loss asks only that one
    // acceptable candidate lead, so the unmarked ones do not drag the feature's weight down.
    const marked = queries(7, 40).map((query) => ({
      ...query,
      relevant: query.relevant.map((relevant, index) => relevant || index === 7),
    }));
    const model = trainListwise(marked, { ...defaultListwiseTraining, l2: 1e-3 });
    expect(marked.filter((query) => query.relevant[top(model, query)]).length).toBe(40);
  });

  it('is deterministic: the same queries give the same weights', () => {
    const first = trainListwise(queries(8, 20));
    const second = trainListwise(queries(8, 20));
    expect(second).toEqual(first);
  });

  /**
   * Queries where the acceptable candidate has exactly one of two signals (either), and the decoys both or neither: no
   * weighting of the two alone can put it first, a combination of them can.
   */
  function eitherButNotBoth(seed: number, count: number) {
    const next = random(seed);
    return Array.from({ length: count }, () => {
      const kinds = [[1, 1], [0, 0], next() < 0.5 ? [1, 0] : [0, 1], [1, 1], [0, 0]];
      const rows = kinds.map(([a, b]) =>
        Float32Array.from([(a as number) + 0.1 * next(), (b as number) + 0.1 * next()]),
      );
      return { rows, base: rows.map(() => 0), relevant: kinds.map((_, index) => index === 2) };
    });
  }
  const hidden = {
    ...defaultListwiseTraining,
    l2: 1e-3,
    hiddenUnits: 8,
    hiddenL2: 1e-4,
    epochs: 400,
    learningRate: 0.02,
  };

  it('with a hidden layer, learns a combination of features that no linear weighting can', () => {
    const unseen = eitherButNotBoth(12, 40);
    const correct = (model: ListwiseModel) =>
      unseen.filter((query) => query.relevant[top(model, query)]).length;
    const linear = trainListwise(eitherButNotBoth(11, 60), { ...defaultListwiseTraining, l2: 1e-3 });
    const layered = trainListwise(eitherButNotBoth(11, 60), hidden);
    expect(linear.hidden).toBeUndefined();
    expect(layered.hidden?.weights).toHaveLength(8);
    expect(correct(layered)).toBe(40);
    expect(correct(linear)).toBeLessThan(30);
  });

  it('with a hidden layer, is deterministic too', () => {
    expect(trainListwise(eitherButNotBoth(13, 20), hidden)).toEqual(
      trainListwise(eitherButNotBoth(13, 20), hidden),
    );
  });
});

describe('nearest-neighbour votes', () => {
  it('share the vote among the nearest examples only, nearer ones weighing more', () => {
    const similarities = [0.9, 0.1, 0.8, 0.85, 0.2];
    const labels = [0, 1, 2, 2, 1];
    const vote = neighbourVote(similarities, labels, 3, { count: 3, temperature: 10 });
    expect(vote[1]).toBe(0);
    expect((vote[0] as number) + (vote[2] as number)).toBeCloseTo(1, 9);
    // Each weighs exp(10 × (similarity − the nearest's)): 1 for class 0, e^−0.5 + e^−1 for class 2.
    const total = 1 + Math.exp(-0.5) + Math.exp(-1);
    expect(vote[0]).toBeCloseTo(1 / total, 9);
    expect(vote[2]).toBeCloseTo((Math.exp(-0.5) + Math.exp(-1)) / total, 9);
  });

  it('is even when there is nobody to ask, and blends into a distribution', () => {
    expect(neighbourVote([], [], 4, { count: 5, temperature: 10 })).toEqual([0.25, 0.25, 0.25, 0.25]);
    const blended = blendProbabilities([0.7, 0.1, 0.1, 0.1], [0, 1, 0, 0], 0.25);
    expect(blended.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 12);
    expect(blended[0]).toBeCloseTo(0.525, 12);
    expect(blended[1]).toBeCloseTo(0.325, 12);
  });

  it('pack rows as int8 with a scale each, within a hundredth', () => {
    const rows = [Float32Array.from([0.6, -0.8, 0]), Float32Array.from([0, 0, 0])];
    const packed = packInt8Rows(rows);
    const bytes = unpackInt8Rows(packed.vectors);
    expect(bytes).toHaveLength(6);
    rows.forEach((row, index) => {
      row.forEach((value, column) => {
        expect((bytes[index * 3 + column] as number) * (packed.scales[index] as number)).toBeCloseTo(
          value,
          2,
        );
      });
    });
  });
});
