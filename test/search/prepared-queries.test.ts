import { describe, expect, it } from 'vitest';
import { preparedQueries } from '../../src/search/prepared-queries.js';

/** An embedder that counts calls per text and returns a distinct vector per call. */
function countingEmbedder() {
  const calls: string[] = [];
  const embed = async (query: string) => {
    calls.push(query);
    return Float32Array.of(calls.length);
  };
  return { calls, embed };
}

describe('preparedQueries', () => {
  it('embeds a prepared query once: the search takes the vector started ahead of it', async () => {
    const embedder = countingEmbedder();
    const queries = preparedQueries(embedder.embed);
    queries.prepare('how fast must I reply?');
    expect(embedder.calls).toEqual(['how fast must I reply?']);
    expect(Array.from(await queries.embed('how fast must I reply?'))).toEqual([1]);
    expect(embedder.calls).toHaveLength(1);
  });

  it('uses a prepared vector for one search only, and embeds unprepared queries as they come', async () => {
    const embedder = countingEmbedder();
    const queries = preparedQueries(embedder.embed);
    queries.prepare('a');
    queries.prepare('a');
    await queries.embed('a');
    expect(Array.from(await queries.embed('a'))).toEqual([2]);
    expect(Array.from(await queries.embed('b'))).toEqual([3]);
    expect(embedder.calls).toEqual(['a', 'a', 'b']);
  });

  it('keeps only the last few queries that were prepared but never searched', async () => {
    const embedder = countingEmbedder();
    const queries = preparedQueries(embedder.embed);
    for (let index = 0; index < 20; index++) queries.prepare(`refused ${index}`);
    await queries.embed('refused 0');
    await queries.embed('refused 19');
    expect(embedder.calls.filter((query) => query === 'refused 0')).toHaveLength(2);
    expect(embedder.calls.filter((query) => query === 'refused 19')).toHaveLength(1);
  });
});
