import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted reply of the stub's `/v1/chat/completions`. */
export interface StubReply {
  /** Wait this long before answering, in milliseconds (timeouts). */
  delayMs?: number;
  /** HTTP status; anything but 200 is sent as an OpenAI error body. */
  status?: number;
  /** Extra response headers (`Retry-After`). */
  headers?: Record<string, string>;
  /** The tool call's arguments: an object is sent as JSON, a string as it is (malformed output). */
  toolArguments?: unknown;
  /** Plain assistant text instead of a tool call. */
  content?: string;
  /** A raw JSON body, sent instead of a completion. */
  body?: unknown;
  /** Drop the connection without answering (a network reset). */
  reset?: boolean;
}

/** A request the stub received. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** The query string's parameters (Azure's `api-version`). */
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  // biome-ignore lint/suspicious/noExplicitAny: the stub records whatever JSON the client sent.
  body: any;
  /** `Date.now()` when the request arrived. */
  receivedAt: number;
}

/**
 * Chat replies in order (the last one repeats once the list runs out), or a function choosing one per chat request
 * (`index` counts chat requests from 0).
 */
export type StubScript = StubReply[] | ((request: RecordedRequest, index: number) => StubReply);

/** A running stub. */
export interface StubOpenAi {
  /** Base URL for clients, ending in `/v1` (ChatOpenAI's `configuration.baseURL`, OPENAI_BASE_URL). */
  url: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Only the chat completion requests. */
  chatRequests(): RecordedRequest[];
  close(): Promise<void>;
}

/**
 * Starts a stub OpenAI-compatible server on 127.0.0.1 (a free port): `/v1/chat/completions` (and Azure's
 * `/openai/deployments/NAME/chat/completions`) answers from `script` in the OpenAI wire format (a tool call named after the request's `tool_choice`), `/v1/embeddings` returns
 * deterministic unit vectors derived from each input's hash (float or base64, as asked; `dimensions` honoured,
 * default 16). Reusable by any test that needs a model at the edge.
 */
export async function startStubOpenAi(script: StubScript = []): Promise<StubOpenAi> {
  const requests: RecordedRequest[] = [];
  let chatCount = 0;

  const server = createServer(async (request, response) => {
    const raw = await readBody(request);
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: (request.url ?? '/').split('?')[0] ?? '/',
      query: Object.fromEntries(new URL(request.url ?? '/', 'http://stub').searchParams),
      headers: request.headers,
      body: raw === '' ? null : safeJson(raw),
      receivedAt: Date.now(),
    };
    requests.push(recorded);
    // `/v1/chat/completions` (OpenAI, Ollama, vLLM) or `/openai/deployments/NAME/chat/completions` (Azure).
    if (recorded.method === 'POST' && recorded.path.endsWith('/chat/completions')) {
      const index = chatCount++;
      const reply =
        typeof script === 'function' ? script(recorded, index) : (script[index] ?? script.at(-1) ?? {});
      if (reply.delayMs) await waitUnlessClosed(reply.delayMs, response);
      if (response.destroyed || response.writableEnded) return;
      if (reply.reset) {
        request.socket.destroy();
        return;
      }
      return sendChat(response, recorded, reply, index);
    }
    if (recorded.method === 'POST' && recorded.path === '/v1/embeddings') {
      return sendJson(response, 200, embeddings(recorded.body));
    }
    sendJson(response, 404, { error: { message: `stub: no route ${recorded.path}`, type: 'not_found' } });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () => requests.filter((request) => request.path.endsWith('/chat/completions')),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sendChat(response: ServerResponse, request: RecordedRequest, reply: StubReply, index: number): void {
  const status = reply.status ?? 200;
  if (status !== 200) {
    sendJson(
      response,
      status,
      reply.body ?? { error: { message: `stub error ${status}`, type: 'server_error', code: null } },
      reply.headers,
    );
    return;
  }
  if (reply.body !== undefined) {
    sendJson(response, 200, reply.body, reply.headers);
    return;
  }
  const toolName: string =
    request.body?.tool_choice?.function?.name ?? request.body?.tools?.[0]?.function?.name ?? 'extract';
  const message =
    reply.content !== undefined
      ? { role: 'assistant', content: reply.content }
      : {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: `call_stub_${index}`,
              type: 'function',
              function: {
                name: toolName,
                arguments:
                  typeof reply.toolArguments === 'string'
                    ? reply.toolArguments
                    : JSON.stringify(reply.toolArguments ?? {}),
              },
            },
          ],
        };
  sendJson(
    response,
    200,
    {
      id: `chatcmpl-stub-${index}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: request.body?.model ?? 'stub-model',
      choices: [
        {
          index: 0,
          message,
          finish_reason: reply.content !== undefined ? 'stop' : 'tool_calls',
          logprobs: null,
        },
      ],
      usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
    },
    reply.headers,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: request body as sent by the client.
function embeddings(body: any) {
  const inputs: unknown[] = Array.isArray(body?.input) ? body.input : [body?.input ?? ''];
  const dimensions = typeof body?.dimensions === 'number' ? body.dimensions : 16;
  return {
    object: 'list',
    model: body?.model ?? 'stub-embedding',
    data: inputs.map((input, index) => {
      const vector = deterministicVector(String(input), dimensions);
      return {
        object: 'embedding',
        index,
        embedding:
          body?.encoding_format === 'base64'
            ? Buffer.from(new Float32Array(vector).buffer).toString('base64')
            : vector,
      };
    }),
    usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
  };
}

/** A unit vector that depends only on the text. */
export function deterministicVector(text: string, dimensions: number): number[] {
  const values: number[] = [];
  for (let block = 0; values.length < dimensions; block++) {
    const digest = createHash('sha256').update(`${block}:${text}`).digest();
    for (let at = 0; at + 1 < digest.length && values.length < dimensions; at += 2) {
      values.push(digest.readUInt16BE(at) / 65535 - 0.5);
    }
  }
  const length = Math.hypot(...values) || 1;
  return values.map((value) => value / length);
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    // Not JSON: keep the text so a test can still see what arrived.
    return raw;
  }
}

function waitUnlessClosed(milliseconds: number, response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, milliseconds);
    response.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
