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
import { featureIndex, rankingFeatureNames } from '../../src/search/ranking/ranking-features.js';
import { rankingHead, rerankHead } from '../../src/search/ranking/residual-rerank.js';
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

  it('only reorders its head (the fusion’s best, voted clauses raised): below it, the fusion’s order stands', async () => {
    for (const question of [
      'how quickly must I answer a councillor’s email',
      'can a councillor look at any council document they are curious about?',
      'a member keeps phoning me at home late at night, is that allowed?',
    ]) {
      // Every candidate, so a voted clause far down the fusion's order is in both lists.
      const learned = await shipped.current.search(question, 1000, { fusion: 'learned' });
      const fusion = await shipped.current.search(question, 1000, { fusion: 'zscore' });
      const head = rankingHead(
        fusion.map((hit) => hit.features),
        file.depth,
        file.votedPlaces ?? 0,
      );
      const inHead = new Set(head);
      expect(new Set(learned.slice(0, head.length).map(cite))).toEqual(
        new Set(head.map((position) => cite(fusion[position] as (typeof fusion)[number]))),
      );
      expect(learned.slice(head.length).map(cite)).toEqual(
        fusion.filter((_, position) => !inHead.has(position)).map(cite),
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

describe('the ranker’s head', () => {
  const vote = featureIndex('exampleVote');
  const candidate = (voted: boolean) => {
    const features = new Float32Array(rankingFeatureNames.length);
    features[vote] = voted ? 0.4 : 0;
    return features;
  };
  // Fusion positions 0..11; the labelled questions voted for positions 1, 7, 9 and 11.
  const features = Array.from({ length: 12 }, (_, position) => candidate([1, 7, 9, 11].includes(position)));

  it('is the fusion’s best `depth` when no places are open to voted clauses', () => {
    expect(rankingHead(features, 5)).toEqual([0, 1, 2, 3, 4]);
    expect(rankingHead(features, 20)).toHaveLength(12);
  });

  it('gives its last places to voted clauses below it, best fusion position first, as many as it may', () => {
    expect(rankingHead(features, 5, 2)).toEqual([0, 1, 2, 7, 9]);
    expect(rankingHead(features, 5, 10)).toEqual([0, 1, 7, 9, 11]);
    // Voted clauses already in the fusion's best take no extra place.
    expect(rankingHead(features, 8, 1)).toEqual([0, 1, 2, 3, 4, 5, 6, 9]);
  });

  it('is re-ordered by the ranker, the rest keeping the fusion’s order and every place the fusion’s score', () => {
    // A ranker that prefers voted clauses: a raised clause can reach the top.
    const ranker = {
      embedder: 'test',
      depth: 4,
      votedPlaces: 1,
      score: (fused: number, row: Float32Array) => fused * ((row[vote] as number) > 0 ? 100 : 1),
    };
    const sorted = features.map((row, doc) => ({ doc, score: 12 - doc, features: row }));
    rerankHead(sorted, ranker);
    // Head: fusion 0, 1, 2 and voted 7; the ranker puts the voted ones (1 and 7) first.
    expect(sorted.map((entry) => entry.doc)).toEqual([1, 7, 0, 2, 3, 4, 5, 6, 8, 9, 10, 11]);
    expect(sorted.map((entry) => entry.score)).toEqual(features.map((_, doc) => 12 - doc));
  });
});
