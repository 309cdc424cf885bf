import express, { type RequestHandler } from 'express';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';

/** How far a request's timestamp may be from now, either way (Slack's replay window). */
const maxSkewSeconds = 5 * 60;

/**
 * Checks Slack HTTP requests before Bolt does, filling two gaps in Bolt's receiver:
 * - a timestamp more than five minutes in the future is rejected with 401 (Bolt rejects only old ones, so a
 *   request signed for later could be replayed until then);
 * - a body that is not valid JSON (or a form whose `payload` is not) gets 400 with a short JSON body and one log
 *   line, where Bolt would answer an empty 400 and log the parser's error.
 * The raw body is handed on as `rawBody`, which Bolt reads instead of the stream, so the signature is still
 * checked over the exact bytes received.
 */
export function slackRequestGuard(options: { clock: Clock; logger: Logger }): RequestHandler[] {
  const { clock, logger } = options;
  const checkTimestamp: RequestHandler = (request, response, next) => {
    const timestamp = Number(request.get('x-slack-request-timestamp'));
    const now = clock.now().getTime() / 1000;
    if (Number.isFinite(timestamp) && timestamp > now + maxSkewSeconds) {
      logger.warn('slack request rejected: timestamp in the future', {
        path: request.path,
        aheadSeconds: Math.round(timestamp - now),
      });
      response.status(401).json({ error: 'request timestamp out of range' });
      return;
    }
    next();
  };
  const checkBody: RequestHandler = (request, response, next) => {
    const raw: unknown = request.body;
    if (!Buffer.isBuffer(raw)) {
      next();
      return;
    }
    (request as unknown as { rawBody: Buffer }).rawBody = raw;
    if (!parses(raw.toString('utf8'), request.get('content-type') ?? '')) {
      logger.warn('slack request rejected: malformed JSON', { path: request.path, bytes: raw.length });
      response.status(400).json({ error: 'malformed JSON' });
      return;
    }
    next();
  };
  return [checkTimestamp, express.raw({ type: () => true, limit: '1mb' }), checkBody];
}

function parses(body: string, contentType: string): boolean {
  try {
    if (contentType.includes('application/x-www-form-urlencoded')) {
      const payload = new URLSearchParams(body).get('payload');
      if (payload !== null) JSON.parse(payload);
      return true;
    }
    if (contentType.includes('application/json')) JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}
