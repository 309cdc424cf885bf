import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRuntime } from '../../src/app/runtime.js';
import { loadConfig } from '../../src/config.js';
import { parseCorpus } from '../../src/corpus/clause-parser.js';
import { loadCorpus } from '../../src/corpus/document-manifest.js';
import { silentLogger } from '../../src/logger.js';
import { clauseViews } from '../../src/search/clause-fields.js';
import { loadSentenceEncoder } from '../../src/search/embed/sentence-encoder.js';
import type { HybridSearch } from '../../src/search/hybrid-search.js';
import { measureLatency, megabytes, percentile } from '../bench-measure.js';
import type { BenchContext, BenchRow } from '../bench-table.js';
import { retrievalQuestions } from '../retrieval-questions.js';

/** Section title. */
export const title = 'sentence encoder: answers, cold ask, serving memory';

/** Clause views encoded for the throughput row (the rest of the corpus is in the index build, next section). */
const throughputSample = 128;

const settings = [
  { label: 'BM25F only', dense: 'tfidf', lexical: true },
  { label: 'TF-IDF/SVD embedder', dense: 'tfidf', lexical: false },
  { label: 'sentence encoder (default)', dense: 'encoder', lexical: false },
] as const;

/**
 * The figures issue 11 sets targets for, side by side for BM25F alone, the TF-IDF/SVD embedder and the sentence
 * encoder: answer latency through the whole pipeline in-process (p95 ≤ 40 ms), a cold `protocol-bot ask` with the
 * index built (≤ 2.5 s), and the resident memory of a serving process with one answer thread (≤ 450 MB); then the
 * encoder's own load time and throughput.
 */
export async function run(context: BenchContext): Promise<BenchRow[]> {
  const corpusDir = process.env.CORPUS_DIR ?? './corpus';
  const documents = loadCorpus(corpusDir);
  const clauses = parseCorpus(documents);
  const questions = [...retrievalQuestions.map((entry) => entry.question)];
  const rows: BenchRow[] = [];
  // First, in a process that has not loaded the model yet, so the load time is real.
  context.progress(`${title}: encoder load and throughput…`);
  const started = performance.now();
  const encoder = await loadSentenceEncoder();
  const loadMs = performance.now() - started;
  const views = clauseViews(clauses, new Map(documents.map((document) => [document.meta.id, document.meta])));
  const sample = views.embedding.slice(0, throughputSample);
  const encodeStarted = performance.now();
  const encodeCpu = process.cpuUsage();
  await encoder.embed(sample);
  const clausesPerSecond = sample.length / ((performance.now() - encodeStarted) / 1000);
  const cpuUsed = process.cpuUsage(encodeCpu);
  const clausesPerCpuSecond = sample.length / ((cpuUsed.user + cpuUsed.system) / 1e6);
  const questionLatency = await measureLatency(questions, (question) => encoder.embed([question]));
  rows.push({
    section: title,
    label: `encoder alone (${encoder.id})`,
    metrics: {
      'load ms': loadMs,
      'clauses/s': clausesPerSecond,
      'clauses/CPU s': clausesPerCpuSecond,
      'question p50 ms': questionLatency.p50,
      'question p95 ms': questionLatency.p95,
      'RSS MB after': megabytes(process.memoryUsage().rss),
    },
  });
  for (const setting of settings) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'protocol-bot-bench-encoder-'));
    try {
      const env = { ...process.env, CORPUS_DIR: corpusDir, DATA_DIR: dataDir, DENSE_EMBEDDER: setting.dense };
      context.progress(`${title}: ${setting.label}: building the index and timing answers…`);
      const config = loadConfig(env);
      const runtime = await buildRuntime({ config, logger: silentLogger, openCases: false });
      if (setting.lexical) (runtime.retriever as HybridSearch).settings.fusion = 'lexical';
      const answerQuestion = (text: string) =>
        runtime.pipeline.answer({
          text,
          asker: { platform: 'cli', userId: 'bench', displayName: 'bench' },
          eventId: `bench:${text}`,
        });
      const answers = await measureLatency([...questions, ...questions, ...questions], answerQuestion);
      // CPU time per answer, which a busy shared machine inflates far less than wall time.
      const cpu: number[] = [];
      for (const question of questions) {
        const before = process.cpuUsage();
        await answerQuestion(question);
        const used = process.cpuUsage(before);
        cpu.push((used.user + used.system) / 1000);
      }
      await runtime.close();
      // BM25F alone is a ranking setting, not a configuration, so the process-level rows are for the embedders.
      const processRows = setting.lexical ? null : measureProcesses(context, env, setting.label);
      rows.push({
        section: title,
        label: setting.label,
        metrics: {
          'answer p50 ms': answers.p50,
          'answer p95 ms': answers.p95,
          'answer CPU p95 ms': percentile(cpu, 95),
          'cold ask s': seconds(processRows?.coldAsk.wallMs),
          'cold ask CPU s': seconds(processRows?.coldAsk.cpuMs),
          'serving RSS MB (1 thread)': processRows?.rss ?? null,
          'encoder on main thread': processRows ? (processRows.mainThreadEncoder ? 'yes' : 'no') : null,
        },
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  return rows;
}

const seconds = (milliseconds: number | null | undefined) =>
  milliseconds === null || milliseconds === undefined ? null : milliseconds / 1000;

/** A cold `protocol-bot ask` (second run: the first may have built nothing but warms the file cache) and serving memory. */
function measureProcesses(
  context: BenchContext,
  env: NodeJS.ProcessEnv,
  label: string,
): {
  coldAsk: { wallMs: number | null; cpuMs: number | null };
  rss: number | null;
  mainThreadEncoder: boolean;
} {
  const bin = fileURLToPath(new URL('../../../bin/protocol-bot.js', import.meta.url));
  context.progress(`${title}: ${label}: cold ask…`);
  const question = 'How quickly must I answer a councillor’s email?';
  // GNU time reports the child's CPU time on its last line of standard error; without it, wall time only.
  const timed = existsSync('/usr/bin/time');
  const ask = () => {
    const askStarted = performance.now();
    const result = timed
      ? spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, bin, 'ask', question], {
          env,
          encoding: 'utf8',
        })
      : spawnSync(process.execPath, [bin, 'ask', question], { env, encoding: 'utf8' });
    if (result.status !== 0) return { wallMs: null, cpuMs: null };
    const [user, system] = (result.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
    const cpuMs = timed && user !== undefined && system !== undefined ? (user + system) * 1000 : null;
    return { wallMs: performance.now() - askStarted, cpuMs: Number.isFinite(cpuMs) ? cpuMs : null };
  };
  ask();
  const coldAsk = ask();
  context.progress(`${title}: ${label}: serving memory with one answer thread…`);
  const script = fileURLToPath(new URL('../serving-memory.js', import.meta.url));
  const serving = spawnSync(process.execPath, [script], {
    env: { ...env, ANSWER_WORKERS: '1', LOG_LEVEL: 'error' },
    encoding: 'utf8',
  });
  let rss: number | null = null;
  let mainThreadEncoder = false;
  if (serving.status === 0) {
    const figures = JSON.parse(serving.stdout.trim().split('\n').at(-1) ?? '{}') as {
      rss: number;
      mainThreadEncoder: boolean;
    };
    rss = megabytes(figures.rss);
    mainThreadEncoder = figures.mainThreadEncoder;
  }
  return { coldAsk, rss, mainThreadEncoder };
}
