import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the stub received. */
export interface RecordedCall {
  /** Web API method (`chat.postMessage`) or `response_url` for posts to a response URL. */
  method: string;
  /** Form or JSON fields; JSON-valued form fields (`blocks`, `view`, `metadata`) already parsed. */
  params: Record<string, unknown>;
  /** Bearer token the call was made with. */
  token?: string;
  /** Milliseconds since the stub started. */
  at: number;
  /** Wall-clock time of arrival in epoch milliseconds (sub-millisecond), for latency measurements. */
  time: number;
}

/** A scripted answer for the next call of a method. */
export type ScriptedResponse =
  | { rateLimited: { retryAfterSeconds: number } }
  | { error: string }
  | { httpStatus: number };

/** Options for {@link startStubSlackApi}. */
export interface StubSlackApiOptions {
  /** What `apps.connections.open` returns as the Socket Mode URL. */
  socketUrl?: string;
  /** Bot user id returned by `auth.test`. */
  botUserId?: string;
}

/** A fake Slack Web API on 127.0.0.1 that records every call. */
export interface StubSlackApi {
  /** Base URL of the Web API, ending in `/api/` (for SLACK_API_URL). */
  readonly apiUrl: string;
  /** A response URL (for slash commands and interactive payloads) whose posts are recorded. */
  responseUrl(name: string): string;
  readonly calls: RecordedCall[];
  /** Calls of one method, in order. */
  callsTo(method: string): RecordedCall[];
  /** Makes the next call(s) of `method` answer as scripted, in order. */
  script(method: string, ...responses: ScriptedResponse[]): void;
  /** Sets the Socket Mode URL returned by `apps.connections.open`. */
  setSocketUrl(url: string): void;
  /** Calls `listener` with each call as it arrives; returns the unsubscribe function. */
  onCall(listener: (call: RecordedCall) => void): () => void;
  /** Polls until `predicate` holds for the recorded calls; throws with the calls seen when `timeoutMs` passes. */
  waitFor<T>(predicate: (calls: RecordedCall[]) => T | undefined | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/**
 * Starts the stub. It answers `auth.test`, `chat.postMessage`, `chat.postEphemeral`, `chat.update`, `views.open`,
 * `conversations.open`, `conversations.history` / `replies` (from what was posted), `assistant.threads.*` and
 * `apps.connections.open`; any other method answers `{ ok: true }`. Scripted answers (429 with Retry-After, Slack
 * errors, HTTP errors) take precedence.
 */
export async function startStubSlackApi(options: StubSlackApiOptions = {}): Promise<StubSlackApi> {
  const started = Date.now();
  const calls: RecordedCall[] = [];
  const scripts = new Map<string, ScriptedResponse[]>();
  let socketUrl = options.socketUrl ?? 'ws://127.0.0.1:1/';
  let sequence = 0;
  const posted: Array<{
    channel: string;
    ts: string;
    thread_ts?: string;
    metadata?: unknown;
    text?: string;
  }> = [];

  const server: Server = createServer(async (request, response) => {
    const raw = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const params = parseParams(raw, request.headers['content-type']);
    const auth = request.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : (params.token as string | undefined);

    if (url.pathname.startsWith('/response/')) {
      record({
        method: 'response_url',
        params: { ...params, name: url.pathname.slice(10) },
        at: now(),
        time: performance.timeOrigin + performance.now(),
      });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    record({ method, params, token, at: now(), time: performance.timeOrigin + performance.now() });

    const scripted = scripts.get(method)?.shift();
    if (scripted) {
      if ('rateLimited' in scripted) {
        response
          .writeHead(429, { 'retry-after': String(scripted.rateLimited.retryAfterSeconds) })
          .end('{"ok":false,"error":"ratelimited"}');
        return;
      }
      if ('httpStatus' in scripted) {
        response.writeHead(scripted.httpStatus).end('upstream error');
        return;
      }
      json(response, { ok: false, error: scripted.error });
      return;
    }
    json(response, answer(method, params));
  });

  const now = () => Date.now() - started;
  const listeners = new Set<(call: RecordedCall) => void>();
  const record = (call: RecordedCall) => {
    calls.push(call);
    for (const listener of listeners) listener(call);
  };
  const answer = (method: string, params: Record<string, unknown>): Record<string, unknown> => {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          user_id: options.botUserId ?? 'UBOT',
          bot_id: 'BBOT',
          team_id: 'T1',
          user: 'protocol-bot',
        };
      case 'chat.postMessage': {
        sequence += 1;
        const ts = `1700000000.${String(sequence).padStart(6, '0')}`;
        const channel = String(params.channel);
        posted.push({
          channel,
          ts,
          thread_ts: params.thread_ts as string | undefined,
          metadata: params.metadata,
          text: params.text as string | undefined,
        });
        return { ok: true, channel, ts, message: { ts, text: params.text } };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `1700000001.${String(calls.length).padStart(6, '0')}` };
      case 'chat.update':
        return { ok: true, channel: params.channel, ts: params.ts };
      case 'views.open':
        return { ok: true, view: { id: `V${calls.length}` } };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(params.users).replace(/^U/, '')}` } };
      case 'conversations.history':
        return { ok: true, messages: posted.filter((m) => m.channel === params.channel && !m.thread_ts) };
      case 'conversations.replies':
        return {
          ok: true,
          messages: posted.filter((m) => m.channel === params.channel && (m.thread_ts ?? m.ts) === params.ts),
        };
      case 'apps.connections.open':
        return { ok: true, url: socketUrl };
      default:
        return { ok: true };
    }
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (name) => `${base}/response/${name}`,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    script(method, ...responses) {
      scripts.set(method, [...(scripts.get(method) ?? []), ...responses]);
    },
    setSocketUrl(url) {
      socketUrl = url;
    },
    onCall(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async waitFor(predicate, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const result = predicate(calls);
        if (result) return result as NonNullable<typeof result>;
        if (Date.now() > deadline) {
          throw new Error(
            `stub Slack API: condition not met within ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(', ')}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseParams(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    params[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return params;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function json(response: import('node:http').ServerResponse, body: unknown): void {
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
