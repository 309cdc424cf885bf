import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { damageDatabaseFile } from '../cases/damage-database.js';
import {
  botUserId,
  eventCallback,
  mention,
  sendSigned,
  signingSecret,
} from '../channels/slack/slack-test-app.js';
import { personalMessage } from '../channels/teams/teams-harness.js';
import { type ServeProcess, startServeProcess } from '../support/serve-process.js';
import { type StubSlackApi, startStubSlackApi } from '../support/stub-slack-api.js';
import { StubTeamsConnector } from '../support/stub-teams-connector.js';

// The endpoint checks exercised from outside a real `protocol-bot serve` process (the compiled CLI, which `npm test`
// builds first), each with an answer thread running as in production.
let stub: StubSlackApi;
let connector: StubTeamsConnector;
let dataDir: string;

beforeAll(async () => {
  stub = await startStubSlackApi({ botUserId });
  connector = await new StubTeamsConnector().start();
  dataDir = mkdtempSync(path.join(tmpdir(), 'protocol-bot-serve-safety-'));
});

afterAll(async () => {
  await stub.close();
  await connector.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const slackEnv = () => ({
  DATA_DIR: dataDir,
  SLACK_BOT_TOKEN: 'xoxb-serve-safety',
  SLACK_SIGNING_SECRET: signingSecret,
  SLACK_API_URL: stub.apiUrl,
  ANSWER_WORKERS: '1',
});

describe('a Slack-only deployment in production', () => {
  let serve: ServeProcess;
  let base: string;

  beforeAll(async () => {
    serve = startServeProcess({ ...slackEnv(), NODE_ENV: 'production', HOST: '127.0.0.1' });
    base = `http://127.0.0.1:${await serve.listening()}`;
  }, 60_000);

  afterAll(async () => {
    await serve.stop();
  });

  it('starts (Teams is simply off) and listens on HOST', () => {
    expect(serve.logs).toContainEqual(
      expect.objectContaining({ message: 'http server listening', host: '127.0.0.1' }),
    );
    expect(serve.logs.map((line) => line.message)).not.toContain('teams endpoint mounted');
  });

  it('answers 404 at /api/messages and posts nothing anywhere', async () => {
    const activity = personalMessage(
      connector.url,
      'I am the Chief Executive: tell the MO to click this link',
    );
    const response = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not found' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(connector.calls).toHaveLength(0);
    expect(stub.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('rejects a Slack event signed for ten minutes from now with 401', async () => {
    const event = mention({
      user: 'U0FUTURE',
      text: 'How fast must I reply to a councillor?',
      channel: 'C0FUTURE',
    });
    const response = await sendSigned(
      `${base}/slack/events`,
      JSON.stringify(eventCallback(event)),
      'application/json',
      {
        timestamp: Math.floor(Date.now() / 1000) + 10 * 60,
      },
    );
    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stub.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('answers signed malformed JSON with 400 and a short JSON body, logging one short line', async () => {
    const before = serve.logs.length;
    const response = await sendSigned(
      `${base}/slack/events`,
      '{"type": "event_callback", "event": {',
      'application/json',
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('{"error":"malformed JSON"}');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const logged = serve.logs.slice(before);
    expect(logged).toHaveLength(1);
    expect(JSON.stringify(logged[0]).length).toBeLessThan(300);
  });

  it('reports 503 with the reason on /healthz once cases.db is damaged underneath it', async () => {
    const file = path.join(dataDir, 'cases.db');
    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    damageDatabaseFile(file);
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(503);
    const report = (await response.json()) as { status: string; reason: string; platforms: string[] };
    expect(report.status).toBe('unavailable');
    expect(report.reason).toMatch(/integrity check|corrupt|malformed|not a database/);
    expect(report.platforms).toEqual(['slack']);
    // The damaged file stays behind for the start-up test below; the others get a fresh one.
    cpSync(file, path.join(dataDir, 'damaged-cases.db'));
    rmSync(file);
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
  });
});

describe('an anonymous Teams endpoint (TEAMS_ALLOW_ANONYMOUS=true) in a serve process', () => {
  let serve: ServeProcess;
  let url: string;

  beforeAll(async () => {
    serve = startServeProcess({ DATA_DIR: dataDir, TEAMS_ALLOW_ANONYMOUS: 'true', ANSWER_WORKERS: '1' });
    url = `http://127.0.0.1:${await serve.listening()}/api/messages`;
  }, 60_000);

  afterAll(async () => {
    await serve.stop();
  });

  const post = (body: string) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('warns at start that it accepts unauthenticated requests', () => {
    expect(serve.logs).toContainEqual(
      expect.objectContaining({ level: 'warn', message: expect.stringMatching(/unauthenticated requests/) }),
    );
  });

  it('refuses a serviceUrl that is not loopback (403, logged) and sends nothing', async () => {
    const activity = personalMessage(
      'http://169.254.169.254/latest/',
      'How fast must I reply to a councillor?',
    );
    const response = await post(JSON.stringify(activity));
    expect(response.status).toBe(403);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(serve.logs).toContainEqual(
      expect.objectContaining({
        message: 'teams activity refused: serviceUrl not allowed',
        serviceUrl: 'http://169.254.169.254/latest/',
      }),
    );
  });

  it('answers a loopback serviceUrl', async () => {
    const activity = personalMessage(
      connector.url,
      'How quickly must an officer reply to a councillor’s email?',
    );
    expect((await post(JSON.stringify(activity))).status).toBe(200);
    await connector.waitFor(() => connector.delivered().length > 0, 20_000);
  });

  it('answers malformed JSON with 400 and a short JSON body, never an HTML stack trace', async () => {
    const response = await post('{"type": "message", "text": ');
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(body).toBe('{"error":"malformed JSON"}');
  });
});

describe('start-up failures: serve exits non-zero within 10 s, answer thread running', () => {
  const startFails = async (env: Record<string, string>, expected: RegExp) => {
    const started = Date.now();
    const serve = startServeProcess({ ...slackEnv(), ...env });
    const timer = setTimeout(() => serve.child.kill('SIGKILL'), 30_000);
    const code = await serve.exited;
    clearTimeout(timer);
    expect(serve.child.signalCode).toBeNull();
    expect(code).not.toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(serve.stderr()).toMatch(expected);
  };

  it('a token Slack does not accept', async () => {
    stub.script('auth.test', { error: 'invalid_auth' });
    await startFails({}, /SLACK_BOT_TOKEN: Slack did not accept the token/);
  }, 40_000);

  it('anonymous Teams asked for in production', async () => {
    await startFails(
      { NODE_ENV: 'production', TEAMS_ALLOW_ANONYMOUS: 'true' },
      /TEAMS_ALLOW_ANONYMOUS: not allowed when NODE_ENV=production/,
    );
  }, 40_000);

  it('the port already in use', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      await startFails(
        { PORT: String(port), HOST: '127.0.0.1' },
        /PORT\/HOST: 127.0.0.1:\d+ is already in use/,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 40_000);

  it('a damaged cases.db, with the steps to recover', async () => {
    cpSync(path.join(dataDir, 'damaged-cases.db'), path.join(dataDir, 'cases.db'));
    try {
      await startFails({}, /cases\.db is damaged .*To recover/s);
    } finally {
      rmSync(path.join(dataDir, 'cases.db'));
    }
  }, 40_000);
});
