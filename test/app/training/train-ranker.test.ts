import { describe, expect, it } from 'vitest';
import {
  type CandidateList,
  crossValidateRanker,
  withoutExamples,
} from '../../../src/app/training/train-ranker.js';
import type { Clause } from '../../../src/corpus/index.js';
import { featureIndex, rankingFeatureNames, type SearchHit } from '../../../src/search/index.js';

/** A deterministic pseudo-random sequence (no Math.random: the test must repeat exactly). */
function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * Lists whose fusion order is noise and whose acceptable clause is marked only by the question bank's vote (and,
 * weakly, by BM25F): the bank's features are the evidence that ranks it first.
 */
function lists(count: number): CandidateList[] {
  const next = sequence(7);
  return Array.from({ length: count }, () => {
    const answer = Math.floor(next() * 20);
    const hits: SearchHit[] = Array.from({ length: 20 }, (_, index) => {
      const features = new Float32Array(rankingFeatureNames.length);
      features[featureIndex('lexical')] = next() + (index === answer ? 0.2 : 0);
      features[featureIndex('exampleVote')] = index === answer ? 0.5 + next() / 2 : next() / 4;
      features[featureIndex('exampleNearest')] = index === answer ? 0.8 : next() * 0.6;
      return {
        clause: { document: 'part5c', id: String(index) } as Clause,
        score: 1 - index / 40,
        lexical: 0,
        dense: 0,
        coverage: 0,
        features,
      };
    });
    return { hits, relevant: hits.map((_, index) => index === answer) };
  });
}

describe('fitting the ranker with and without the question bank', () => {
  it('measures the bank’s worth in cross-validation against the same ranker with its features zeroed', () => {
    // Two of the settings (not all of them: the deeper heads add time, not evidence, on 20-candidate lists).
    const comparison = crossValidateRanker(lists(120), [
      { depth: 20, l2: 0.3 },
      { depth: 20, l2: 0.3, hiddenUnits: 16 },
    ]);
    expect(comparison.withoutExamples.name).toContain('no labelled questions');
    expect(comparison.scores).toContain(comparison.withoutExamples);
    expect(comparison.learned.hitAt1).toBeGreaterThan(0.8);
    expect(comparison.withoutExamples.hitAt1).toBeLessThan(comparison.learned.hitAt1 - 0.3);
  });

  it('zeroes only the bank’s features, leaving the lists it was given untouched', () => {
    const given = lists(3);
    const zeroed = withoutExamples(given);
    for (const [index, list] of zeroed.entries()) {
      const original = given[index] as CandidateList;
      expect(list.relevant).toEqual(original.relevant);
      for (const [position, hit] of list.hits.entries()) {
        const before = original.hits[position]?.features as Float32Array;
        expect(hit.features?.[featureIndex('exampleVote')]).toBe(0);
        expect(hit.features?.[featureIndex('exampleNearest')]).toBe(0);
        expect(hit.features?.[featureIndex('lexical')]).toBe(before[featureIndex('lexical')]);
        expect(before[featureIndex('exampleVote')]).toBeGreaterThan(0);
      }
    }
  });
});
