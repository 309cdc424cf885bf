import { setTimeout as sleep } from 'node:timers/promises';
import { describeError, ProtocolBotError } from '../errors.js';
import type { Logger } from '../logger.js';
import { classifyModelError } from './model-error.js';

/** Options for {@link callWithRetry}. */
export interface RetryOptions {
  /** Further attempts after the first, for retryable errors only. */
  retries: number;
  /** Overall deadline for every attempt and wait together, in milliseconds. */
  timeoutMs: number;
  /** Longest wait honoured from a `Retry-After` header. */
  maxRetryAfterMs?: number;
  /** Wait before the first retry when the server gave no `Retry-After`; doubled each time. */
  backoffMs?: number;
  logger: Logger;
  /** What is being called, for logs (`compose`, `condense`). */
  operation: string;
}

const DEFAULT_MAX_RETRY_AFTER_MS = 5_000;
const DEFAULT_BACKOFF_MS = 250;

/**
 * Runs `attempt` until it succeeds, retrying only errors marked retryable (429 honouring `Retry-After`, 5xx, dropped
 * connections) up to `retries` times, and gives up at the deadline whatever is in flight: a chat platform always gets
 * a reply in time. The signal passed to `attempt` aborts at the deadline. Throws `llm_timeout` at the deadline and
 * `llm_failed` otherwise, with the last error as `cause`.
 */
export async function callWithRetry<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const { logger, operation } = options;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  const started = Date.now();
  const deadline = started + options.timeoutMs;
  const controller = new AbortController();
  const timedOut = () =>
    new ProtocolBotError(
      'llm_timeout',
      `${operation}: no reply from the model within ${options.timeoutMs} ms`,
      {
        retryable: true,
      },
    );

  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(timedOut());
      reject(timedOut());
    }, options.timeoutMs);
  });

  const attempts = async (): Promise<T> => {
    for (let retry = 0; ; retry++) {
      if (controller.signal.aborted) throw timedOut();
      try {
        return await attempt(controller.signal);
      } catch (error) {
        if (controller.signal.aborted) throw timedOut();
        const verdict = classifyModelError(error);
        const failed = (why: string) =>
          new ProtocolBotError('llm_failed', `${operation}: ${why} (${describeError(error)})`, {
            cause: error,
            retryable: verdict.retryable,
          });
        if (!verdict.retryable) throw failed('the model call failed');
        if (retry >= options.retries) throw failed(`the model call failed after ${retry + 1} attempts`);
        const wait = Math.min(verdict.retryAfterMs ?? backoffMs * 2 ** retry, maxRetryAfterMs);
        if (Date.now() + wait >= deadline) throw failed('no time left before the deadline to retry');
        logger.warn('model call failed; retrying', {
          operation,
          status: verdict.status,
          waitMs: wait,
          attempt: retry + 1,
          error: describeError(error),
        });
        await sleep(wait, undefined, { signal: controller.signal });
      }
    }
  };

  try {
    return await Promise.race([attempts(), expired]);
  } finally {
    clearTimeout(timer);
  }
}
