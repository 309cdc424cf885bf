import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mountChatPlatforms } from '../../../src/app/chat-platforms.js';
import { createHttpServer, type HttpServer } from '../../../src/app/http-server.js';
import { buildRuntime, type Runtime } from '../../../src/app/runtime.js';
import { slackPlatform } from '../../../src/channels/slack/slack-platform.js';
import { loadConfig } from '../../../src/config.js';
import type { Logger } from '../../../src/logger.js';
import { type StubSlackApi, startStubSlackApi } from '../../support/stub-slack-api.js';

/** Signing secret of the test app. */
export const signingSecret = 'test-signing-secret';
/** The Monitoring Officer's channel and Slack user in the test app. */
export const monitoringOfficer = { channel: 'C0MONITOR', userId: 'U0MONITOR' } as const;
/** The bot's own user id (what the stub's auth.test returns). */
export const botUserId = 'U0PROTOBOT';

/** A log line captured from the runtime's logger. */
export interface LogLine {
  level: string;
  message: string;
  context?: Record<string, unknown>;
}

/** The real Slack app on 127.0.0.1, over the real runtime, with the Web API pointed at a stub. */
export interface SlackTestApp {
  stub: StubSlackApi;
  runtime: Runtime;
  server: HttpServer;
  /** `http://127.0.0.1:PORT/slack/events` (HTTP mode only). */
  eventsUrl: string;
  logs: LogLine[];
  close(): Promise<void>;
}

/** Options for {@link startSlackTestApp}. */
export interface SlackTestAppOptions {
  /** Extra or overriding settings (e.g. SLACK_APP_TOKEN for Socket Mode). */
  env?: Record<string, string>;
  /** Prepares the stub before the app starts (e.g. the Socket Mode URL). */
  stub?: StubSlackApi;
  /** Answer threads, as `serve` starts them (default 0: answers on the test's thread). */
  answerWorkers?: number;
}

/**
 * Starts the stub Web API, builds the real runtime over the repository's corpus with a temporary DATA_DIR, mounts
 * Slack on a real HTTP server listening on 127.0.0.1, and returns handles for the test.
 */
export async function startSlackTestApp(options: SlackTestAppOptions = {}): Promise<SlackTestApp> {
  const stub = options.stub ?? (await startStubSlackApi({ botUserId }));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'protocol-bot-slack-'));
  const logs: LogLine[] = [];
  const logger: Logger = {
    debug: () => {},
    info: (message, context) => logs.push({ level: 'info', message, context }),
    warn: (message, context) => logs.push({ level: 'warn', message, context }),
    error: (message, context) => logs.push({ level: 'error', message, context }),
  };
  const config = loadConfig({
    DATA_DIR: dataDir,
    CORPUS_DIR: path.resolve('corpus'),
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: stub.apiUrl,
    MONITORING_OFFICER_SLACK_CHANNEL: monitoringOfficer.channel,
    MONITORING_OFFICER_SLACK_USERS: monitoringOfficer.userId,
    RATE_LIMIT_PER_MINUTE: '5',
    ...options.env,
  });
  const runtime = await buildRuntime({
    config,
    logger,
    generative: false,
    answerWorkers: options.answerWorkers,
  });
  const server = createHttpServer({ logger });
  const { conversation, platforms } = await mountChatPlatforms(server, runtime, [slackPlatform]);
  const port = await server.listen(0, '127.0.0.1');
  return {
    stub,
    runtime,
    server,
    eventsUrl: `http://127.0.0.1:${port}/slack/events`,
    logs,
    async close() {
      for (const platform of platforms) await platform.stop();
      await conversation.stop();
      await server.close();
      await runtime.close();
      await stub.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Slack's request signature: `v0=` + HMAC-SHA256 of `v0:{timestamp}:{raw body}`. */
export function sign(body: string, timestamp: number, secret = signingSecret): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** Options for one signed request. */
export interface SendOptions {
  /** Seconds since the epoch for X-Slack-Request-Timestamp (default now). */
  timestamp?: number;
  /** Leave the signature headers out. */
  unsigned?: boolean;
  /** X-Slack-Retry-Num (and a retry reason). */
  retryNum?: number;
}

/** Posts a raw body to the events URL, signed as Slack would sign it. */
export async function sendSigned(
  url: string,
  body: string,
  contentType: string,
  options: SendOptions = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': contentType };
  if (!options.unsigned) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = sign(body, timestamp);
  }
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return fetch(url, { method: 'POST', headers, body });
}

let sequence = 0;

/** A fresh, realistic message timestamp. */
export function nextTs(): string {
  sequence += 1;
  return `1763900${String(sequence).padStart(3, '0')}.${String(sequence * 7).padStart(6, '0')}`;
}

/** An Events API `event_callback` envelope around `event`. */
export function eventCallback(event: Record<string, unknown>, eventId = `Ev${nextTs().replace('.', '')}`) {
  return {
    token: 'verification-token',
    team_id: 'T0COUNCIL',
    api_app_id: 'A0PROTOBOT',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event: { event_ts: event.ts, ...event },
    authorizations: [{ enterprise_id: null, team_id: 'T0COUNCIL', user_id: botUserId, is_bot: true }],
  };
}

/** An `app_mention` of the bot in a public channel. */
export function mention(options: {
  user: string;
  text: string;
  channel?: string;
  threadTs?: string;
  ts?: string;
}) {
  return {
    type: 'app_mention',
    user: options.user,
    text: `<@${botUserId}> ${options.text}`,
    ts: options.ts ?? nextTs(),
    channel: options.channel ?? 'C0GENERAL',
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
  };
}

/** A `block_actions` payload for a button press on a message. */
export function blockAction(options: {
  user: string;
  actionId: string;
  value: string;
  channel: string;
  messageTs: string;
  threadTs?: string;
  responseUrl?: string;
}) {
  return {
    type: 'block_actions',
    team: { id: 'T0COUNCIL', domain: 'council' },
    user: { id: options.user, team_id: 'T0COUNCIL' },
    api_app_id: 'A0PROTOBOT',
    token: 'verification-token',
    trigger_id: `trigger-${nextTs()}`,
    response_url: options.responseUrl ?? 'http://127.0.0.1:9/unused',
    container: {
      type: 'message',
      message_ts: options.messageTs,
      channel_id: options.channel,
      is_ephemeral: false,
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    },
    channel: { id: options.channel, name: 'general' },
    message: {
      type: 'message',
      ts: options.messageTs,
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    },
    actions: [
      {
        type: 'button',
        action_id: options.actionId,
        block_id: 'block',
        value: options.value,
        action_ts: nextTs(),
      },
    ],
  };
}

/** Sends a JSON Events API body. */
export function sendEvent(app: SlackTestApp, body: unknown, options?: SendOptions): Promise<Response> {
  return sendSigned(app.eventsUrl, JSON.stringify(body), 'application/json', options);
}

/** Sends an interactivity payload (`payload=` form field), as Slack does. */
export function sendInteraction(app: SlackTestApp, payload: unknown): Promise<Response> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return sendSigned(app.eventsUrl, body, 'application/x-www-form-urlencoded');
}

/** Sends a slash command form. */
export function sendCommand(app: SlackTestApp, fields: Record<string, string>): Promise<Response> {
  const body = new URLSearchParams({
    token: 'verification-token',
    team_id: 'T0COUNCIL',
    api_app_id: 'A0PROTOBOT',
    command: '/protocol',
    trigger_id: `trigger-${nextTs()}`,
    ...fields,
  }).toString();
  return sendSigned(app.eventsUrl, body, 'application/x-www-form-urlencoded');
}

/** Delivers queued case notices now (the dispatcher's timer is not started in tests). */
export async function deliverNotices(app: SlackTestApp): Promise<number> {
  return app.runtime.handoff.dispatcher.drainOnce();
}

/** Every string in a Block Kit payload, joined, for "does the message say X" assertions. */
export function blockText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(blockText).join('\n');
  if (value && typeof value === 'object') return Object.values(value).map(blockText).join('\n');
  return '';
}
