import { describe, expect, it } from 'vitest';
import {
  defaultRetryPolicy,
  isRetryableFailure,
  retryDelayMs,
} from '../../../src/channels/teams/connector-retry.js';
import { stripMentions } from '../../../src/channels/teams/strip-mentions.js';
import { feedbackComment } from '../../../src/channels/teams/teams-activity.js';

describe('stripMentions', () => {
  const bot = {
    type: 'mention',
    text: '<at>Protocol Bot</at>',
    mentioned: { id: '28:bot-id', name: 'Protocol Bot' },
  };

  it('removes the bot mention and its <at> tags', () => {
    expect(
      stripMentions(
        '<at>Protocol Bot</at> Can officers attend the Labour group meeting?',
        [bot],
        '28:bot-id',
      ),
    ).toBe('Can officers attend the Labour group meeting?');
  });

  it('keeps the names of other people mentioned', () => {
    const other = { type: 'mention', text: '<at>Cllr Smith</at>', mentioned: { id: '29:smith' } };
    expect(
      stripMentions(
        '<at>Protocol Bot</at> what should I tell <at>Cllr Smith</at>&nbsp;about his email?',
        [bot, other],
        '28:bot-id',
      ),
    ).toBe('what should I tell Cllr Smith about his email?');
  });

  it('drops a stray <at> mention without an entity', () => {
    expect(stripMentions('<at>Protocol Bot</at>  hello', [], '28:bot-id')).toBe('hello');
  });
});

describe('connector retry', () => {
  const httpError = (status: number, retryAfter?: string) =>
    Object.assign(new Error(`Request failed with status ${status}`), {
      status,
      response: { headers: new Headers(retryAfter ? { 'retry-after': retryAfter } : {}) },
    });

  it('retries 429 and 5xx, not 400 or 403', () => {
    expect(isRetryableFailure(httpError(429))).toBe(true);
    expect(isRetryableFailure(httpError(503))).toBe(true);
    expect(isRetryableFailure(httpError(400))).toBe(false);
    expect(isRetryableFailure(httpError(403))).toBe(false);
  });

  it('honours Retry-After in seconds and as a date, capped', () => {
    expect(retryDelayMs(httpError(429, '2'), 1, defaultRetryPolicy)).toBe(2_000);
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(retryDelayMs(httpError(429, 'Mon, 23 Nov 2026 10:00:03 GMT'), 1, defaultRetryPolicy, now)).toBe(
      3_000,
    );
    expect(retryDelayMs(httpError(429, '3600'), 1, defaultRetryPolicy)).toBe(defaultRetryPolicy.maxDelayMs);
  });

  it('backs off exponentially without Retry-After', () => {
    expect(retryDelayMs(httpError(500), 1, defaultRetryPolicy)).toBe(500);
    expect(retryDelayMs(httpError(500), 2, defaultRetryPolicy)).toBe(1_000);
  });
});

describe('feedbackComment', () => {
  it('reads the feedback text Teams sends as JSON', () => {
    expect(feedbackComment('{"feedbackText":"Quoted the wrong council"}')).toBe('Quoted the wrong council');
    expect(feedbackComment('{"feedbackText":""}')).toBeUndefined();
    expect(feedbackComment(undefined)).toBeUndefined();
  });
});
