/**
 * Stable error codes. Callers branch on `code`, never on message text, so messages can improve freely.
 */
export type ProtocolBotErrorCode =
  | 'config_invalid'
  | 'corpus_invalid'
  | 'corpus_missing'
  | 'index_corrupt'
  | 'index_build_failed'
  | 'model_missing'
  | 'model_corrupt'
  | 'usage'
  | 'case_not_found'
  | 'case_invalid_transition'
  | 'case_forbidden'
  | 'store_unavailable'
  | 'inbox_unavailable'
  | 'delivery_failed'
  | 'llm_failed'
  | 'llm_timeout'
  | 'llm_invalid_output'
  | 'input_invalid'
  | 'platform_failed';

const marker = Symbol.for('protocol-bot.error');

/** The one error base class: a stable code, a message a person can act on, and the cause kept. */
export class ProtocolBotError extends Error {
  readonly [marker] = true;
  readonly code: ProtocolBotErrorCode;
  /** Whether retrying the same operation may succeed (rate limits, 5xx, locked database). */
  readonly retryable: boolean;

  constructor(
    code: ProtocolBotErrorCode,
    message: string,
    options: { cause?: unknown; retryable?: boolean } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ProtocolBotError';
    this.code = code;
    this.retryable = options.retryable ?? false;
  }

  /** True for any ProtocolBotError, even one from another copy of this module. */
  static isInstance(error: unknown): error is ProtocolBotError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

/** A short description of any thrown value, for logs. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
