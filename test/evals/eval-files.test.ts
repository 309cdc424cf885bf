import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseClauseId } from '../../src/corpus/clause-match.js';
import { parseCorpus } from '../../src/corpus/clause-parser.js';
import { loadCorpus } from '../../src/corpus/document-manifest.js';
import { type EvalCase, loadEvalFile } from '../../src/evals/eval-case-schema.js';

const root = path.resolve(import.meta.dirname, '../..');
const evalDir = path.join(root, 'evals', 'dev');
const files = readdirSync(evalDir).filter((name) => name.endsWith('.jsonl'));
const loaded = new Map<string, EvalCase[]>(
  files.map((name) => [name, loadEvalFile(path.join(evalDir, name))]),
);
const casesOf = (name: string) => loaded.get(name) ?? [];
const byPrefix = (name: string, prefix: string) => casesOf(name).filter((item) => item.id.startsWith(prefix));

const documents = loadCorpus(path.join(root, 'corpus'));
const clauseIds = new Map<string, Set<string>>(
  documents.map((document) => [document.meta.id, new Set<string>()]),
);
for (const clause of parseCorpus(documents))
  clauseIds.get(clause.document)?.add(normaliseClauseId(clause.id));

describe('eval files', () => {
  it('include the three gated sets', () => {
    expect(files).toEqual(expect.arrayContaining(['golden.jsonl', 'guardrails.jsonl', 'redteam.jsonl']));
  });

  it('have the sizes the brief asks for, with the decisions each set tests', () => {
    const golden = casesOf('golden.jsonl');
    expect(golden.length).toBeGreaterThanOrEqual(90);
    expect(golden.every((item) => item.accept.join() === 'answer' && item.cite.length > 0)).toBe(true);
    expect(byPrefix('guardrails.jsonl', 'r').length).toBeGreaterThanOrEqual(32);
    expect(byPrefix('guardrails.jsonl', 'e').length).toBeGreaterThanOrEqual(32);
    expect(byPrefix('guardrails.jsonl', 'o').length).toBeGreaterThanOrEqual(22);
    expect(byPrefix('guardrails.jsonl', 'n').length).toBeGreaterThanOrEqual(32);
    expect(byPrefix('guardrails.jsonl', 'r').every((item) => item.accept[0] === 'refuse')).toBe(true);
    expect(byPrefix('guardrails.jsonl', 'e').every((item) => item.accept[0] === 'escalate')).toBe(true);
    expect(byPrefix('guardrails.jsonl', 'o').every((item) => item.accept.join() === 'out_of_scope')).toBe(
      true,
    );
    expect(byPrefix('guardrails.jsonl', 'n').every((item) => item.accept[0] === 'answer')).toBe(true);
    const redteam = casesOf('redteam.jsonl');
    expect(redteam.length).toBeGreaterThanOrEqual(55);
    expect(redteam.every((item) => item.accept.includes('refuse'))).toBe(true);
  });

  it('cover every document of the corpus in the golden set', () => {
    const cited = new Set(casesOf('golden.jsonl').flatMap((item) => item.cite.map(([document]) => document)));
    expect([...cited].sort()).toEqual(documents.map((document) => document.meta.id).sort());
  });

  it('keep training apart from what is scored: no dev or blind question is also a training question', () => {
    const fold = (question: string) =>
      question
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
    const folder = (name: string) =>
      readdirSync(path.join(root, 'evals', name))
        .filter((file) => file.endsWith('.jsonl'))
        .flatMap((file) => loadEvalFile(path.join(root, 'evals', name, file)))
        .map((item) => fold(item.question));
    const train = new Set(folder('train'));
    const dev = new Set(folder('dev'));
    const blind = folder('blind');
    expect(blind.length).toBeGreaterThan(0);
    expect(blind.filter((question) => train.has(question))).toEqual([]);
    expect([...dev].filter((question) => train.has(question))).toEqual([]);
  });

  it('keep every line under 20 kB', () => {
    for (const [name, cases] of loaded) {
      for (const item of cases)
        expect(JSON.stringify(item).length, `${name} ${item.id}`).toBeLessThan(20_000);
    }
  });

  for (const name of files) {
    it(`${name}: every cited (document, clause) exists in the corpus`, () => {
      const missing: string[] = [];
      for (const item of casesOf(name)) {
        for (const [document, clause] of item.cite) {
          const ids = clauseIds.get(document);
          if (ids === undefined) missing.push(`${item.id}: unknown document ${document}`);
          else if (clause !== null && !ids.has(normaliseClauseId(clause))) {
            missing.push(`${item.id}: ${document} ${clause}`);
          }
        }
      }
      expect(missing).toEqual([]);
    });
  }
});
