import { citationAcceptable } from '../src/corpus/index.js';
import type { RankingSettings } from '../src/search/hybrid-search.js';
import type { Retriever } from '../src/search/retriever.js';
import type { RetrievalQuestion } from './retrieval-questions.js';

/** Hit rates of a ranking over a question set. */
export interface RetrievalScore {
  questions: number;
  hitAt1: number;
  hitAt3: number;
  /** Questions whose expected clauses were not in the top 3 (for reading, not for tuning on). */
  misses: { question: string; got: string[] }[];
}

/** A retriever whose search accepts ranking overrides (HybridSearch does). */
export type TunableRetriever = Retriever & {
  search(query: string, k: number, settings?: Partial<RankingSettings>): ReturnType<Retriever['search']>;
};

/** hit@1 and hit@3 of `retriever` over `questions`, using the eval's clause-matching rule. */
export async function scoreRetrieval(
  retriever: TunableRetriever,
  questions: readonly RetrievalQuestion[],
  settings: Partial<RankingSettings> = {},
): Promise<RetrievalScore> {
  let hitAt1 = 0;
  let hitAt3 = 0;
  const misses: RetrievalScore['misses'] = [];
  for (const { question, expected } of questions) {
    const hits = await retriever.search(question, 3, settings);
    const acceptable = hits.map((hit) =>
      citationAcceptable(expected, { document: hit.clause.document, clause: hit.clause.id }),
    );
    if (acceptable[0]) hitAt1++;
    if (acceptable.some(Boolean)) hitAt3++;
    else misses.push({ question, got: hits.map((hit) => `${hit.clause.document} ${hit.clause.id}`) });
  }
  return {
    questions: questions.length,
    hitAt1: hitAt1 / questions.length,
    hitAt3: hitAt3 / questions.length,
    misses,
  };
}
