import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import type { Clause } from '../src/corpus/clause.js';
import type { CorpusDocument } from '../src/corpus/document-manifest.js';
import { silentLogger } from '../src/logger.js';
import { dot } from '../src/search/hybrid-search.js';
import { type DenseEmbedderName, type OpenedRetriever, openRetriever } from '../src/search/open-retriever.js';
import { hnswParameters } from '../src/search/store/vector-store.js';
import { topByScore } from '../src/search/top-by-score.js';
import { collectGarbage, MemoryPeak, measureLatency, megabytes } from './bench-measure.js';
import type { BenchRow } from './bench-table.js';
import { scoreRetrieval } from './retrieval-check.js';
import type { RetrievalQuestion } from './retrieval-questions.js';

/** One retrieval benchmark run. */
export interface RetrievalBenchInput {
  section: string;
  documents: CorpusDocument[];
  clauses: Clause[];
  /** Queries for latency and recall. */
  queries: string[];
  /** Questions with expected clauses (hit@k columns), when the corpus is real. */
  questions?: RetrievalQuestion[];
  /** The dense embedder (the 100k synthetic corpus uses TF-IDF/SVD: encoding it would take hours on one core). */
  dense: DenseEmbedderName;
  progress(message: string): void;
}

/**
 * Builds the index from scratch in a temporary DATA_DIR, reopens it from disk, then times hybrid search against a
 * plain BM25 ranking, HNSW alone and an exact scan of the same vectors, and measures HNSW recall@10 against the
 * exact scan. Peak memory is sampled throughout.
 */
export async function benchRetrieval(input: RetrievalBenchInput): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'protocol-bot-bench-'));
  try {
    const config = loadConfig({ DATA_DIR: dataDir });
    collectGarbage();
    const memory = new MemoryPeak().start();
    const open = (rebuild: boolean) =>
      openRetriever({
        config,
        logger: silentLogger,
        documents: input.documents,
        clauses: input.clauses,
        rebuild,
        dense: input.dense,
        // The build is timed from scratch, not from the encoder's vector cache.
        encoderCacheDir: null,
        onProgress: (message) => {
          memory.sample();
          input.progress(`${input.section}: ${message}`);
        },
      });
    input.progress(
      `${input.section}: building the index of ${input.clauses.length.toLocaleString('en-GB')} clauses…`,
    );
    const built = await open(true);
    memory.sample();
    input.progress(`${input.section}: reopening from disk…`);
    const loaded = await open(false);
    memory.sample();
    const retriever: OpenedRetriever = loaded;
    const { store, vectors, dimension, embedQuery } = retriever.parts;

    input.progress(`${input.section}: timing ${input.queries.length} queries…`);
    const hybrid = await measureLatency(input.queries, (query) => retriever.search(query, 10));
    memory.sample();
    const lexical = await measureLatency(input.queries, (query) =>
      retriever.search(query, 10, { fusion: 'lexical' }),
    );
    const count = input.clauses.length;
    const exactTop = (query: Float32Array, k: number) => {
      const scores = new Float32Array(count);
      for (let doc = 0; doc < count; doc++) scores[doc] = dot(query, vectors, doc * dimension, dimension);
      const order = Array.from({ length: count }, (_, doc) => doc);
      return topByScore(order, scores, k);
    };
    const hnsw = await measureLatency(input.queries, async (query) =>
      store.search(await embedQuery(query), 10),
    );
    const exact = await measureLatency(input.queries, async (query) => exactTop(await embedQuery(query), 10));
    memory.stop();

    input.progress(`${input.section}: measuring HNSW recall@10…`);
    const queryVectors: Float32Array[] = [];
    for (const query of input.queries) {
      const vector = await embedQuery(query);
      if (vector.some((value) => value !== 0)) queryVectors.push(vector);
    }
    const truths = queryVectors.map((vector) => new Set(exactTop(vector, 10)));
    const recallAt = (ef: number) => {
      let total = 0;
      queryVectors.forEach((vector, index) => {
        const truth = truths[index] as Set<number>;
        total +=
          store.search(vector, 10, ef).filter((match) => truth.has(match.label)).length /
          Math.min(10, truth.size);
      });
      return queryVectors.length ? total / queryVectors.length : null;
    };
    const breadths = [...new Set([hnswParameters.efSearch, 64, 128, 256])].sort(
      (left, right) => left - right,
    );
    const sweep: {
      ef: number;
      recall: number | null;
      latency: Awaited<ReturnType<typeof measureLatency>>;
    }[] = [];
    for (const ef of breadths) {
      const latency = await measureLatency(input.queries, async (query) =>
        store.search(await embedQuery(query), 10, ef),
      );
      sweep.push({ ef, recall: recallAt(ef), latency });
    }
    const quality = input.questions ? await qualityColumns(retriever, input.questions) : null;

    const common = { clauses: count, dim: dimension };
    const rows: BenchRow[] = [
      {
        section: input.section,
        label: `hybrid, ${input.dense} (BM25F + HNSW, ${retriever.settings.fusion})`,
        metrics: {
          ...common,
          'build s': built.stats.buildMs / 1000,
          'load ms': loaded.stats.buildMs,
          'p50 ms': hybrid.p50,
          'p95 ms': hybrid.p95,
          'q/s': hybrid.qps,
          'recall@10': null,
          'hit@1': quality?.hybrid.hitAt1 ?? null,
          'hit@3': quality?.hybrid.hitAt3 ?? null,
          'peak RSS MB': megabytes(memory.rss),
          'peak heap MB': megabytes(memory.heapUsed),
        },
      },
      {
        section: input.section,
        label: 'BM25F only (baseline)',
        metrics: {
          ...common,
          'p50 ms': lexical.p50,
          'p95 ms': lexical.p95,
          'q/s': lexical.qps,
          'hit@1': quality?.lexical.hitAt1 ?? null,
          'hit@3': quality?.lexical.hitAt3 ?? null,
        },
      },
      {
        section: input.section,
        label: `${input.dense}: HNSW (M=${hnswParameters.m}, efC=${hnswParameters.efConstruction}, ef=${hnswParameters.efSearch})`,
        metrics: {
          ...common,
          'p50 ms': hnsw.p50,
          'p95 ms': hnsw.p95,
          'q/s': hnsw.qps,
          'recall@10': recallAt(hnswParameters.efSearch),
          'hit@1': quality?.dense.hitAt1 ?? null,
          'hit@3': quality?.dense.hitAt3 ?? null,
        },
      },
      {
        section: input.section,
        label: `${input.dense}: exact scan`,
        metrics: { ...common, 'p50 ms': exact.p50, 'p95 ms': exact.p95, 'q/s': exact.qps, 'recall@10': 1 },
      },
    ];
    for (const { ef, recall, latency } of sweep) {
      if (ef === hnswParameters.efSearch) continue;
      rows.push({
        section: input.section,
        label: `${input.dense}: HNSW at ef=${ef}`,
        metrics: {
          ...common,
          'p50 ms': latency.p50,
          'p95 ms': latency.p95,
          'q/s': latency.qps,
          'recall@10': recall,
        },
      });
    }
    if (quality) {
      rows.push({
        section: input.section,
        label: `hybrid, ${input.dense} (reciprocal-rank fusion)`,
        metrics: { ...common, 'hit@1': quality.rrf.hitAt1, 'hit@3': quality.rrf.hitAt3 },
      });
    }
    return rows;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function qualityColumns(retriever: OpenedRetriever, questions: RetrievalQuestion[]) {
  return {
    hybrid: await scoreRetrieval(retriever, questions),
    lexical: await scoreRetrieval(retriever, questions, { fusion: 'lexical' }),
    dense: await scoreRetrieval(retriever, questions, { fusion: 'dense' }),
    rrf: await scoreRetrieval(retriever, questions, { fusion: 'rrf' }),
  };
}
