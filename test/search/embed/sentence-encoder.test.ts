import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProtocolBotError } from '../../../src/errors.js';
import { EncoderVectorCache } from '../../../src/search/embed/encoder-vector-cache.js';
import { loadSentenceEncoder, type SentenceEncoder } from '../../../src/search/embed/sentence-encoder.js';
import { SentenceEncoderEmbeddings } from '../../../src/search/embed/sentence-encoder-embeddings.js';
import { defaultSentenceEncoderDir } from '../../../src/search/embed/sentence-encoder-files.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Questions, clauses and awkward text: accents, curly quotes, ligatures (NFKC), emoji, tabs, runs of spaces. */
const sentences = [
  'How quickly must I answer a councillor’s email?',
  'Requests for information received by Officers from Councillors in emails, letters and faxes must be replied to within ten working days.',
  'Can I attend a political group meeting as an officer?',
  'Officers may be asked to attend meetings of political groups to give factual briefings; they must not be present when party business is discussed.',
  'Who decides a dispute about access to information?',
  'café résumé naïve — “quoted” text, the ﬁrst ﬂoor 😀 and 42 %',
  '  two   spaces\tand a tab\nand a newline  ',
  'Para 8.3 of Part 5C',
  'Note: see https://example.org/protocol :) or :( — 3:30pm',
  'x',
];

function cosine(a: Float32Array | number[], b: Float32Array | number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let index = 0; index < a.length; index++) {
    const x = a[index] ?? 0;
    const y = b[index] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return dot / Math.sqrt(normA * normB);
}

function norm(vector: Float32Array | number[]): number {
  let sum = 0;
  for (const value of vector) sum += value * value;
  return Math.sqrt(sum);
}

let encoder: SentenceEncoder;
const folders: string[] = [];

beforeAll(async () => {
  const realFetch = globalThis.fetch;
  const fetched: string[] = [];
  globalThis.fetch = (async (input: string | URL | Request) => {
    fetched.push(String(input));
    throw new Error('no network in this test');
  }) as typeof fetch;
  try {
    encoder = await loadSentenceEncoder();
  } finally {
    globalThis.fetch = realFetch;
  }
  expect(fetched).toEqual([]);
});

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('loadSentenceEncoder', () => {
  it('gives the same vectors as the reference implementation (@energetic-ai/embeddings) to 1e-4', async () => {
    const reference = spawnSync(process.execPath, [path.join(here, 'reference-use-embeddings.cjs')], {
      input: JSON.stringify(sentences),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(reference.status, reference.stderr).toBe(0);
    const expected = JSON.parse(reference.stdout) as number[][];
    const actual = await encoder.embed(sentences);
    expect(actual).toHaveLength(sentences.length);
    actual.forEach((vector, row) => {
      const want = expected[row] ?? [];
      const scale = 1 / norm(want);
      let worst = 0;
      vector.forEach((value, column) => {
        worst = Math.max(worst, Math.abs(value - (want[column] ?? Number.NaN) * scale));
      });
      expect(worst, sentences[row]).toBeLessThan(1e-4);
    });
  });

  it('returns unit vectors of 512 dimensions with a stable id', async () => {
    expect(encoder.dimensions).toBe(512);
    expect(encoder.id).toMatch(/^use-lite-512:[0-9a-f]{12}$/);
    const vectors = await encoder.embed(sentences.slice(0, 3));
    for (const vector of vectors) {
      expect(vector).toHaveLength(512);
      expect(norm(vector)).toBeCloseTo(1, 5);
    }
  });

  it('is deterministic: a text gets the same vector alone, repeated, or in a batch of 70 across three model calls', async () => {
    const text = sentences[0] ?? '';
    const [alone] = await encoder.embed([text]);
    const many = Array.from({ length: 70 }, (_, index) => (index === 65 ? text : `filler sentence ${index}`));
    const batched = await encoder.embed(many);
    const [again] = await encoder.embed([text]);
    expect(batched).toHaveLength(70);
    expect(Array.from(again ?? [])).toEqual(Array.from(alone ?? []));
    expect(cosine(batched[65] ?? [], alone ?? [])).toBeGreaterThan(1 - 1e-6);
    expect(cosine(batched[64] ?? [], alone ?? [])).toBeLessThan(0.9);
  });

  it('puts a question closer to the clause that answers it than to unrelated clauses', async () => {
    const [emailQuestion, emailClause, groupQuestion, groupClause, disputeQuestion] = await encoder.embed(
      sentences.slice(0, 5),
    );
    expect(cosine(emailQuestion ?? [], emailClause ?? [])).toBeGreaterThan(
      cosine(emailQuestion ?? [], groupClause ?? []),
    );
    expect(cosine(groupQuestion ?? [], groupClause ?? [])).toBeGreaterThan(
      cosine(groupQuestion ?? [], emailClause ?? []),
    );
    const [pressure, reworded, bins] = await encoder.embed([
      'A councillor is putting undue pressure on an officer',
      'I am being pressured by a councillor to change my report',
      'When are the bins collected?',
    ]);
    expect(cosine(pressure ?? [], reworded ?? [])).toBeGreaterThan(cosine(pressure ?? [], bins ?? []) + 0.2);
    expect(cosine(disputeQuestion ?? [], reworded ?? [])).toBeLessThan(
      cosine(pressure ?? [], reworded ?? []),
    );
  });

  it('gives an empty text a zero vector without moving the others', async () => {
    const [empty, word, alsoEmpty] = await encoder.embed(['', 'councillor', '']);
    const [wordAlone] = await encoder.embed(['councillor']);
    expect(norm(empty ?? [])).toBe(0);
    expect(norm(alsoEmpty ?? [])).toBe(0);
    expect(Array.from(word ?? [])).toEqual(Array.from(wordAlone ?? []));
    expect(await encoder.embed([])).toEqual([]);
  });

  it('serves concurrent callers in order, one model call at a time', async () => {
    const [first, second] = await Promise.all([
      encoder.embed([sentences[0] ?? '']),
      encoder.embed([sentences[2] ?? '']),
    ]);
    const [expectedFirst, expectedSecond] = await encoder.embed([sentences[0] ?? '', sentences[2] ?? '']);
    expect(cosine(first?.[0] ?? [], expectedFirst ?? [])).toBeGreaterThan(1 - 1e-6);
    expect(cosine(second?.[0] ?? [], expectedSecond ?? [])).toBeGreaterThan(1 - 1e-6);
  });
});

describe('a missing or damaged model file', () => {
  /** A copy of the shipped model folder, then `damage` applied to it. */
  function damagedCopy(damage: (folder: string) => void): string {
    const folder = mkdtempSync(path.join(tmpdir(), 'use-model-'));
    folders.push(folder);
    const source = defaultSentenceEncoderDir();
    for (const name of readdirSync(source)) copyFileSync(path.join(source, name), path.join(folder, name));
    damage(folder);
    return folder;
  }

  async function loadError(folder: string): Promise<ProtocolBotError> {
    const error = await loadSentenceEncoder({ modelDir: folder }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    if (!ProtocolBotError.isInstance(error))
      throw new Error(`expected a ProtocolBotError, got ${String(error)}`);
    return error;
  }

  it('is model_missing, naming a missing weight shard', async () => {
    const folder = damagedCopy((dir) => rmSync(path.join(dir, 'group1-shard3of7')));
    const error = await loadError(folder);
    expect(error.code).toBe('model_missing');
    expect(error.message).toContain(path.join(folder, 'group1-shard3of7'));
  });

  it('is model_missing, naming model.json when the folder is empty', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'use-model-'));
    folders.push(folder);
    const error = await loadError(folder);
    expect(error.code).toBe('model_missing');
    expect(error.message).toContain(path.join(folder, 'model.json'));
  });

  it('is model_corrupt, naming a truncated shard', async () => {
    const folder = damagedCopy((dir) => truncateSync(path.join(dir, 'group1-shard7of7'), 1000));
    const error = await loadError(folder);
    expect(error.code).toBe('model_corrupt');
    expect(error.message).toContain(path.join(folder, 'group1-shard7of7'));
    expect(error.message).toContain('1000 bytes');
  });

  it('is model_corrupt, naming a vocabulary altered in place (same size)', async () => {
    const folder = damagedCopy((dir) => {
      const file = path.join(dir, 'vocab.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace('▁the', '▁thE'));
    });
    const error = await loadError(folder);
    expect(error.code).toBe('model_corrupt');
    expect(error.message).toContain(path.join(folder, 'vocab.json'));
  });

  it('is checked afresh on the next load (a failure is not cached)', async () => {
    const folder = damagedCopy((dir) => rmSync(path.join(dir, 'vocab.json')));
    expect((await loadError(folder)).message).toContain('vocab.json');
    copyFileSync(path.join(defaultSentenceEncoderDir(), 'vocab.json'), path.join(folder, 'vocab.json'));
    rmSync(path.join(folder, 'group1-shard1of7'));
    expect((await loadError(folder)).message).toContain('group1-shard1of7');
  });
});

describe('SentenceEncoderEmbeddings (LangChain)', () => {
  it('gives the encoder’s vectors through embedDocuments and embedQuery', async () => {
    const embeddings = new SentenceEncoderEmbeddings({ cacheDir: null });
    const [first, second] = await embeddings.embedDocuments([sentences[0] ?? '', sentences[1] ?? '']);
    const query = await embeddings.embedQuery(sentences[0] ?? '');
    const [expected] = await encoder.embed([sentences[0] ?? '']);
    expect(first).toHaveLength(512);
    expect(query).toEqual(Array.from(expected ?? []));
    expect(first).toEqual(query);
    expect(second).toHaveLength(512);
    expect(embeddings.identity).toBe(`encoder:${encoder.id}`);
  });

  it('takes corpus vectors from its cache and encodes only the rest, adding them to it', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'encoder-cache-'));
    folders.push(cacheDir);
    const embeddings = new SentenceEncoderEmbeddings({ cacheDir });
    const cacheFile = path.join(cacheDir, `${embeddings.identity.replaceAll(':', '-')}.vectors`);
    // A planted vector no model would give, so its return proves the text was not encoded again.
    const planted = new Float32Array(512).fill(0.5);
    EncoderVectorCache.open(cacheFile, 512).add([['planted text', planted]]);
    const progress: string[] = [];
    const vectors = await embeddings.embedCached(
      ['planted text', 'councillor', 'councillor'],
      (done, total) => progress.push(`${done}/${total}`),
    );
    expect(vectors[0]).toEqual(planted);
    const [councillor] = await encoder.embed(['councillor']);
    expect(vectors[1]).toEqual(councillor);
    expect(vectors[2]).toEqual(councillor);
    expect(progress).toEqual(['1/1']);
    expect(EncoderVectorCache.open(cacheFile, 512).size).toBe(2);
  });

  it('checks the model files at start-up without loading the model', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'use-model-'));
    folders.push(empty);
    await expect(new SentenceEncoderEmbeddings({ modelDir: empty }).check()).rejects.toMatchObject({
      code: 'model_missing',
      message: expect.stringContaining(empty),
    });
    const truncated = mkdtempSync(path.join(tmpdir(), 'use-model-'));
    folders.push(truncated);
    for (const name of readdirSync(defaultSentenceEncoderDir())) {
      copyFileSync(path.join(defaultSentenceEncoderDir(), name), path.join(truncated, name));
    }
    truncateSync(path.join(truncated, 'group1-shard2of7'), 10);
    await expect(new SentenceEncoderEmbeddings({ modelDir: truncated }).check()).rejects.toMatchObject({
      code: 'model_corrupt',
      message: expect.stringContaining('group1-shard2of7'),
    });
    await expect(new SentenceEncoderEmbeddings().check()).resolves.toBeUndefined();
  });
});
