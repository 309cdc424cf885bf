import { describeError, ProtocolBotError } from '../../errors.js';
import type { Logger } from '../../logger.js';

/** How the Bot Connector calls are retried. */
export interface RetryPolicy {
  /** Attempts in all, including the first. */
  attempts: number;
  /** First back-off delay; doubled on each retry. */
  baseDelayMs: number;
  /** Longest wait, whatever Retry-After says (a turn must finish before Teams gives up on it). */
  maxDelayMs: number;
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>;
}

/** Three attempts, 0.5 s then 1 s, never waiting more than 10 s. */
export const defaultRetryPolicy: RetryPolicy = { attempts: 3, baseDelayMs: 500, maxDelayMs: 10_000 };

/** The HTTP status of a connector failure, or undefined for a network error. */
export function failureStatus(error: unknown): number | undefined {
  return connectorFailure(error)?.status;
}

/** The SDK's HttpError, recognised by shape so a second copy of the SDK module cannot hide it. */
interface ConnectorFailure {
  status: number;
  response?: { headers?: { get?(name: string): string | null } };
}

function connectorFailure(error: unknown): ConnectorFailure | undefined {
  if (!(error instanceof Error) || typeof (error as Partial<ConnectorFailure>).status !== 'number')
    return undefined;
  return error as unknown as ConnectorFailure;
}

/** True for 429, 5xx and network errors: the same call may succeed later. */
export function isRetryableFailure(error: unknown): boolean {
  const status = failureStatus(error);
  if (status === undefined) return !ProtocolBotError.isInstance(error);
  return status === 429 || status >= 500;
}

/**
 * Milliseconds to wait before attempt `attempt + 1`: the connector's Retry-After (seconds or an HTTP date) when it
 * sent one, else exponential back-off; capped at `maxDelayMs`.
 */
export function retryDelayMs(error: unknown, attempt: number, policy: RetryPolicy, now = Date.now()): number {
  const header = connectorFailure(error)?.response?.headers?.get?.('retry-after');
  let delay = policy.baseDelayMs * 2 ** (attempt - 1);
  if (header) {
    const seconds = Number(header);
    const date = Date.parse(header);
    if (Number.isFinite(seconds)) delay = seconds * 1000;
    else if (!Number.isNaN(date)) delay = date - now;
  }
  return Math.max(0, Math.min(delay, policy.maxDelayMs));
}

/**
 * Runs a Bot Connector call, retrying 429 / 5xx / network failures with back-off (honouring Retry-After) and
 * logging each failure. A call that still fails throws `platform_failed`, retryable when the last failure was, so
 * the notice dispatcher can try again later.
 */
export async function withConnectorRetry<T>(
  what: string,
  call: () => Promise<T>,
  options: { logger: Logger; policy?: RetryPolicy; context?: Record<string, unknown> },
): Promise<T> {
  const policy = options.policy ?? defaultRetryPolicy;
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const retryable = isRetryableFailure(error);
      const status = failureStatus(error);
      if (!retryable || attempt >= policy.attempts) {
        options.logger.error('teams connector call failed', {
          what,
          attempt,
          status,
          error: describeError(error),
          ...options.context,
        });
        throw new ProtocolBotError('platform_failed', `Teams: ${what} failed (${describeError(error)})`, {
          cause: error,
          retryable,
        });
      }
      const delay = retryDelayMs(error, attempt, policy);
      options.logger.warn('teams connector call failed; retrying', {
        what,
        attempt,
        status,
        delayMs: delay,
        error: describeError(error),
        ...options.context,
      });
      await sleep(delay);
    }
  }
}
