import { describe, expect, it } from 'vitest';
import type { Decision } from '../../../src/answer/index.js';
import {
  clearlyCheaper,
  type LabelledExample,
  offsetsShip,
  totalMistakeCost,
} from '../../../src/app/training/train-decision-model.js';

const example = (decision: Decision): LabelledExample => ({
  text: decision,
  vector: new Float32Array(0),
  decision,
  accept: [decision],
});

/** 400 messages: 200 answerable, 100 political-advice requests, 100 Monitoring Officer cases. */
const examples = [
  ...Array.from({ length: 200 }, () => example('answer')),
  ...Array.from({ length: 100 }, () => example('refuse')),
  ...Array.from({ length: 100 }, () => example('escalate')),
];
const truth = examples.map((item) => item.decision);

/** The truth with `count` messages of decision `from`, counted from `start`, decided as `to`. */
function withMistakes(base: readonly Decision[], from: Decision, to: Decision, count: number, start = 0) {
  let left = count;
  return base.map((decision, index) => {
    if (index < start || left === 0 || examples[index]?.decision !== from) return decision;
    left -= 1;
    return to;
  });
}

describe('choosing whether the cost offsets ship', () => {
  const baseline = withMistakes(truth, 'refuse', 'answer', 20);

  it('takes a rule that removes many costly mistakes', () => {
    const better = withMistakes(truth, 'refuse', 'answer', 2);
    expect(totalMistakeCost(examples, better)).toBeLessThan(totalMistakeCost(examples, baseline));
    expect(clearlyCheaper(examples, better, baseline)).toBe(true);
  });

  it('refuses one that wins by a mistake or two, or trades one mistake for another of equal cost', () => {
    const barely = withMistakes(truth, 'refuse', 'answer', 19);
    expect(totalMistakeCost(examples, barely)).toBeLessThan(totalMistakeCost(examples, baseline));
    expect(clearlyCheaper(examples, barely, baseline)).toBe(false);
    const traded = withMistakes(withMistakes(truth, 'refuse', 'answer', 10), 'answer', 'refuse', 11);
    expect(clearlyCheaper(examples, traded, baseline)).toBe(false);
    expect(clearlyCheaper(examples, baseline, baseline)).toBe(false);
  });

  it('ships offsets only when the dev set, which training never fits, does not find them costlier', () => {
    expect(offsetsShip(true)).toBe(true);
    expect(offsetsShip(true, { withoutOffsets: 36, withOffsets: 36 })).toBe(true);
    expect(offsetsShip(true, { withoutOffsets: 36, withOffsets: 48 })).toBe(false);
    expect(offsetsShip(false, { withoutOffsets: 48, withOffsets: 36 })).toBe(false);
  });
});
