import { mkdtempSync, rmSync, statSync, truncateSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HnswVectorStore } from '../../../src/search/store/vector-store.js';

const unit = (...values: number[]) => {
  const norm = Math.hypot(...values);
  return values.map((value) => value / norm);
};

describe('HnswVectorStore', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'vector-store-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('grows past its initial capacity', () => {
    const store = HnswVectorStore.create(3, 2);
    for (let label = 0; label < 10; label++) store.add(unit(1, label, 0.5), label);
    expect(store.count).toBe(10);
  });

  it('returns the nearest vectors first, with cosine similarity', () => {
    const store = HnswVectorStore.create(3, 4);
    store.add(unit(1, 0, 0), 0);
    store.add(unit(0, 1, 0), 1);
    store.add(unit(1, 1, 0), 2);
    const matches = store.search(unit(1, 0.1, 0), 2);
    expect(matches.map((match) => match.label)).toEqual([0, 2]);
    expect(matches[0]?.similarity).toBeCloseTo(unit(1, 0.1, 0)[0] as number, 5);
  });

  it('answers k larger than the count with every vector, and nothing when empty', () => {
    const store = HnswVectorStore.create(2, 8);
    expect(store.search(unit(1, 0), 5)).toEqual([]);
    store.add(unit(1, 0), 0);
    store.add(unit(0, 1), 1);
    expect(store.search(unit(1, 0), 100)).toHaveLength(2);
  });

  it('refuses a vector of the wrong dimension', () => {
    const store = HnswVectorStore.create(3);
    expect(() => store.add([1, 0], 0)).toThrow(/2 dimensions/);
  });

  it('round-trips through a file, and a truncated file is reported as corrupt', () => {
    const store = HnswVectorStore.create(3, 4);
    for (let label = 0; label < 20; label++) store.add(unit(label, 1, 2), label);
    const file = path.join(folder, 'graph.bin');
    store.save(file);
    const loaded = HnswVectorStore.load(file, 3);
    expect(loaded.count).toBe(20);
    expect(loaded.search(unit(5, 1, 2), 3)).toEqual(store.search(unit(5, 1, 2), 3));
    truncateSync(file, Math.floor(statSync(file).size / 2));
    expect(() => HnswVectorStore.load(file, 3)).toThrow(expect.objectContaining({ code: 'index_corrupt' }));
  });
});
