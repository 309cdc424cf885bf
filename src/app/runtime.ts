import {
  type AnsweringPipeline,
  type Composer,
  createAnsweringPipeline,
  createExtractiveComposer,
  createPolicyEngine,
  createRuleCondenser,
  type HandoffPort,
  loadPolicyFile,
  openDecisionClassifier,
  type QuestionCondenser,
} from '../answer/index.js';
import { type HandoffRuntime, openHandoff } from '../cases/index.js';
import { type Clock, systemClock } from '../clock.js';
import { type Config, chatModelConfigured } from '../config.js';
import { loadCorpus, parseCorpus } from '../corpus/index.js';
import { createLogger, type Logger } from '../logger.js';
import { loadSentenceEncoder, openRetriever, type Retriever } from '../search/index.js';
import type { PipelineThreads } from './answer-threads/answer-threads.js';
import { CaseLearning } from './case-learning.js';

/** Everything a running bot needs, built once per process from the configuration. */
export interface Runtime {
  config: Config;
  logger: Logger;
  clock: Clock;
  retriever: Retriever;
  pipeline: AnsweringPipeline;
  handoff: HandoffRuntime;
  /** True when answers go through the configured chat model. */
  generative: boolean;
  /** Worker threads computing answers (0: the pipeline runs on the calling thread). */
  answerThreads: number;
  /** What the bot has learned from answered cases; `serve` refreshes it for answers other replicas record. */
  learning: CaseLearning;
  close(): Promise<void>;
}

/** Options for {@link buildRuntime}. */
export interface RuntimeOptions {
  config: Config;
  logger?: Logger;
  clock?: Clock;
  /** Use the chat model when configured (default: whenever OPENAI_MODEL or Azure is configured). */
  generative?: boolean;
  /** Rebuild the index even when a valid one is on disk. */
  rebuildIndex?: boolean;
  /** Progress lines for a terminal (index build). */
  onProgress?: (message: string) => void;
  /** When false, escalations open no case (evals); the handoff store is still opened for the CLI's cases command. */
  openCases?: boolean;
  /**
   * Worker threads that compute answers (`serve` passes ANSWER_WORKERS); 0 or absent runs the pipeline on the
   * calling thread, which suits one-shot commands.
   */
  answerWorkers?: number;
}

/** Loads the corpus and opens (or builds) its index: the part of the runtime `protocol-bot index` needs. */
export async function openCorpusIndex(options: {
  config: Config;
  logger: Logger;
  onProgress?: (message: string) => void;
  rebuild?: boolean;
}) {
  const documents = loadCorpus(options.config.CORPUS_DIR);
  const clauses = parseCorpus(documents);
  const retriever = await openRetriever({ ...options, documents, clauses });
  return Object.assign(retriever, { documentCount: documents.length });
}

/**
 * The composition root: loads the corpus, opens (or builds) the index, opens the case store, and assembles the
 * answering pipeline with the extractive or generative composer.
 */
export async function buildRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const clock = options.clock ?? systemClock;

  const retriever = await openCorpusIndex({
    config,
    logger,
    onProgress: options.onProgress,
    rebuild: options.rebuildIndex,
  });

  const noticePlatforms = ['log'];
  if (config.SLACK_BOT_TOKEN && config.MONITORING_OFFICER_SLACK_CHANNEL) noticePlatforms.push('slack');
  if (config.MONITORING_OFFICER_TEAMS_IDS.length > 0) noticePlatforms.push('teams');
  const opened = await openHandoff({ config, clock, logger, noticePlatforms });
  // Evals (openCases false) measure the shipped models alone; everything else learns from answered cases.
  const learning = new CaseLearning(retriever, logger);
  const handoff = options.openCases === false ? opened : { ...opened, cases: learning.watch(opened.cases) };
  if (options.openCases !== false) await learning.refresh(opened.cases);

  const parts = await assemblePipeline({
    config,
    logger,
    clock,
    retriever,
    generative: options.generative,
    handoff: options.openCases === false ? undefined : handoff.cases,
  });
  let pipeline = parts.pipeline;
  let threads: PipelineThreads | undefined;
  const workerCount = options.answerWorkers ?? 0;
  if (workerCount > 0) {
    // Loaded only when asked for: the CLI answers on its own thread and never pays for starting workers.
    const { startPipelineThreads } = await import('./answer-threads/answer-threads.js');
    threads = await startPipelineThreads({
      config,
      logger,
      clock,
      count: workerCount,
      generative: parts.generative,
      handoff: options.openCases === false ? undefined : handoff.cases,
      fallback: parts.pipeline,
      learned: () => learning.learned,
    });
    learning.shareWith(threads);
    pipeline = threads.pipeline;
  }

  return {
    config,
    logger,
    clock,
    retriever,
    pipeline,
    handoff,
    generative: parts.generative,
    answerThreads: threads?.count ?? 0,
    learning,
    async close() {
      await threads?.close();
      await handoff.close();
    },
  };
}

/** Options for {@link assemblePipeline}. */
export interface AssemblePipelineOptions {
  config: Config;
  logger: Logger;
  clock: Clock;
  retriever: Retriever;
  /** Use the chat model when configured (default: whenever OPENAI_MODEL or Azure is configured). */
  generative?: boolean;
  handoff?: HandoffPort;
}

/**
 * The answering pipeline over an opened index: the policy table (plus POLICY_FILE), the extractive composer, and
 * the chat model's composer and condenser when one is configured. Shared by the runtime and the answer threads,
 * so both answer exactly alike.
 */
export async function assemblePipeline(
  options: AssemblePipelineOptions,
): Promise<{ pipeline: AnsweringPipeline; generative: boolean }> {
  const { config, logger } = options;
  const extractive = createExtractiveComposer();
  const ruleCondenser = createRuleCondenser();
  let composer: Composer = extractive;
  let condenser: QuestionCondenser = ruleCondenser;
  const generative = (options.generative ?? true) && chatModelConfigured(config);
  if (generative) {
    // Loaded only when configured, so the offline path never pays for LangChain at start-up.
    const { createGenerativeParts } = await import('../llm/index.js');
    const parts = createGenerativeParts(config, logger);
    if (parts?.composer) composer = parts.composer(extractive);
    if (parts?.condenser) condenser = parts.condenser(ruleCondenser);
  }

  const policy = createPolicyEngine(config.POLICY_FILE ? loadPolicyFile(config.POLICY_FILE) : []);
  const classifier = openDecisionClassifier({
    modelFile: config.DECISION_MODEL_FILE,
    encoder: () => loadSentenceEncoder(),
  });
  const pipeline = createAnsweringPipeline({
    retriever: options.retriever,
    policy,
    composer,
    fallbackComposer: extractive,
    condenser,
    classifier,
    handoff: options.handoff,
    clock: options.clock,
    logger,
  });
  return { pipeline, generative };
}
