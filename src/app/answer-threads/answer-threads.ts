import { Worker } from 'node:worker_threads';
import type { Answer, AnsweringPipeline, HandoffPort, Question } from '../../answer/index.js';
import type { AnsweredQuestion } from '../../cases/index.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import { describeError, ProtocolBotError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { FromPipelineThread, PipelineThreadData, ToPipelineThread } from './answer-thread-messages.js';

/** Answer threads and the pipeline that hands questions to them. */
export interface PipelineThreads {
  /** Answers on the threads; on this thread (the fallback) when none is running. */
  pipeline: AnsweringPipeline;
  /** Threads started. */
  count: number;
  /** Stops every thread; questions still in flight are answered by the fallback. */
  close(): Promise<void>;
  /** Sends newly learned questions to every running thread (a thread started later is given all of them). */
  learn(examples: readonly AnsweredQuestion[]): void;
}

/** Options for {@link startPipelineThreads}. */
export interface PipelineThreadsOptions {
  config: Config;
  logger: Logger;
  clock: Clock;
  count: number;
  /** Whether the chat model composes answers (decided by the runtime). */
  generative: boolean;
  /** The case service; cases are always opened here, on the thread that owns the database connection. */
  handoff?: HandoffPort;
  /** The same pipeline on this thread: answers whatever a thread cannot (not started, crashed, stopping). */
  fallback: AnsweringPipeline;
  /** The thread's module (tests point it at the compiled file). */
  entry?: URL;
  /** How long a thread may take to open the index before it is given up (default 60 s). */
  startTimeoutMs?: number;
  /** Every question learned from answered cases so far, read at each (re)start of a thread. */
  learned?: () => readonly AnsweredQuestion[];
}

/**
 * Under vitest this module is the TypeScript source, which a worker thread cannot load; the compiled entry (which
 * `npm test` builds first) serves instead.
 */
const defaultEntry = new URL(
  import.meta.url.endsWith('.ts')
    ? '../../../dist/src/app/answer-threads/answer-thread-worker.js'
    : './answer-thread-worker.js',
  import.meta.url,
);

/** Longest wait before restarting a thread that keeps failing. */
const maxRestartDelayMs = 60_000;

/**
 * Starts `count` worker threads, each holding its own copy of the index and pipeline, and returns a pipeline that
 * sends each question to the least busy one. The offline pipeline is CPU work; on the main thread a burst of
 * questions would hold up every socket behind it, so Slack and Teams requests (acknowledged within seconds) would
 * wait. On threads the main thread only routes messages and talks to the platforms. Cases are still opened here,
 * over the one database connection, when a thread asks. A thread that crashes is restarted with a growing delay;
 * its questions, and any asked while no thread is running, are answered on this thread, so nothing is lost.
 */
export async function startPipelineThreads(options: PipelineThreadsOptions): Promise<PipelineThreads> {
  const threads = Array.from({ length: options.count }, (_, index) => new PipelineThread(index, options));
  await Promise.all(threads.map((thread) => thread.started));
  const running = threads.filter((thread) => thread.ready).length;
  if (running < threads.length) {
    options.logger.warn('some answer threads did not start; their share is answered on the main thread', {
      started: running,
      wanted: threads.length,
    });
  }

  return {
    count: threads.length,
    pipeline: {
      answer(question) {
        let best: PipelineThread | undefined;
        for (const thread of threads) {
          if (thread.ready && (!best || thread.load < best.load)) best = thread;
        }
        return best ? best.answer(question) : options.fallback.answer(question);
      },
    },
    async close() {
      await Promise.all(threads.map((thread) => thread.stop()));
    },
    learn(examples) {
      for (const thread of threads) thread.learn(examples);
    },
  };
}

interface Job {
  question: Question;
  resolve: (answer: Answer | Promise<Answer>) => void;
}

/** One worker thread and the questions it is working on. */
class PipelineThread {
  /** Settles once the thread is ready or has failed to start (never rejects). */
  started: Promise<void>;
  ready = false;
  private worker: Worker | undefined;
  private readonly jobs = new Map<number, Job>();
  private nextJob = 0;
  private stopping = false;
  private restartDelayMs = 1_000;
  private restartTimer: NodeJS.Timeout | undefined;
  private restarts = 0;

  constructor(
    private readonly index: number,
    private readonly options: PipelineThreadsOptions,
  ) {
    this.started = this.start();
  }

  /** Questions sent and not yet answered. */
  get load(): number {
    return this.jobs.size;
  }

  answer(question: Question): Promise<Answer> {
    const job = this.nextJob++;
    return new Promise<Answer>((resolve) => {
      this.jobs.set(job, { question, resolve });
      try {
        this.post({ type: 'answer', job, question });
      } catch (error) {
        // A question that cannot cross to the thread (say, a function in its reply target) is answered here.
        this.jobs.delete(job);
        this.options.logger.warn('question could not be sent to an answer thread', {
          error: describeError(error),
        });
        resolve(this.options.fallback.answer(question));
      }
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const worker = this.worker;
    if (!worker) return;
    await worker.terminate();
  }

  private start(): Promise<void> {
    const { config, clock, generative, handoff } = this.options;
    const data: PipelineThreadData = {
      config,
      generative,
      openCases: handoff !== undefined,
      clockOffsetMs: clock.now().getTime() - Date.now(),
      learned: [...(this.options.learned?.() ?? [])],
    };
    const worker = new Worker(this.options.entry ?? defaultEntry, { workerData: data });
    this.worker = worker;
    return new Promise<void>((settle) => {
      const startTimer = setTimeout(() => {
        this.options.logger.error('an answer thread took too long to start', { thread: this.index });
        void worker.terminate();
      }, this.options.startTimeoutMs ?? 60_000);
      const settled = () => {
        clearTimeout(startTimer);
        settle();
      };
      worker.on('message', (message: FromPipelineThread) => {
        if (message.type === 'ready') {
          if (this.restarts > 0) this.options.logger.info('answer thread restarted', { thread: this.index });
          this.ready = true;
          this.restartDelayMs = 1_000;
          settled();
        } else if (message.type === 'failed') {
          this.options.logger.error('an answer thread could not start', {
            thread: this.index,
            error: message.message,
          });
        } else {
          this.receive(message);
        }
      });
      worker.on('error', (error) => {
        this.options.logger.error('an answer thread failed', {
          thread: this.index,
          error: describeError(error),
        });
      });
      worker.on('exit', (code) => {
        settled();
        this.exited(worker, code);
      });
    });
  }

  private receive(message: FromPipelineThread): void {
    switch (message.type) {
      case 'answered': {
        const job = this.jobs.get(message.job);
        this.jobs.delete(message.job);
        job?.resolve(message.answer);
        return;
      }
      case 'open-case':
        void this.openCase(message.call, message.job, message.request);
        return;
      case 'log': {
        const log = this.options.logger[message.level];
        log(message.message, { ...message.context, thread: this.index });
        return;
      }
      default:
        return;
    }
  }

  private async openCase(
    call: number,
    jobId: number,
    request: Extract<FromPipelineThread, { type: 'open-case' }>['request'],
  ): Promise<void> {
    const job = this.jobs.get(jobId);
    try {
      if (!this.options.handoff || !job) {
        throw new ProtocolBotError('store_unavailable', 'No case service for this answer thread');
      }
      const opened = await this.options.handoff.openCase({ ...request, question: job.question });
      this.post({ type: 'case-opened', call, opened });
    } catch (error) {
      const code = error instanceof ProtocolBotError ? error.code : undefined;
      const message = error instanceof Error ? error.message : String(error);
      try {
        this.post({ type: 'case-failed', call, error: { code, message } });
      } catch {
        // The thread is gone; its questions are answered by the fallback.
      }
    }
  }

  private exited(worker: Worker, code: number): void {
    if (this.worker !== worker) return;
    this.ready = false;
    this.worker = undefined;
    const orphaned = [...this.jobs.values()];
    this.jobs.clear();
    for (const job of orphaned) job.resolve(this.options.fallback.answer(job.question));
    if (this.stopping) return;
    this.options.logger.warn('an answer thread stopped; restarting it', {
      thread: this.index,
      exitCode: code,
      answeredHere: orphaned.length,
      restartInMs: this.restartDelayMs,
    });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      this.restarts += 1;
      if (!this.stopping) this.started = this.start();
    }, this.restartDelayMs);
    this.restartTimer.unref();
    this.restartDelayMs = Math.min(this.restartDelayMs * 2, maxRestartDelayMs);
  }

  /** Passes learned questions on; a thread not running gets them with the rest when it (re)starts. */
  learn(examples: readonly AnsweredQuestion[]): void {
    if (!this.worker) return;
    try {
      this.post({ type: 'learn', examples: [...examples] });
    } catch (error) {
      this.options.logger.warn('learned questions could not be sent to an answer thread', {
        thread: this.index,
        error: describeError(error),
      });
    }
  }

  private post(message: ToPipelineThread): void {
    if (!this.worker) throw new Error('the answer thread is not running');
    this.worker.postMessage(message);
  }
}
