import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.js';
import { parseCorpus } from '../../src/corpus/clause-parser.js';
import { loadCorpus } from '../../src/corpus/document-manifest.js';
import type { BenchContext, BenchRow } from '../bench-table.js';
import { benchRetrieval } from '../retrieval-bench.js';
import { retrievalQuestions } from '../retrieval-questions.js';
import { syntheticQueries } from '../synthetic-corpus.js';

/** Section title. */
export const title = 'retrieval: shipped corpus';

/** Index build, latency, recall and retrieval quality on the shipped corpus, plus a cold CLI-style open. */
export async function run(context: BenchContext): Promise<BenchRow[]> {
  const config = loadConfig({ CORPUS_DIR: process.env.CORPUS_DIR ?? './corpus' });
  const documents = loadCorpus(config.CORPUS_DIR);
  const clauses = parseCorpus(documents);
  const questions = retrievalQuestions.map((entry) => entry.question);
  const queries = [...questions, ...questions, ...syntheticQueries(clauses, 150)];
  const rows: BenchRow[] = [];
  // Side by side: the sentence encoder (default) and the TF-IDF/SVD embedder it replaced; BM25F rows come with each.
  for (const dense of ['encoder', 'tfidf'] as const) {
    rows.push(
      ...(await benchRetrieval({
        section: title,
        documents,
        clauses,
        queries,
        questions: retrievalQuestions,
        dense,
        progress: context.progress,
      })),
    );
  }
  context.progress(`${title}: cold open in a new process…`);
  const cold = coldOpen(config.CORPUS_DIR);
  rows.push({
    section: title,
    label: 'cold process: load corpus + index, 1 query',
    metrics: { clauses: clauses.length, 'load ms': cold },
  });
  return rows;
}

/** Wall time of a fresh node process that loads the corpus, opens the (already built) index and answers once. */
function coldOpen(corpusDir: string): number | null {
  const script = fileURLToPath(new URL('../cold-open.js', import.meta.url));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'protocol-bot-cold-'));
  try {
    const env = { ...process.env, CORPUS_DIR: corpusDir, DATA_DIR: dataDir };
    // The first run builds the index; the second is the cold start a CLI user sees.
    spawnSync(process.execPath, [script], { env, encoding: 'utf8' });
    const started = performance.now();
    const result = spawnSync(process.execPath, [script], { env, encoding: 'utf8' });
    const elapsed = performance.now() - started;
    return result.status === 0 ? elapsed : null;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
