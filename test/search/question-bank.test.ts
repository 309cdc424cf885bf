import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashOfTexts } from '../../src/answer/decision/decision-model-file.js';
import { defaultTrainingFiles } from '../../src/app/commands/train-command.js';
import type { Clause } from '../../src/corpus/index.js';
import { ProtocolBotError } from '../../src/errors.js';
import { shippedModelPath } from '../../src/package-root.js';
import { loadRankerFile } from '../../src/search/ranking/learned-ranker.js';
import {
  bankNeighbours,
  createQuestionBank,
  loadQuestionBankFile,
  packQuestionBank,
} from '../../src/search/ranking/question-bank.js';
import { featureIndex } from '../../src/search/ranking/ranking-features.js';
import type { SearchHit } from '../../src/search/retriever.js';
import { useShippedRetriever } from './shipped-retriever.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'question-bank-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const clause = (document: string, id: string, ordinal = 0): Clause => ({
  document,
  id,
  key: `${document}#${ordinal}`,
  ordinal,
  parent: null,
  headings: [],
  text: `${document} ${id}`,
});

/** A unit vector along `axis` in 8 dimensions, tilted towards `towards` by `tilt`. */
function unit(axis: number, towards = axis, tilt = 0): Float32Array {
  const vector = new Float32Array(8);
  vector[axis] = 1;
  vector[towards] = (vector[towards] as number) + tilt;
  const norm = Math.hypot(...vector);
  return vector.map((value) => value / norm);
}

const clauses = [
  clause('part5c', '6.2', 0),
  clause('part5c', '6.2(a)', 1),
  clause('part5c', '6.3', 2),
  clause('bursledon', '4.1', 0),
];

describe('a question bank', () => {
  const file = packQuestionBank(
    'test-embedder',
    [
      { vector: unit(0), pairs: [], cite: [['part5c', '6.2']] },
      { vector: unit(1), pairs: [], cite: [['bursledon', '4.1']] },
      { vector: unit(0, 1, 0.2), pairs: [], cite: [['part5c', '6.3']] },
      { vector: unit(2), pairs: [], cite: [['another-council', '1.1']] },
    ],
    { files: [] },
  );
  const bank = createQuestionBank(file, clauses);

  it('speaks for the clauses its nearest questions cite, sub-items included, nearest first', () => {
    const evidence = bank.evidence(unit(0), []);
    expect([...evidence.keys()].sort()).toEqual([0, 1, 2, 3]);
    expect(evidence.get(0)?.nearest).toBeCloseTo(1, 2);
    expect(evidence.get(1)?.nearest).toBeCloseTo(1, 2); // 6.2(a) lies inside the cited 6.2
    expect(evidence.get(0)?.vote).toBeGreaterThan(evidence.get(2)?.vote as number);
    expect(evidence.get(2)?.vote).toBeGreaterThan(evidence.get(3)?.vote as number);
    const votes = [0, 2, 3].map((doc) => evidence.get(doc)?.vote as number);
    expect(votes.reduce((sum, vote) => sum + vote, 0)).toBeCloseTo(1, 5);
  });

  it('counts a direct vote only for the clause a question cites itself, not the sub-item or parent it also accepts', () => {
    const asked = (cite: [string, string]) =>
      createQuestionBank(
        packQuestionBank('test-embedder', [{ vector: unit(0), pairs: [], cite: [cite] }], { files: [] }),
        clauses,
      ).evidence(unit(0), []);
    const parent = asked(['part5c', '6.2']);
    expect(parent.get(0)).toMatchObject({ vote: 1, direct: 1 });
    expect(parent.get(1)).toMatchObject({ vote: 1, direct: 0 });
    const item = asked(['part5c', '6.2(a)']);
    expect(item.get(0)).toMatchObject({ vote: 1, direct: 0 });
    expect(item.get(1)).toMatchObject({ vote: 1, direct: 1 });
    // Written another way (a section sign, capitals), the same clause.
    expect(asked(['part5c', '§ 6.2(A)']).get(1)?.direct).toBe(1);
  });

  it('lets training leave rows out, so no question is its own evidence', () => {
    const evidence = bank.evidence(unit(0), [], (row) => row === 0);
    expect(evidence.has(0)).toBe(false);
    expect(evidence.get(2)?.nearest).toBeGreaterThan(0.9);
  });

  it('drops citations of clauses this corpus lacks (another council’s documents speak for nothing)', () => {
    const evidence = bank.evidence(unit(2), []);
    expect(evidence.size).toBeGreaterThan(0);
    expect(Math.max(...[...evidence.values()].map((found) => found.nearest))).toBeLessThan(0.5);
  });

  it('asks only its nearest questions', () => {
    const many = packQuestionBank(
      'test-embedder',
      Array.from({ length: bankNeighbours + 5 }, (_, row) => ({
        vector: unit(row % 2 === 0 ? 0 : 1, 3, row / 100),
        pairs: [],
        cite: [[row % 2 === 0 ? 'part5c' : 'bursledon', row % 2 === 0 ? '6.3' : '4.1'] as [string, string]],
      })),
      { files: [] },
    );
    const evidence = createQuestionBank(many, clauses).evidence(unit(0), []);
    expect(evidence.get(2)?.vote).toBeGreaterThan(0.99);
  });

  it('tells word order apart: of two questions embedded alike, the one sharing the query’s word pairs is nearer', () => {
    const mirrored = packQuestionBank(
      'test-embedder',
      [
        { vector: unit(0), pairs: ['officer expect', 'expect councillor'], cite: [['part5c', '6.3']] },
        { vector: unit(0), pairs: ['councillor expect', 'expect officer'], cite: [['bursledon', '4.1']] },
      ],
      { files: [] },
    );
    const evidence = createQuestionBank(mirrored, clauses).evidence(unit(0), [
      'councillor expect',
      'expect officer',
    ]);
    expect(evidence.get(3)?.nearest).toBeGreaterThan(evidence.get(2)?.nearest as number);
    expect(evidence.get(3)?.vote).toBeGreaterThan(evidence.get(2)?.vote as number);
  });

  it('knows which documents questions cite first: add-one shares over this corpus’s documents, as logs', () => {
    // part5c first twice, bursledon once; another council's document is not in this corpus and counts for nothing.
    const priors = bank.documentPriors();
    expect([...priors.keys()].sort()).toEqual(['bursledon', 'part5c']);
    expect(priors.get('part5c')).toBeCloseTo(Math.log(3 / 5), 6);
    expect(priors.get('bursledon')).toBeCloseTo(Math.log(2 / 5), 6);
    // Training leaves its fold out here too; a learned question moves the priors of the bank that took it only.
    expect(bank.documentPriors((row) => row === 0).get('part5c')).toBeCloseTo(Math.log(2 / 4), 6);
    const learned = bank.including([{ vector: unit(3), pairs: [], cite: [['bursledon', '4.1']] }]);
    expect(learned.documentPriors().get('bursledon')).toBeCloseTo(Math.log(3 / 6), 6);
    expect(bank.documentPriors().get('bursledon')).toBeCloseTo(Math.log(2 / 5), 6);
  });

  it('takes more questions while running, leaving the bank it came from as it was', () => {
    const learned = bank.including([{ vector: unit(3), pairs: [], cite: [['bursledon', '4.1']] }]);
    expect(learned.size).toBe(bank.size + 1);
    expect(learned.evidence(unit(3), []).get(3)?.nearest).toBeCloseTo(1, 2);
    expect(bank.evidence(unit(3), []).get(3)?.nearest ?? 0).toBeLessThan(0.5);
    // The shipped rows still speak as before.
    expect(learned.evidence(unit(0), []).get(0)?.nearest).toBeCloseTo(1, 2);
    expect(bank.including([])).toBe(bank);
    expect(() =>
      bank.including([{ vector: new Float32Array(4), pairs: [], cite: [['part5c', '6.2']] }]),
    ).toThrowError(/4 dimensions/);
  });

  it('is a clear error naming the file when damaged or truncated', () => {
    const damaged = path.join(scratch, 'question-bank.json');
    writeFileSync(damaged, JSON.stringify({ ...file, version: 2 }));
    expect(() => loadQuestionBankFile(damaged)).toThrowError(damaged);
    expect(() => createQuestionBank({ ...file, vectors: file.vectors.slice(0, 8) }, clauses)).toThrowError(
      ProtocolBotError,
    );
  });
});

describe('the shipped question bank (models/question-bank.json)', () => {
  const shipped = useShippedRetriever('question-bank-');

  it('was made from exactly the training files the ranker was fitted to, on the index’s encoder', () => {
    const bank = loadQuestionBankFile(shippedModelPath('question-bank.json'));
    const ranker = loadRankerFile(shippedModelPath('ranker.json'));
    const files = defaultTrainingFiles();
    expect(bank.training.files).toEqual(files);
    expect(bank.training.sha256).toBe(hashOfTexts(files.map((name) => readFileSync(name, 'utf8'))));
    expect(ranker.training.questionBank).toBe(true);
    expect(bank.embedder).toBe(shipped.current.embedder);
  });

  it('stays silent for a follow-up joined to the question before it (its vector is mostly the earlier topic’s)', async () => {
    const joined = 'How fast must I answer a councillor’s email? and phone calls?';
    const vote = featureIndex('exampleVote');
    const alone = await shipped.current.search(joined, 10);
    const followUp = await shipped.current.search(joined, 10, { followUp: true });
    expect(alone.some((hit) => (hit.features?.[vote] ?? 0) > 0)).toBe(true);
    expect(followUp.every((hit) => hit.features?.[vote] === 0)).toBe(true);
    expect(followUp[0]?.clause.id).toBe('6.4');
    // The document prior is the bank's, not the question's: a follow-up's candidates carry it as any question's do.
    const prior = featureIndex('documentPrior');
    const priors = shipped.current.parts.questionBank?.documentPriors();
    for (const hit of [...alone, ...followUp]) {
      expect(hit.features?.[prior]).toBeLessThan(0);
      expect(hit.features?.[prior]).toBeCloseTo(priors?.get(hit.clause.document) as number, 5);
    }
  });

  it('learns from an answered case: the same question then finds the clause the answer named, a reworded one ranks it higher', async () => {
    const asked = 'a councillor keeps texting me at weekends asking me to redo the figures in my report';
    const later = 'councillor texting me at the weekend to get my report figures changed, is that ok?';
    const retriever = shipped.current.withQuestionBank(shipped.current.parts.questionBank);
    const before = await retriever.search(later, 20);
    const target = (before[6] as SearchHit).clause;
    expect(before[0]?.clause).not.toBe(target);
    const learned = await retriever.learn([
      { question: asked, clauses: [[target.document, target.id]] },
      { question: 'an answer that named no clause teaches nothing', clauses: [] },
    ]);
    expect(learned).toBe(1);
    expect((await retriever.search(asked, 3))[0]?.clause).toBe(target);
    // One case among thousands of labelled questions: a rewording (cosine 0.73) lifts it from 7th to 2nd.
    const rank = (await retriever.search(later, 20)).findIndex((hit) => hit.clause === target);
    expect(rank).toBeGreaterThanOrEqual(0);
    expect(rank).toBeLessThan(3);
    // Without a bank (no learned ranker, or another embedder) there is nothing to add to.
    expect(
      await shipped.current
        .withQuestionBank(undefined)
        .learn([{ question: asked, clauses: [['part5c', '6.2']] }]),
    ).toBe(0);
  });

  it('makes a clause labelled questions cite a candidate however unlike the question it is worded, and lets it into the ranker’s head', async () => {
    const question = 'how quickly must I answer a councillor’s email';
    const retriever = shipped.current;
    const cite = (hit: SearchHit) => `${hit.clause.document} ${hit.clause.id}`;
    const plain = new Set((await retriever.withQuestionBank(undefined).search(question, 1000)).map(cite));
    const target = retriever.clauses.find(
      (clause) => clause.id !== 'Cover' && !plain.has(`${clause.document} ${clause.id}`),
    ) as Clause;
    const bank = createQuestionBank(
      packQuestionBank(
        retriever.embedder,
        [
          {
            vector: await retriever.parts.embedQuery(question),
            pairs: retriever.wordPairs(question),
            cite: [[target.document, target.id]],
          },
        ],
        { files: [] },
      ),
      retriever.clauses,
    );
    const hits = await retriever.withQuestionBank(bank).search(question, 1000);
    const rank = hits.findIndex((hit) => hit.clause === target);
    expect(rank).toBeGreaterThanOrEqual(0);
    const ranker = loadRankerFile(shippedModelPath('ranker.json'));
    if (ranker.votedPlaces) expect(rank).toBeLessThan(ranker.depth);
  });

  it('moves a clause labelled questions cite to the top: one labelled question like this one is enough', async () => {
    const question = 'how quickly must I answer a councillor’s email';
    const retriever = shipped.current;
    const plain = await retriever.withQuestionBank(undefined).search(question, 20);
    for (const position of [3, 8]) {
      const target = (plain[position] as SearchHit).clause;
      const vector = await retriever.parts.embedQuery(question);
      const bank = createQuestionBank(
        packQuestionBank(
          retriever.embedder,
          [{ vector, pairs: retriever.wordPairs(question), cite: [[target.document, target.id]] }],
          { files: [] },
        ),
        retriever.clauses,
      );
      const [top] = await retriever.withQuestionBank(bank).search(question, 3);
      expect(top && `${top.clause.document} ${top.clause.id}`).toBe(`${target.document} ${target.id}`);
    }
  });
});
