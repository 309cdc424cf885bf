import { describe, expect, it } from 'vitest';
import { classifyModelError } from '../../src/llm/model-error.js';

/** The shape the `openai` SDK gives @langchain/openai's errors: a status and a fetch Headers object. */
function apiError(status: number, headers: Record<string, string> = {}, code?: string) {
  return Object.assign(new Error(`${status} error`), { status, headers: new Headers(headers), code });
}

describe('model error classification', () => {
  it('retries rate limits and server errors, honouring the wait the server asks for', () => {
    expect(classifyModelError(apiError(429, { 'retry-after': '2' }))).toEqual({
      retryable: true,
      retryAfterMs: 2000,
      status: 429,
    });
    expect(
      classifyModelError(apiError(429, { 'retry-after-ms': '150', 'retry-after': '9' })).retryAfterMs,
    ).toBe(150);
    expect(classifyModelError(apiError(503))).toEqual({
      retryable: true,
      retryAfterMs: undefined,
      status: 503,
    });
  });

  it('reads Retry-After given as an HTTP date', () => {
    const inThreeSeconds = new Date(Date.now() + 3_000).toUTCString();
    const wait = classifyModelError(apiError(429, { 'retry-after': inThreeSeconds })).retryAfterMs ?? 0;
    expect(wait).toBeGreaterThan(1_000);
    expect(wait).toBeLessThanOrEqual(3_000);
  });

  it('does not retry what cannot succeed: bad requests, auth, an exhausted quota', () => {
    expect(classifyModelError(apiError(400)).retryable).toBe(false);
    expect(classifyModelError(apiError(401)).retryable).toBe(false);
    expect(classifyModelError(apiError(429, {}, 'insufficient_quota')).retryable).toBe(false);
    expect(classifyModelError(new Error('parser failed')).retryable).toBe(false);
    expect(classifyModelError('a string').retryable).toBe(false);
  });

  it('retries a connection reset found in the cause chain', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(classifyModelError(new Error('fetch failed', { cause: reset })).retryable).toBe(true);
  });
});
