import { describe, expect, it, vi } from 'vitest';
import { coalescedCalls } from '../../../src/search/embed/coalesced-calls.js';

/** A batch function that records each call's items and answers after a tick, like a model call. */
function recordingBatch(fail?: (items: readonly string[]) => boolean) {
  const calls: string[][] = [];
  let running = 0;
  let overlapped = false;
  const run = async (items: readonly string[]) => {
    calls.push([...items]);
    running++;
    overlapped ||= running > 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
    running--;
    if (fail?.(items)) throw new Error(`failed on ${items.join(',')}`);
    return items.map((item) => item.toUpperCase());
  };
  return { calls, run, overlapped: () => overlapped };
}

describe('coalescedCalls', () => {
  it('serves requests made together with one call, each getting exactly its own results in order', async () => {
    const batch = recordingBatch();
    const embed = coalescedCalls(batch.run);
    const [first, second, third] = await Promise.all([
      embed(['a', 'b']),
      embed(['c']),
      embed(['d', 'e', 'f']),
    ]);
    expect(batch.calls).toEqual([['a', 'b', 'c', 'd', 'e', 'f']]);
    expect(first).toEqual(['A', 'B']);
    expect(second).toEqual(['C']);
    expect(third).toEqual(['D', 'E', 'F']);
  });

  it('joins requests made after an await in the same turn (as the classifier’s and retriever’s are)', async () => {
    const batch = recordingBatch();
    const embed = coalescedCalls(batch.run);
    const later = async (text: string) => {
      await Promise.resolve();
      await Promise.resolve();
      return embed([text]);
    };
    expect(await Promise.all([embed(['x']), later('y')])).toEqual([['X'], ['Y']]);
    expect(batch.calls).toEqual([['x', 'y']]);
  });

  it('runs one call at a time; requests made during a call wait for the next one, together', async () => {
    const batch = recordingBatch();
    const embed = coalescedCalls(batch.run);
    const first = embed(['a']);
    await new Promise((resolve) => setTimeout(resolve, 1));
    const queued = [embed(['b']), embed(['c'])];
    expect(await first).toEqual(['A']);
    expect(await Promise.all(queued)).toEqual([['B'], ['C']]);
    expect(batch.calls).toEqual([['a'], ['b', 'c']]);
    expect(batch.overlapped()).toBe(false);
  });

  it('fails every request a failed call served, and serves the next requests afresh', async () => {
    const batch = recordingBatch((items) => items.includes('bad'));
    const embed = coalescedCalls(batch.run);
    const results = await Promise.allSettled([embed(['ok']), embed(['bad'])]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(await embed(['fine'])).toEqual(['FINE']);
  });

  it('answers an empty request with no results', async () => {
    const batch = recordingBatch();
    const embed = coalescedCalls(batch.run);
    expect(await Promise.all([embed([]), embed(['a'])])).toEqual([[], ['A']]);
  });

  it('still runs under a test’s fake timers', async () => {
    vi.useFakeTimers();
    try {
      const embed = coalescedCalls(async (items: readonly string[]) => items.map((item) => item.length));
      expect(await Promise.all([embed(['ab']), embed(['abc'])])).toEqual([[2], [3]]);
    } finally {
      vi.useRealTimers();
    }
  });
});
