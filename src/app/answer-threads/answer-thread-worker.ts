import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { HandoffPort, OpenedCase, Question } from '../../answer/index.js';
import type { Clock } from '../../clock.js';
import { describeError, ProtocolBotError, type ProtocolBotErrorCode } from '../../errors.js';
import { type Logger, type LogLevel, logLevelRank } from '../../logger.js';
import { assemblePipeline, openCorpusIndex } from '../runtime.js';
import type { FromPipelineThread, PipelineThreadData, ToPipelineThread } from './answer-thread-messages.js';

/**
 * An answer thread (see answer-threads.ts): opens the index the main thread has already built, assembles the same
 * pipeline, and answers the questions it is sent. Logs and case requests go back to the main thread.
 */
async function serve(port: NonNullable<typeof parentPort>, data: PipelineThreadData): Promise<void> {
  const send = (message: FromPipelineThread) => port.postMessage(message);
  const logger = forwardingLogger(data.config.LOG_LEVEL, send);
  const clock: Clock = { now: () => new Date(Date.now() + data.clockOffsetMs) };

  // The job each question belongs to, so a case request can name it and the main thread can attach the original.
  const jobOf = new WeakMap<Question, number>();
  const calls = new Map<number, { resolve: (opened: OpenedCase) => void; reject: (error: Error) => void }>();
  let nextCall = 0;
  const handoff: HandoffPort = {
    openCase({ question, ...request }) {
      const call = nextCall++;
      return new Promise<OpenedCase>((resolve, reject) => {
        calls.set(call, { resolve, reject });
        send({ type: 'open-case', call, job: jobOf.get(question) ?? -1, request });
      });
    },
  };

  lowerThisThreadsPriority(logger);
  try {
    const retriever = await openCorpusIndex({ config: data.config, logger });
    await retriever.learn(data.learned ?? []);
    await retriever.absorbLessons();
    // Load the query encoder before saying ready, so the first question does not wait for it.
    await retriever.warmUp();
    const { pipeline } = await assemblePipeline({
      config: data.config,
      logger,
      clock,
      retriever,
      generative: data.generative,
      handoff: data.openCases ? handoff : undefined,
    });
    port.on('message', async (message: ToPipelineThread) => {
      if (message.type === 'answer') {
        jobOf.set(message.question, message.job);
        const answer = await pipeline.answer(message.question);
        send({ type: 'answered', job: message.job, answer });
        return;
      }
      if (message.type === 'learn') {
        // Embedded here and now: this thread is the one that answers, and it has the time between questions.
        await retriever
          .learn(message.examples)
          .then(() => retriever.absorbLessons())
          .catch((error: unknown) => {
            logger.warn('could not learn from answered cases', { error: describeError(error) });
          });
        return;
      }
      const pending = calls.get(message.call);
      calls.delete(message.call);
      if (message.type === 'case-opened') pending?.resolve(message.opened);
      else {
        const code = (message.error.code ?? 'store_unavailable') as ProtocolBotErrorCode;
        pending?.reject(new ProtocolBotError(code, message.error.message));
      }
    });
    send({ type: 'ready' });
  } catch (error) {
    send({ type: 'failed', message: describeError(error) });
    process.exit(1);
  }
}

/**
 * On Linux the nice value belongs to the thread, so this lowers the answer thread alone: when the CPUs are busy the
 * main thread, which acknowledges Slack and Teams requests (Slack gives up after 3 s), runs first and answers take
 * what is left. Nice 19 rather than 10: in the Slack bench it kept both the acknowledgement and the answer targets
 * in more runs (answers are short bursts, and an idle CPU still runs them at full speed). Elsewhere the call would
 * lower the whole process, so it is skipped.
 */
function lowerThisThreadsPriority(logger: Logger): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(constants.priority.PRIORITY_LOW);
  } catch (error) {
    logger.debug('could not lower the answer thread priority', { error: describeError(error) });
  }
}

/** A logger whose lines are written by the main thread's logger (one stream, one format, one level). */
function forwardingLogger(level: LogLevel, send: (message: FromPipelineThread) => void): Logger {
  const emit = (at: LogLevel) => (message: string, context?: Record<string, unknown>) => {
    if (logLevelRank[at] < logLevelRank[level]) return;
    try {
      send({ type: 'log', level: at, message, context });
    } catch {
      // A context that cannot be cloned is sent as JSON.
      send({ type: 'log', level: at, message, context: JSON.parse(JSON.stringify(context ?? {})) });
    }
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

if (parentPort) await serve(parentPort, workerData as PipelineThreadData);
