import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackHttpTransport } from '../../../src/channels/slack/slack-http-transport.js';

// A local server answering as Slack's Web API and a response_url would, by path.
type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;
const routes: Record<string, Handler> = {
  '/api/chat.postMessage': (request, body, response) => {
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.setHeader('x-oauth-scopes', 'chat:write,im:write');
    response.end(
      JSON.stringify({
        ok: true,
        echo: body,
        auth: request.headers.authorization,
        type: request.headers['content-type'],
      }),
    );
  },
  '/api/rate-limited': (_request, _body, response) => {
    response.writeHead(429, { 'retry-after': '7', 'content-type': 'application/json' });
    response.end('{"ok":false,"error":"ratelimited"}');
  },
  '/api/gzipped': (_request, _body, response) => {
    response.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' });
    response.end(gzipSync(JSON.stringify({ ok: true, text: 'café ✓' })));
  },
  '/api/moved': (_request, _body, response) => {
    response.writeHead(302, { location: '/api/chat.postMessage' });
    response.end();
  },
  '/api/slow': () => {},
};

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const route = routes[request.url ?? ''];
      if (route) route(request, Buffer.concat(chunks).toString('utf8'), response);
      else response.writeHead(404).end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('the Slack Web API transport', () => {
  const transport = createSlackHttpTransport();
  afterAll(() => transport.close());

  it('posts the body with its headers and reads status, headers and JSON as fetch does', async () => {
    const body = 'channel=C0GENERAL&text=' + encodeURIComponent('Two working days — £5 ✓');
    const response = await transport.fetch(`${base}/api/chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Bearer xoxb-1' },
      body,
      redirect: 'error',
    });
    expect(response.ok).toBe(true);
    expect(response.status).toBe(200);
    expect(response.url).toBe(`${base}/api/chat.postMessage`);
    expect(response.headers.get('X-OAuth-Scopes')).toBe('chat:write,im:write');
    expect(Object.fromEntries(response.headers.entries())['content-type']).toMatch(/application\/json/);
    expect(await response.json()).toEqual({
      ok: true,
      echo: body,
      auth: 'Bearer xoxb-1',
      type: 'application/x-www-form-urlencoded',
    });
  });

  it('keeps the connection for the next call', async () => {
    const sockets = new Set<unknown>();
    const count = (request: IncomingMessage) => sockets.add(request.socket);
    server.on('request', count);
    try {
      for (let call = 0; call < 3; call++) {
        await (await transport.fetch(`${base}/api/chat.postMessage`, { method: 'POST', body: 'a=1' })).text();
      }
    } finally {
      server.off('request', count);
    }
    expect(sockets.size).toBe(1);
  });

  it('returns a 429 with its Retry-After for the client to wait out', async () => {
    const response = await transport.fetch(`${base}/api/rate-limited`, { method: 'POST', body: '' });
    expect(response.status).toBe(429);
    expect(response.ok).toBe(false);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.text()).toContain('ratelimited');
  });

  it('decodes a compressed response', async () => {
    const response = await transport.fetch(`${base}/api/gzipped`, { method: 'POST', body: '' });
    expect(await response.json()).toEqual({ ok: true, text: 'café ✓' });
    const bytes = new Uint8Array(
      await (await transport.fetch(`${base}/api/gzipped`, { method: 'POST', body: '' })).arrayBuffer(),
    );
    expect(new TextDecoder().decode(bytes)).toContain('café');
  });

  it('refuses a redirect when asked to, and follows it otherwise', async () => {
    await expect(
      transport.fetch(`${base}/api/moved`, { method: 'POST', body: 'a=1', redirect: 'error' }),
    ).rejects.toThrow(TypeError);
    const followed = await transport.fetch(`${base}/api/moved`, { method: 'GET' });
    expect(followed.status).toBe(200);
  });

  it('gives up when the signal aborts, with the signal’s reason', async () => {
    const started = Date.now();
    await expect(
      transport.fetch(`${base}/api/slow`, { method: 'POST', body: 'a=1', signal: AbortSignal.timeout(150) }),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeLessThan(2_000);
    const aborted = new AbortController();
    aborted.abort();
    await expect(
      transport.fetch(`${base}/api/chat.postMessage`, { method: 'POST', body: '', signal: aborted.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('fails like fetch when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(
      transport.fetch(`http://127.0.0.1:${port}/api/x`, { method: 'POST', body: '' }),
    ).rejects.toThrow('fetch failed');
  });
});
