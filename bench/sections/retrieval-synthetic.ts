import { loadConfig } from '../../src/config.js';
import { parseCorpus } from '../../src/corpus/clause-parser.js';
import { loadCorpus } from '../../src/corpus/document-manifest.js';
import type { BenchContext, BenchRow } from '../bench-table.js';
import { benchRetrieval } from '../retrieval-bench.js';
import { retrievalQuestions } from '../retrieval-questions.js';
import { syntheticCorpus, syntheticQueries } from '../synthetic-corpus.js';

/** Section title. */
export const title = 'retrieval: synthetic corpus';

/** The same measurements on a seeded synthetic corpus (100,000 clauses unless BENCH_SYNTHETIC_CLAUSES says). */
export async function run(context: BenchContext): Promise<BenchRow[]> {
  const size = Number(process.env.BENCH_SYNTHETIC_CLAUSES ?? 100_000);
  const config = loadConfig({ CORPUS_DIR: process.env.CORPUS_DIR ?? './corpus' });
  const base = parseCorpus(loadCorpus(config.CORPUS_DIR));
  context.progress(`${title}: generating ${size.toLocaleString('en-GB')} clauses…`);
  const { documents, clauses } = syntheticCorpus(base, size);
  const queries = [...retrievalQuestions.map((entry) => entry.question), ...syntheticQueries(base, 175)];
  return benchRetrieval({
    section: `${title} (${size.toLocaleString('en-GB')} clauses)`,
    documents,
    clauses,
    queries,
    dense: 'tfidf',
    progress: context.progress,
  });
}
