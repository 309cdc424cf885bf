import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashOfTexts } from '../../src/answer/decision/decision-model-file.js';
import { defaultTrainingFiles } from '../../src/app/commands/train-command.js';
import { ProtocolBotError } from '../../src/errors.js';
import { defaultListwiseTraining, listwiseResidual, trainListwise } from '../../src/learn/index.js';
import { shippedModelPath } from '../../src/package-root.js';
import { createLearnedRanker, loadRankerFile } from '../../src/search/ranking/learned-ranker.js';
import { rankingFeatureNames } from '../../src/search/ranking/ranking-features.js';
import { useShippedRetriever } from './shipped-retriever.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'learned-ranker-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const cite = (hit: { clause: { document: string; id: string } }) => `${hit.clause.document} ${hit.clause.id}`;

describe('the shipped ranker (models/ranker.json)', () => {
  const file = loadRankerFile(shippedModelPath('ranker.json'));
  const shipped = useShippedRetriever('learned-ranker-');

  it('was fitted to exactly the training files now in evals/train/ (retrain with `train --ranker-only`)', () => {
    const files = defaultTrainingFiles();
    expect(file.training.files).toEqual(files);
    expect(file.training.sha256).toBe(hashOfTexts(files.map((name) => readFileSync(name, 'utf8'))));
  });

  it('weighs the features retrieval computes, on the encoder the index is built with, and is what it ranks by', () => {
    expect(file.features).toEqual([...rankingFeatureNames]);
    expect(file.weights).toHaveLength(file.features.length);
    expect(file.embedder).toBe(shipped.current.embedder);
    expect(shipped.current.settings.fusion).toBe('learned');
  });

  it('beat the hand-set fusion in its recorded cross-validation', () => {
    const candidates = (file.training.crossValidation as { candidates: Array<Record<string, unknown>> })
      .candidates;
    const fusion = candidates.find((score) => score.name === 'hand-set z-score fusion');
    const best = Math.max(
      ...candidates.map((score) => (String(score.name).startsWith('residual') ? Number(score.hitAt1) : 0)),
    );
    expect(best).toBeGreaterThan(Number(fusion?.hitAt1));
  });

  it('only reorders the fusion’s best candidates: below its depth, the fusion’s order stands', async () => {
    for (const question of [
      'how quickly must I answer a councillor’s email',
      'can a councillor look at any council document they are curious about?',
    ]) {
      const learned = await shipped.current.search(question, 60, { fusion: 'learned' });
      const fusion = await shipped.current.search(question, 60, { fusion: 'zscore' });
      expect(learned.slice(file.depth).map(cite)).toEqual(fusion.slice(file.depth).map(cite));
      expect(new Set(learned.slice(0, file.depth).map(cite))).toEqual(
        new Set(fusion.slice(0, file.depth).map(cite)),
      );
      for (let index = 1; index < learned.length; index++)
        expect((learned[index] as { score: number }).score).toBeLessThanOrEqual(
          (learned[index - 1] as { score: number }).score,
        );
    }
  });

  it('answers the reply-time question with the clause on officers replying to councillors (Part 5C 6.2)', async () => {
    const [top] = await shipped.current.search('how quickly must I answer a councillor’s email', 3);
    expect(top && cite(top)).toBe('part5c 6.2');
  });

  it('is a clear error naming the file when damaged', () => {
    const damaged = path.join(scratch, 'ranker.json');
    writeFileSync(damaged, JSON.stringify({ ...file, version: 1 }));
    try {
      loadRankerFile(damaged);
      expect.unreachable();
    } catch (error) {
      expect(ProtocolBotError.isInstance(error)).toBe(true);
      expect(String(error)).toContain(damaged);
    }
  });
});

describe('a ranker file with a hidden layer (version 3)', () => {
  const width = rankingFeatureNames.length;
  const row = (seed: number) =>
    Float32Array.from({ length: width }, (_, index) => Math.sin(seed * 7 + index));
  const queries = Array.from({ length: 30 }, (_, query) => {
    const rows = Array.from({ length: 6 }, (_, candidate) => row(query * 6 + candidate));
    return {
      rows,
      base: rows.map((_, index) => -0.1 * index),
      relevant: rows.map((_, index) => index === query % 6),
    };
  });
  const model = trainListwise(queries, { ...defaultListwiseTraining, hiddenUnits: 4, epochs: 50 });
  const file = {
    version: 3 as const,
    embedder: 'test-embedder',
    features: [...rankingFeatureNames],
    weights: model.weights,
    mean: model.mean,
    scale: model.scale,
    hidden: model.hidden,
    baseWeight: model.baseWeight,
    depth: 20,
    training: {},
  };

  it('reads back, and scores each candidate as its trainer does: fusion × exp(residual / baseWeight)', () => {
    const written = path.join(scratch, 'ranker-v3.json');
    writeFileSync(written, JSON.stringify(file));
    const ranker = createLearnedRanker(loadRankerFile(written));
    for (let seed = 200; seed < 210; seed++) {
      const features = row(seed);
      const expected = 0.5 * Math.exp(listwiseResidual(model, features) / model.baseWeight);
      expect(ranker.score(0.5, features)).toBeCloseTo(expected, 6);
    }
    expect(model.hidden && Math.max(...model.hidden.output.map(Math.abs))).toBeGreaterThan(0);
  });
});
