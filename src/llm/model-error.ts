/** How one failed model call should be handled. */
export interface ModelErrorVerdict {
  /** True for rate limits, server errors and dropped connections: the same call may succeed later. */
  retryable: boolean;
  /** The wait the server asked for (`Retry-After` / `retry-after-ms`), in milliseconds. */
  retryAfterMs?: number;
  /** HTTP status, when the server answered. */
  status?: number;
}

/** Statuses worth another try: request timeout, rate limit, server errors. */
const retryableStatus = (status: number) => status === 408 || status === 429 || status >= 500;
/** Socket-level failures a retry can get past. */
const retryableCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET']);

/**
 * Classifies an error thrown by a LangChain OpenAI call. @langchain/openai 1.5.8 rethrows the `openai` SDK's
 * `APIError` (with `status` and a fetch `Headers` object in `headers`), adding only a troubleshooting line to the
 * message; dropped connections arrive as `APIConnectionError` (no status) with the socket error as `cause`.
 */
export function classifyModelError(error: unknown): ModelErrorVerdict {
  if (typeof error !== 'object' || error === null) return { retryable: false };
  const status = statusOf(error);
  if (status !== undefined) {
    // An exhausted quota is a 429 that no amount of waiting fixes.
    if (status === 429 && errorCode(error) === 'insufficient_quota') return { retryable: false, status };
    return { retryable: retryableStatus(status), retryAfterMs: retryAfterOf(error), status };
  }
  if (error.constructor?.name === 'APIConnectionError') return { retryable: true };
  return { retryable: hasRetryableCode(error) };
}

function statusOf(error: object): number | undefined {
  const direct = (error as { status?: unknown }).status;
  if (typeof direct === 'number') return direct;
  const response = (error as { response?: { status?: unknown } }).response;
  return typeof response?.status === 'number' ? response.status : undefined;
}

function errorCode(error: object): string | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  const nested = (error as { error?: { code?: unknown } }).error?.code;
  return typeof nested === 'string' ? nested : undefined;
}

function hasRetryableCode(error: object, depth = 0): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && retryableCodes.has(code)) return true;
  const cause = (error as { cause?: unknown }).cause;
  return depth < 3 && typeof cause === 'object' && cause !== null && hasRetryableCode(cause, depth + 1);
}

function retryAfterOf(error: object): number | undefined {
  const headers = (error as { headers?: unknown }).headers;
  const milliseconds = Number(header(headers, 'retry-after-ms')?.trim() || Number.NaN);
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const value = header(headers, 'retry-after')?.trim();
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function header(headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}
