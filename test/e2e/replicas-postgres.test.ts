import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { postgresMigrations } from '../../src/cases/postgres-migrations.js';
import {
  botUserId,
  eventCallback,
  mention,
  sendSigned,
  signingSecret,
} from '../channels/slack/slack-test-app.js';
import { type PostgresCluster, startPostgresCluster } from '../support/postgres-cluster.js';
import { type RecordedCall, type StubSlackApi, startStubSlackApi } from '../support/stub-slack-api.js';

// Replicas as a host runs them: real `protocol-bot serve` processes (the compiled CLI), each with its own DATA_DIR
// (its own built index), all on one PostgreSQL database (a throwaway cluster for this file), Slack in HTTP mode
// against the stub Web API, as a load balancer would spread Slack's deliveries over them.

const run = promisify(execFile);
const plainQuestion = 'How quickly must an officer reply to a councillor’s email?';
const escalation =
  'A councillor has been shouting at me in meetings for weeks and I feel bullied. What can I do?';

interface Replica {
  name: string;
  port: number;
  logs: Array<Record<string, unknown>>;
  child: ChildProcess;
}

let cluster: PostgresCluster;
let clusterStarting: Promise<PostgresCluster> | undefined;
let stubStarting: Promise<StubSlackApi> | undefined;
/** The index, built once and copied into each replica's DATA_DIR (as replicas started from one image have it). */
let builtIndex: string;
let stub: StubSlackApi;
const folders: string[] = [];
const replicas: Replica[] = [];

function tempFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'protocol-bot-replica-'));
  folders.push(folder);
  return folder;
}

function copyOfIndex(): string {
  const folder = tempFolder();
  cpSync(builtIndex, folder, { recursive: true });
  return folder;
}

/** Starts `serve` as one replica on `databaseUrl`; resolves once it listens. */
function startReplica(name: string, databaseUrl: string, env: Record<string, string> = {}): Promise<Replica> {
  const logs: Array<Record<string, unknown>> = [];
  const child = spawn(process.execPath, ['bin/protocol-bot.js', 'serve'], {
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      DATA_DIR: copyOfIndex(),
      DATABASE_URL: databaseUrl,
      CORPUS_DIR: path.resolve('corpus'),
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: 'xoxb-replica-test',
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: stub.apiUrl,
      RATE_LIMIT_PER_MINUTE: '1000',
      ANSWER_WORKERS: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        let entry: Record<string, unknown>;
        try {
          entry = JSON.parse(line) as Record<string, unknown>;
        } catch {
          entry = { message: line };
        }
        logs.push(entry);
        if (entry.message === 'http server listening') {
          const replica = { name, port: Number(entry.port), logs, child };
          replicas.push(replica);
          resolve(replica);
        }
      }
    });
    child.once('exit', (code, signal) =>
      reject(
        new Error(`replica ${name} exited (${code ?? signal}) before listening: ${JSON.stringify(logs)}`),
      ),
    );
  });
}

async function kill(replica: Replica, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  const { child } = replica;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

async function query<Row extends pg.QueryResultRow>(url: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

function send(replica: Replica, body: unknown, retryNum?: number): Promise<Response> {
  return sendSigned(
    `http://127.0.0.1:${replica.port}/slack/events`,
    JSON.stringify(body),
    'application/json',
    retryNum === undefined ? {} : { retryNum },
  );
}

const threadReplies = (calls: RecordedCall[], event: { channel: string; ts: string }) =>
  calls.filter(
    (call) =>
      call.method === 'chat.postMessage' &&
      call.params.channel === event.channel &&
      call.params.thread_ts === event.ts,
  );

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  builtIndex = tempFolder();
  // Kept as promises, so afterAll stops them even when this hook times out before they are ready.
  clusterStarting = startPostgresCluster();
  stubStarting = startStubSlackApi({ botUserId });
  [cluster, stub] = await Promise.all([
    clusterStarting,
    stubStarting,
    run(process.execPath, ['bin/protocol-bot.js', 'index'], {
      env: {
        PATH: process.env.PATH,
        DATA_DIR: builtIndex,
        CORPUS_DIR: path.resolve('corpus'),
        LOG_LEVEL: 'error',
      },
    }),
  ]);
}, 240_000);

afterEach(async () => {
  await Promise.all(replicas.splice(0).map((replica) => kill(replica)));
});

afterAll(async () => {
  await (await stubStarting?.catch(() => undefined))?.close();
  await (await clusterStarting?.catch(() => undefined))?.stop();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('replicas on one PostgreSQL database', () => {
  it('two replicas started at the same moment on an empty database migrate it once, and report it healthy', async () => {
    const url = await cluster.createDatabase();
    const [a, b] = await Promise.all([startReplica('a', url), startReplica('b', url)]);
    const migrations = [...a.logs, ...b.logs].filter((entry) => entry.message === 'database migrated');
    // Each step once, by whichever replica took the lock first.
    const steps = postgresMigrations.map((step) => step.version);
    expect(migrations.map((entry) => entry.version)).toEqual(steps);
    expect(await query(url, 'SELECT version FROM schema_migrations ORDER BY version')).toEqual(
      steps.map((version) => ({ version })),
    );
    for (const replica of [a, b]) {
      const response = await fetch(`http://127.0.0.1:${replica.port}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok', database: 'postgres' });
    }
  }, 150_000);

  it('answers once a Slack event acknowledged by replica A and retried to replica B', async () => {
    const url = await cluster.createDatabase();
    const [a, b] = await Promise.all([startReplica('a', url), startReplica('b', url)]);
    const event = mention({ user: 'U0RETRY', text: plainQuestion, channel: 'C0RETRY' });
    const body = eventCallback(event, 'EvReplicaRetry');
    expect((await send(a, body)).status).toBe(200);
    // Slack did not see A's acknowledgement in time and retries; the load balancer picks B.
    expect((await send(b, body, 1)).status).toBe(200);
    await stub.waitFor((calls) => threadReplies(calls, event).length > 0, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(threadReplies(stub.calls, event)).toHaveLength(1);
    expect(b.logs.some((entry) => entry.message === 'ignored a repeated slack event')).toBe(true);
  }, 150_000);

  it('lists a case opened through one replica with `protocol-bot cases list` from another data directory', async () => {
    const url = await cluster.createDatabase();
    const a = await startReplica('a', url);
    const event = mention({ user: 'U0CASE', text: escalation, channel: 'C0CASE' });
    expect((await send(a, eventCallback(event, 'EvReplicaCase'))).status).toBe(200);
    await until(async () => (await query(url, 'SELECT 1 FROM cases')).length === 1, 20_000);
    const { stdout } = await run(process.execPath, ['bin/protocol-bot.js', 'cases', 'list', '--json'], {
      env: { PATH: process.env.PATH, DATA_DIR: tempFolder(), DATABASE_URL: url, LOG_LEVEL: 'error' },
    });
    const listed = JSON.parse(stdout) as Array<{ reference: string; eventId: string; status: string }>;
    expect(listed).toEqual([
      expect.objectContaining({ reference: expect.stringMatching(/^MO-\d{4}-0001$/), status: 'open' }),
    ]);
    expect(listed[0]?.eventId).toContain('EvReplicaCase');
  }, 150_000);

  it('answers every mention of a burst acknowledged by replica A once A is killed with SIGKILL: replica B takes them over', async () => {
    const url = await cluster.createDatabase();
    const env = { INBOX_LEASE_SECONDS: '3' };
    const [a, b] = await Promise.all([startReplica('a', url, env), startReplica('b', url, env)]);
    const events = Array.from({ length: 20 }, (_unused, index) =>
      mention({ user: `U0BURST${index}`, text: plainQuestion, channel: `C0BURST${index}` }),
    );
    const responses = await Promise.all(
      events.map((event, index) => send(a, eventCallback(event, `EvBurst${String(index).padStart(3, '0')}`))),
    );
    expect(responses.map((response) => response.status)).toEqual(events.map(() => 200));
    await kill(a);
    const answeredByA = events.filter((event) => threadReplies(stub.calls, event).length > 0).length;

    await stub.waitFor((calls) => events.every((event) => threadReplies(calls, event).length > 0), 30_000);
    const left = `A had answered ${answeredByA} of ${events.length} when it was killed`;
    expect(answeredByA, left).toBeLessThan(events.length);
    // Each is answered once (only one cut off between its reply and being marked done could be sent twice).
    const counts = events.map((event) => threadReplies(stub.calls, event).length);
    expect(counts.filter((count) => count > 1).length, left).toBeLessThanOrEqual(1);
    expect(b.logs.some((entry) => entry.message === 'http server listening')).toBe(true);
    const [pending] = await query<{ count: string }>(
      url,
      `SELECT count(*) AS count FROM inbox WHERE state IN ('pending', 'processing')`,
    );
    expect(Number(pending?.count)).toBe(0);
  }, 150_000);

  it('reports a lost database on /healthz (503 with the reason), refuses to acknowledge meanwhile, and answers Slack’s retry once it is back', async () => {
    const url = await cluster.createDatabase();
    const a = await startReplica('a', url);
    await cluster.halt();
    try {
      const health = await fetch(`http://127.0.0.1:${a.port}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({
        status: 'unavailable',
        database: 'postgres',
        reason: expect.stringContaining('database cannot be reached'),
      });
      // The question cannot be stored, so it is not acknowledged: Slack keeps it and delivers it again.
      const event = mention({ user: 'U0OUTAGE', text: plainQuestion, channel: 'C0OUTAGE' });
      const body = eventCallback(event, 'EvOutage');
      expect((await send(a, body)).status).not.toBe(200);
      await cluster.resume();
      expect((await send(a, body, 1)).status).toBe(200);
      await stub.waitFor((calls) => threadReplies(calls, event).length > 0, 20_000);
      expect((await fetch(`http://127.0.0.1:${a.port}/healthz`)).status).toBe(200);
      expect(a.logs.some((entry) => entry.message === 'database unreachable; retrying')).toBe(true);
    } finally {
      await cluster.resume().catch(() => undefined);
    }
  }, 150_000);
});
