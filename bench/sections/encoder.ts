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
import { openRetriever } from '../../src/search/open-retriever.js';
import { measureLatency, megabytes, percentile } from '../bench-measure.js';
import type { BenchContext, BenchRow } from '../bench-table.js';
import { retrievalQuestions } from '../retrieval-questions.js';

/** Section title. */
export const title = 'sentence encoder: answers, cold ask, serving memory';

/** Title of the summary table: each issue 11 §6 target beside what this run measured. */
export const targetsTitle = 'issue 11 §6 targets: shipped corpus, encoder beside the embedder it replaced';

/** Clause views encoded for the throughput row (the rest of the corpus is in the index build row). */
const throughputSample = 128;

/** Issue 11 §6, shipped corpus. */
const targets = {
  answerP95Ms: 40,
  coldAskS: 2.5,
  indexBuildS: 60,
  servingRssMb: 450,
} as const;

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
  const figures = new Map<string, SettingFigures>();
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
    label: `encoder alone, one thread (${encoder.id})`,
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
      const config = loadConfig(env);
      // The index build as a fresh install sees it: nothing in the encoder's vector cache (BM25F shares TF-IDF's).
      context.progress(`${title}: ${setting.label}: building the index from scratch…`);
      const build = setting.lexical ? null : await timeIndexBuild(config, documents, clauses, setting.dense);
      context.progress(`${title}: ${setting.label}: timing answers…`);
      const runtime = await buildRuntime({ config, logger: silentLogger, openCases: false });
      if (setting.lexical) (runtime.retriever as HybridSearch).settings.fusion = 'lexical';
      const answerQuestion = (text: string) =>
        runtime.pipeline.answer({
          text,
          asker: { platform: 'cli', userId: 'bench', displayName: 'bench' },
          eventId: `bench:${text}`,
        });
      // Every text asked once (warm-up included): the decision classifier remembers the vectors of recent texts,
      // so asking the same questions again would time half the encoder's work.
      const answers = await measureLatency(
        [...questions, ...questions.map(askedAs.quickly), ...questions.map(askedAs.politely)],
        answerQuestion,
        questions.slice(0, 10).map(askedAs.warmingUp),
      );
      // CPU time per answer, which a busy shared machine inflates far less than wall time.
      const cpu: number[] = [];
      for (const question of questions.map(askedAs.greeting)) {
        const before = process.cpuUsage();
        await answerQuestion(question);
        const used = process.cpuUsage(before);
        cpu.push((used.user + used.system) / 1000);
      }
      await runtime.close();
      // BM25F alone is a ranking setting, not a configuration, so the process-level rows are for the embedders.
      const processRows = setting.lexical ? null : measureProcesses(context, env, setting.label);
      const setFigures: SettingFigures = {
        answerP95Ms: answers.p95,
        answerCpuP95Ms: percentile(cpu, 95),
        coldAskS: seconds(processRows?.coldAsk.wallMs),
        coldAskCpuS: seconds(processRows?.coldAsk.cpuMs),
        indexBuildS: build ? build.wallMs / 1000 : null,
        indexBuildCpuS: build ? build.cpuMs / 1000 : null,
        servingRssMb: processRows?.rss ?? null,
      };
      figures.set(setting.label, setFigures);
      rows.push({
        section: title,
        label: setting.label,
        metrics: {
          'answer p50 ms': answers.p50,
          'answer p95 ms': answers.p95,
          'answer CPU p95 ms': setFigures.answerCpuP95Ms,
          'cold ask s': setFigures.coldAskS,
          'cold ask CPU s': setFigures.coldAskCpuS,
          'index build s': setFigures.indexBuildS,
          'index build CPU s': setFigures.indexBuildCpuS,
          'serving RSS MB (1 thread)': setFigures.servingRssMb,
          'encoder on main thread': processRows ? (processRows.mainThreadEncoder ? 'yes' : 'no') : null,
        },
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  return [...rows, ...targetRows(figures, clausesPerSecond, clausesPerCpuSecond)];
}

/** Rewordings that keep a question's meaning, so each answer timed is of a text the bot has not seen yet. */
const askedAs = {
  quickly: (question: string) => `Quick question: ${question}`,
  politely: (question: string) => `${question} Thanks.`,
  greeting: (question: string) => `Hi, ${question}`,
  warmingUp: (question: string) => `Please: ${question}`,
};

/** What the targets table reads from one setting's row. */
interface SettingFigures {
  answerP95Ms: number;
  answerCpuP95Ms: number;
  coldAskS: number | null;
  coldAskCpuS: number | null;
  indexBuildS: number | null;
  indexBuildCpuS: number | null;
  servingRssMb: number | null;
}

/**
 * One row per target: the target, the sentence encoder's figure (wall time, with CPU time beside it, which a shared
 * machine inflates far less), whether it is met, and the same figure for the TF-IDF/SVD embedder and BM25F alone
 * from this run. Encoder throughput has no target; it is shown on its own row.
 */
function targetRows(
  figures: ReadonlyMap<string, SettingFigures>,
  clausesPerSecond: number,
  clausesPerCpuSecond: number,
): BenchRow[] {
  const encoder = figures.get('sentence encoder (default)');
  const tfidf = figures.get('TF-IDF/SVD embedder');
  const bm25 = figures.get('BM25F only');
  type Figure = keyof SettingFigures;
  const row = (label: string, target: number, unit: string, wall: Figure, cpu: Figure | null): BenchRow => {
    const pick = (setting: SettingFigures | undefined, key: Figure | null) =>
      setting && key ? setting[key] : null;
    const value = pick(encoder, wall);
    return {
      section: targetsTitle,
      label,
      metrics: {
        target: `≤ ${target} ${unit}`,
        'encoder (default)': value,
        'encoder, CPU only': pick(encoder, cpu),
        result: value === null ? 'not measured' : value <= target ? 'met' : 'MISSED',
        'TF-IDF/SVD embedder': pick(tfidf, wall),
        'BM25F only': pick(bm25, wall),
      },
    };
  };
  return [
    row('answer p95, in-process, whole pipeline', targets.answerP95Ms, 'ms', 'answerP95Ms', 'answerCpuP95Ms'),
    row('cold `protocol-bot ask`, index built', targets.coldAskS, 's', 'coldAskS', 'coldAskCpuS'),
    row(
      'index build from scratch (no vector cache)',
      targets.indexBuildS,
      's',
      'indexBuildS',
      'indexBuildCpuS',
    ),
    row('serving RSS, one answer thread', targets.servingRssMb, 'MB', 'servingRssMb', null),
    {
      section: targetsTitle,
      label: `encoder throughput, one thread, ${throughputSample} clause views per call`,
      metrics: {
        target: 'no target',
        'encoder (default)': clausesPerSecond,
        'encoder, CPU only': clausesPerCpuSecond,
        result: 'clauses/s',
      },
    },
  ];
}

/** Wall and CPU time (every thread of this process) of building the index with nothing cached. */
async function timeIndexBuild(
  config: ReturnType<typeof loadConfig>,
  documents: ReturnType<typeof loadCorpus>,
  clauses: ReturnType<typeof parseCorpus>,
  dense: 'encoder' | 'tfidf',
): Promise<{ wallMs: number; cpuMs: number }> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await openRetriever({
    config,
    logger: silentLogger,
    documents,
    clauses,
    dense,
    rebuild: true,
    encoderCacheDir: null,
  });
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
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
