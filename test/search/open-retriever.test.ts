import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { openRetriever } from '../../src/search/open-retriever.js';
import { indexFileNames } from '../../src/search/store/index-files.js';
import { fixtureClauses, fixtureDocuments } from './fixtures.js';

function recordingLogger() {
  const lines: { level: string; message: string }[] = [];
  const logger = createLogger('debug', (line) => lines.push(JSON.parse(line)));
  return { logger, lines };
}

describe('openRetriever', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'retriever-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const open = (
    clauses = fixtureClauses(),
    extra: { rebuild?: boolean; dense?: 'encoder' | 'tfidf' } = {},
  ) => {
    const { logger, lines } = recordingLogger();
    const progress: string[] = [];
    const config = loadConfig({ DATA_DIR: dataDir });
    const promise = openRetriever({
      config,
      logger,
      documents: fixtureDocuments(clauses),
      clauses,
      onProgress: (message) => progress.push(message),
      ...extra,
    });
    return promise.then((retriever) => ({ retriever, lines, progress }));
  };

  it('builds on first open, then loads from disk without rebuilding', async () => {
    const first = await open();
    expect(first.retriever.stats).toMatchObject({ built: true, clauses: 10 });
    expect(first.progress.some((line) => line.startsWith('Encoding 10 clauses'))).toBe(true);
    const files = readdirSync(first.retriever.folder);
    const { embedderState, embedderWeights, ...encoderFiles } = indexFileNames;
    expect(files.sort()).toEqual(Object.values(encoderFiles).sort());
    expect(first.retriever.stats.dimension).toBe(512);

    const second = await open();
    expect(second.retriever.stats.built).toBe(false);
    expect(second.progress).toEqual([]);
    expect(second.retriever.folder).toBe(first.retriever.folder);
    const query = 'how quickly must an officer reply to a councillor email';
    expect(await second.retriever.search(query, 3)).toEqual(await first.retriever.search(query, 3));
  });

  it('fills every field of a hit honestly', async () => {
    const { retriever } = await open();
    const [top] = await retriever.search('how quickly must an officer reply to a councillor email', 3);
    expect(top?.clause.id).toBe('6.2');
    expect(top?.lexical).toBeGreaterThan(0);
    expect(top?.dense).toBeGreaterThan(0);
    expect(top?.dense).toBeLessThanOrEqual(1.0001);
    // quick is the one content term not in the clause: officer, reply, councillor, email are (replied, emails).
    expect(top?.coverage).toBeCloseTo(4 / 5);
    expect(retriever.documents.get('fixture-protocol')?.title).toBe('Fixture Member/Officer Protocol');
    expect(retriever.clauses).toHaveLength(10);
  });

  it('answers nothing for a question of stop words, and at most the corpus for a large k', async () => {
    const { retriever } = await open();
    expect(await retriever.search('what is the', 5)).toEqual([]);
    expect((await retriever.search('officers councillors', 500)).length).toBeLessThanOrEqual(10);
  });

  it('knows corpus terms after normalisation', async () => {
    const { retriever } = await open();
    expect(retriever.knowsTerm('Dispensations')).toBe(true);
    expect(retriever.knowsTerm('STATIONERY')).toBe(true);
    expect(retriever.knowsTerm('need to know')).toBe(true);
    expect(retriever.knowsTerm('photosynthesis')).toBe(false);
    expect(retriever.knowsTerm('the')).toBe(false);
  });

  it('rebuilds, with a warning, when the vector graph is truncated', async () => {
    const first = await open();
    const graph = path.join(first.retriever.folder, indexFileNames.graph);
    truncateSync(graph, Math.floor(statSync(graph).size / 3));
    const second = await open();
    expect(second.retriever.stats.built).toBe(true);
    expect(second.lines).toContainEqual(
      expect.objectContaining({ level: 'warn', message: expect.stringMatching(/rebuilding/) }),
    );
    expect((await second.retriever.search('political group meetings', 1))[0]?.clause.id).toBe('11.5');
    expect((await open()).retriever.stats.built).toBe(false);
  });

  it('rebuilds when meta.json is not valid', async () => {
    const first = await open();
    writeFileSync(path.join(first.retriever.folder, indexFileNames.meta), '{"formatVersion": 1');
    const second = await open();
    expect(second.retriever.stats.built).toBe(true);
    expect(second.lines.some((line) => line.level === 'warn')).toBe(true);
  });

  it('rebuilds when the sentence vectors are altered', async () => {
    const first = await open();
    const sentences = path.join(first.retriever.folder, indexFileNames.sentenceVectors);
    writeFileSync(sentences, Buffer.alloc(statSync(sentences).size + 4, 1));
    expect((await open()).retriever.stats.built).toBe(true);
  });

  it('with DENSE_EMBEDDER=tfidf fits the TF-IDF/SVD embedder into its own index, and rebuilds when its weights are altered', async () => {
    const encoder = await open();
    const first = await open(fixtureClauses(), { dense: 'tfidf' });
    expect(first.retriever.stats.built).toBe(true);
    expect(first.retriever.folder).not.toBe(encoder.retriever.folder);
    expect(first.progress.some((line) => line.startsWith('Fitting the offline embedder'))).toBe(true);
    expect(readdirSync(first.retriever.folder)).toContain(indexFileNames.embedderWeights);
    expect(first.retriever.stats.dimension).toBeLessThan(512);
    const [top] = await first.retriever.search('how quickly must an officer reply to a councillor email', 1);
    expect(top?.clause.id).toBe('6.2');
    const weights = path.join(first.retriever.folder, indexFileNames.embedderWeights);
    writeFileSync(weights, Buffer.alloc(statSync(weights).size, 1));
    expect((await open(fixtureClauses(), { dense: 'tfidf' })).retriever.stats.built).toBe(true);
  });

  it('builds a new index for a changed corpus and removes the old one', async () => {
    const first = await open();
    const changed = fixtureClauses('fixture-protocol', [
      'Officers must not accept gifts or hospitality of any value.',
    ]);
    const second = await open(changed);
    expect(second.retriever.stats.built).toBe(true);
    expect(second.retriever.folder).not.toBe(first.retriever.folder);
    expect(existsSync(first.retriever.folder)).toBe(false);
    expect((await second.retriever.search('can I accept a gift', 1))[0]?.clause.id).toBe('99.1');
  });

  it('rebuilds on request', async () => {
    await open();
    expect((await open(fixtureClauses(), { rebuild: true })).retriever.stats.built).toBe(true);
  });

  it('refuses an empty corpus', async () => {
    await expect(open([])).rejects.toMatchObject({ code: 'index_build_failed' });
  });
});
