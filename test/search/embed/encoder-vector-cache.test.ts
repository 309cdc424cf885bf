import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EncoderVectorCache } from '../../../src/search/embed/encoder-vector-cache.js';

const dimension = 4;
const vector = (...values: number[]) => Float32Array.from(values);

describe('EncoderVectorCache', () => {
  let folder: string;
  let file: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'encoder-cache-'));
    file = path.join(folder, 'nested', 'use.vectors');
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps vectors by text across opens, appending one record per text', () => {
    const first = EncoderVectorCache.open(file, dimension);
    expect(first.size).toBe(0);
    expect(
      first.add([
        ['Officers', vector(1, 0, 0, 0)],
        ['Councillors', vector(0, 1, 0, 0)],
      ]),
    ).toBe(true);
    expect(first.add([['Monitoring Officer', vector(0, 0, 1, 0)]])).toBe(true);
    const reopened = EncoderVectorCache.open(file, dimension);
    expect(reopened.size).toBe(3);
    expect(Array.from(reopened.get('Councillors') ?? [])).toEqual([0, 1, 0, 0]);
    expect(reopened.get('councillors')).toBeUndefined();
    expect(statSync(file).size).toBe(3 * (32 + dimension * 4 + 8));
  });

  it('ignores a record that fails its check and a record cut short, keeping the rest', () => {
    const cache = EncoderVectorCache.open(file, dimension);
    cache.add([
      ['first', vector(1, 2, 3, 4)],
      ['second', vector(5, 6, 7, 8)],
    ]);
    const bytes = readFileSync(file);
    bytes[32 + 3] = (bytes[32 + 3] ?? 0) ^ 0xff; // a flipped byte in the first vector
    writeFileSync(file, bytes);
    appendFileSync(file, Buffer.alloc(20, 7)); // half a record, as a crash mid-append leaves it
    const reopened = EncoderVectorCache.open(file, dimension);
    expect(reopened.get('first')).toBeUndefined();
    expect(Array.from(reopened.get('second') ?? [])).toEqual([5, 6, 7, 8]);
  });

  it('is only slower, never failing, when its file cannot be written', () => {
    writeFileSync(path.join(folder, 'nested'), 'a file where the folder should be');
    const cache = EncoderVectorCache.open(file, dimension);
    expect(cache.add([['text', vector(1, 0, 0, 0)]])).toBe(false);
    expect(Array.from(cache.get('text') ?? [])).toEqual([1, 0, 0, 0]);
  });
});
