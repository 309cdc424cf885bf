import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Dimension of the stub's vectors. */
export const stubDimension = 24;

/** A deterministic bag-of-words vector: each lower-case word adds 1 to a hashed bucket. */
export function stubVector(text: string): number[] {
  const vector = new Array<number>(stubDimension).fill(0);
  for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    let hash = 2166136261;
    for (const character of word) hash = Math.imul(hash ^ character.charCodeAt(0), 16777619) >>> 0;
    vector[hash % stubDimension] = (vector[hash % stubDimension] as number) + 1;
  }
  if (!vector.some((value) => value !== 0)) vector[0] = 1;
  return vector;
}

/** What the stub saw. */
export interface StubEmbeddingsServer {
  baseUrl: string;
  requests: {
    path: string;
    model: string;
    inputs: string[];
    authorization: string | undefined;
    apiKey: string | undefined;
  }[];
  /** Make the next requests fail with this HTTP status (0: succeed). */
  failWith: number;
  close(): Promise<void>;
}

/** An OpenAI-compatible `/v1/embeddings` endpoint on 127.0.0.1 (float or base64 encoding, as the client asks). */
export async function startStubEmbeddingsServer(): Promise<StubEmbeddingsServer> {
  const state: StubEmbeddingsServer = {
    baseUrl: '',
    requests: [],
    failWith: 0,
    close: async () => {},
  };
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (request.method !== 'POST' || !url.pathname.endsWith('/embeddings')) {
        response.writeHead(404).end();
        return;
      }
      const payload = JSON.parse(body) as {
        model: string;
        input: string | string[];
        encoding_format?: string;
      };
      const inputs = Array.isArray(payload.input) ? payload.input : [payload.input];
      state.requests.push({
        path: url.pathname,
        model: payload.model,
        inputs,
        authorization: request.headers.authorization,
        apiKey: request.headers['api-key'] as string | undefined,
      });
      if (state.failWith) {
        response.writeHead(state.failWith, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: 'stub failure', type: 'server_error' } }));
        return;
      }
      const data = inputs.map((input, index) => {
        const vector = stubVector(input);
        const embedding =
          payload.encoding_format === 'base64'
            ? Buffer.from(Float32Array.from(vector).buffer).toString('base64')
            : vector;
        return { object: 'embedding', index, embedding };
      });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          object: 'list',
          data,
          model: payload.model,
          usage: { prompt_tokens: 1, total_tokens: 1 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.baseUrl = `http://127.0.0.1:${port}/v1`;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}
