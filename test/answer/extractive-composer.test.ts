import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExtractiveComposer } from '../../src/answer/extractive-composer.js';
import { parseCorpus } from '../../src/corpus/clause-parser.js';
import { loadCorpus } from '../../src/corpus/document-manifest.js';
import type { SearchHit } from '../../src/search/retriever.js';

const documents = loadCorpus(path.resolve('corpus'));
const clauses = parseCorpus(documents);
const metadata = new Map(documents.map((document) => [document.meta.id, document.meta]));

/** A retrieved clause of the shipped corpus with the given score. */
function hit(document: string, id: string, score: number): SearchHit {
  const clause = clauses.find((candidate) => candidate.document === document && candidate.id === id);
  if (!clause) throw new Error(`no clause ${document} ${id}`);
  return { clause, score, lexical: score, dense: 0.5, coverage: 0.8 };
}

async function cited(question: string, hits: SearchHit[]): Promise<string[]> {
  const composed = await createExtractiveComposer().compose({ question, hits, documents: metadata });
  return composed.citations.map((citation) => `${citation.document} ${citation.clause}`);
}

describe('the extractive composer', () => {
  it('keeps room for another council’s clause before quoting a third from one document', async () => {
    const question = 'How quickly must officers reply to a councillor’s email?';
    expect(
      await cited(question, [
        hit('part5c', '6.2', 1),
        hit('part5c', '6.3', 0.95),
        hit('part5c', '6.4', 0.9),
        hit('swale-draft-protocol', '4.1', 0.8),
      ]),
    ).toEqual(['part5c 6.2', 'part5c 6.3', 'swale-draft-protocol 4.1']);
  });

  it('quotes a third clause of the same document when no other document comes close', async () => {
    const question = 'How many meetings did Swale’s democratic services team support in 2023?';
    expect(
      await cited(question, [
        hit('swale-mo-report', '9.3', 1),
        hit('swale-mo-report', '9.5', 0.9),
        hit('swale-mo-report', '9.2', 0.8),
        hit('part5c', '5.2', 0.4),
      ]),
    ).toEqual(['swale-mo-report 9.3', 'swale-mo-report 9.5', 'swale-mo-report 9.2']);
  });

  it('leaves out clauses far below the best one and a parent already quoted through its sub-item', async () => {
    const question = 'Can officers attend a political group meeting?';
    expect(
      await cited(question, [
        hit('bursledon', '4.1(a)', 1),
        hit('bursledon', '4.1', 0.9),
        hit('part5c', '11.5', 0.5),
      ]),
    ).toEqual(['bursledon 4.1(a)']);
  });
});
