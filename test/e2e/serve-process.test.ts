import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  botUserId,
  eventCallback,
  mention,
  sendSigned,
  signingSecret,
} from '../channels/slack/slack-test-app.js';
import { startServeChild } from '../support/serve-child.js';
import { type StubSlackApi, startStubSlackApi } from '../support/stub-slack-api.js';

// `protocol-bot serve` as an operator starts it: its own process (the compiled CLI, which `npm test` builds first),
// Slack in HTTP mode against the stub Web API (Teams is not configured, so not served), answer threads as configured by
// default.
let stub: StubSlackApi;
let dataDir: string;
let child: ChildProcess;
let port: number;
let logLines: Array<Record<string, unknown>>;

beforeAll(async () => {
  stub = await startStubSlackApi({ botUserId });
  dataDir = mkdtempSync(path.join(tmpdir(), 'protocol-bot-serve-'));
  ({ child, port, logLines } = await startServeChild({
    DATA_DIR: dataDir,
    SLACK_BOT_TOKEN: 'xoxb-serve-test',
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: stub.apiUrl,
    ANSWER_WORKERS: '1',
  }));
}, 60_000);

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
  await stub.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('protocol-bot serve', () => {
  it('reports its health and the platforms it serves', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      platforms: ['slack'],
      generative: false,
      database: 'sqlite',
    });
  });

  it('answers a Slack mention in its thread', async () => {
    const event = mention({
      user: 'U0SERVE',
      text: 'How quickly must an officer reply to a councillor’s email?',
      channel: 'C0SERVE',
    });
    const response = await sendSigned(
      `http://127.0.0.1:${port}/slack/events`,
      JSON.stringify(eventCallback(event)),
      'application/json',
    );
    expect(response.status).toBe(200);
    const reply = await stub.waitFor((calls) =>
      calls.find(
        (call) =>
          call.method === 'chat.postMessage' &&
          call.params.channel === 'C0SERVE' &&
          call.params.thread_ts === event.ts,
      ),
    );
    expect(JSON.stringify(reply.params.blocks)).toMatch(/two working days/);
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const messages = logLines.map((line) => line.message);
    expect(messages).toContain('shutting down');
    expect(logLines.filter((line) => line.level === 'error')).toEqual([]);
  });
});
