import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountChatPlatforms } from '../../../src/app/chat-platforms.js';
import { createHttpServer, type HttpServer } from '../../../src/app/http-server.js';
import { buildRuntime, type Runtime } from '../../../src/app/runtime.js';
import type { ConversationInbox } from '../../../src/channels/conversation/index.js';
import { loadConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/logger.js';
import { webhookPlatform } from './webhook-platform.js';

// The ChatPlatform contract tried with a platform written in one file: mounted by the same function `serve` uses,
// it gets the whole conversation flow — answers, dedupe through the inbox, the question log — for free.

let runtime: Runtime;
let server: HttpServer;
let conversation: ConversationInbox;
let callback: Server;
let dataDir: string;
let baseUrl: string;
let callbackUrl: string;
const received: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'protocol-bot-webhook-'));
  runtime = await buildRuntime({
    config: loadConfig({ DATA_DIR: dataDir, CORPUS_DIR: path.resolve('corpus') }),
    logger: silentLogger,
    generative: false,
  });
  callback = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push(JSON.parse(body));
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => callback.listen(0, '127.0.0.1', resolve));
  callbackUrl = `http://127.0.0.1:${(callback.address() as AddressInfo).port}/replies`;
  server = createHttpServer({ logger: silentLogger });
  ({ conversation } = await mountChatPlatforms(server, runtime, [webhookPlatform]));
  baseUrl = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
});

afterAll(async () => {
  await conversation?.stop();
  await server?.close();
  await runtime?.close();
  await new Promise((resolve) => callback?.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

const post = (message: Record<string, unknown>) =>
  fetch(`${baseUrl}/webhook/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message),
  });

describe('a chat platform in one file', () => {
  it('answers through the conversation flow, once per delivery', async () => {
    const message = {
      id: 'msg-1',
      user: 'officer-1',
      room: 'room-1',
      text: 'How quickly must an officer reply to a councillor’s email?',
      callbackUrl,
    };
    expect(await (await post(message)).json()).toEqual({ accepted: true });
    expect(await (await post(message)).json()).toEqual({ accepted: false });
    for (let waited = 0; received.length === 0 && waited < 5_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ room: 'room-1', inReplyTo: 'msg-1', decision: 'answer' });
    expect(String(received[0]?.text)).toContain('two working days');
    expect((await runtime.handoff.report({ from: '2000-01-01', to: '2100-12-31' })).questions.asked).toBe(1);
  });
});
