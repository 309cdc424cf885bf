import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { botUserId, signingSecret } from '../../test/channels/slack/slack-test-app.js';
import { type PostgresCluster, startPostgresCluster } from '../../test/support/postgres-cluster.js';
import { startStubSlackApi } from '../../test/support/stub-slack-api.js';
import { percentile } from '../bench-measure.js';
import type { BenchContext, BenchRow } from '../bench-table.js';
import { createSlackSide } from '../slack-side.js';

/** Slack's side of the deliveries. */
const slackSide = createSlackSide(60_000);

const execute = promisify(execFile);

/** The same load as the slack section: fifty @mentions at once, from fifty users. */
const CONCURRENT_MENTIONS = 50;
/** Warm-up mentions per replica (JIT, caches, the database's connections), not measured. */
const WARM_UP_MENTIONS = 10;

const questions = [
  'How quickly must an officer reply to a councillor’s email?',
  'Can officers attend political group meetings?',
  'What information can a councillor ask officers for?',
  'Can council stationery be used for campaigning?',
  'Who should a councillor contact about a staffing issue?',
];

/** Section title in the benchmark table. */
export const title = 'replicas';

interface Setup {
  label: string;
  replicas: number;
  postgres: boolean;
}

const setups: Setup[] = [
  { label: 'one replica, SQLite', replicas: 1, postgres: false },
  { label: 'one replica, PostgreSQL', replicas: 1, postgres: true },
  { label: 'two replicas, one PostgreSQL', replicas: 2, postgres: true },
];

/**
 * Real `protocol-bot serve` processes (the compiled CLI, default settings, Slack in HTTP mode against the stub Web
 * API), on SQLite or on a throwaway PostgreSQL cluster; this process plays Slack and a round-robin load balancer.
 * Each setup takes the same burst of fifty concurrent mentions: answers per second (burst sent → last answer at
 * chat.postMessage), and the acknowledgement and answer times as Slack sees them. The index is built once and
 * copied into each replica's DATA_DIR, as a host would ship it (or mount it read-only).
 */
export async function run(context: BenchContext): Promise<BenchRow[]> {
  context.progress('replicas: building the index once and starting a PostgreSQL cluster');
  const builtIndex = mkdtempSync(path.join(tmpdir(), 'protocol-bot-bench-index-'));
  const folders: string[] = [builtIndex];
  let cluster: PostgresCluster | undefined;
  try {
    await execute(process.execPath, ['bin/protocol-bot.js', 'index'], {
      env: {
        PATH: process.env.PATH,
        DATA_DIR: builtIndex,
        CORPUS_DIR: path.resolve('corpus'),
        LOG_LEVEL: 'error',
      },
    });
    cluster = await startPostgresCluster();
    const rows: BenchRow[] = [];
    for (const setup of setups) {
      const databaseUrl = setup.postgres ? await cluster.createDatabase() : undefined;
      rows.push(await measure(context, setup, builtIndex, databaseUrl, folders));
    }
    return rows;
  } finally {
    await cluster?.stop();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    slackSide.destroy();
  }
}

async function measure(
  context: BenchContext,
  setup: Setup,
  builtIndex: string,
  databaseUrl: string | undefined,
  folders: string[],
): Promise<BenchRow> {
  const stub = await startStubSlackApi({ botUserId });
  const children: ChildProcess[] = [];
  try {
    context.progress(`replicas: starting ${setup.label}`);
    const ports = await Promise.all(
      Array.from({ length: setup.replicas }, () => {
        const dataDir = mkdtempSync(path.join(tmpdir(), 'protocol-bot-bench-replica-'));
        folders.push(dataDir);
        cpSync(builtIndex, dataDir, { recursive: true });
        return startServe(
          {
            DATA_DIR: dataDir,
            SLACK_API_URL: stub.apiUrl,
            ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
          },
          children,
        );
      }),
    );
    const urls = ports.map((port) => `http://127.0.0.1:${port}/slack/events`);
    for (const [replica, url] of urls.entries()) {
      for (let index = 0; index < WARM_UP_MENTIONS; index += 1) {
        await slackSide.mentionAndWait(
          stub,
          url,
          `U0WARM${replica}X${index}`,
          questions[index % questions.length] as string,
        );
      }
    }
    context.progress(`replicas: ${CONCURRENT_MENTIONS} concurrent mentions (${setup.label})`);
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: CONCURRENT_MENTIONS }, (_, index) =>
        slackSide.mentionAndWait(
          stub,
          urls[index % urls.length] as string,
          `U0BENCH${index}`,
          questions[index % questions.length] as string,
        ),
      ),
    );
    // Every answer has arrived once all have resolved: the burst's length, from the first send to the last answer.
    const elapsedMs = performance.now() - started;
    const acks = results.map((result) => result.ackMs);
    const answers = results.map((result) => result.answerMs);
    return {
      section: `replicas: ${CONCURRENT_MENTIONS} concurrent @mentions to real serve processes (HTTP, offline pipeline, stub Web API)`,
      label: setup.label,
      metrics: {
        'answers/s': (CONCURRENT_MENTIONS / elapsedMs) * 1000,
        'ack p50 ms': percentile(acks, 50),
        'ack p95 ms': percentile(acks, 95),
        'answer p50 ms': percentile(answers, 50),
        'answer p95 ms': percentile(answers, 95),
        'burst ms': elapsedMs,
      },
    };
  } finally {
    await Promise.all(children.map(stop));
    await stub.close();
  }
}

/** Starts `serve` with the shipped defaults; resolves with its port once it listens. */
function startServe(env: Record<string, string>, children: ChildProcess[]): Promise<number> {
  const child = spawn(process.execPath, ['bin/protocol-bot.js', 'serve'], {
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      CORPUS_DIR: path.resolve('corpus'),
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: signingSecret,
      RATE_LIMIT_PER_MINUTE: '1000',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let buffered = '';
    const seen: string[] = [];
    child.stderr?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (seen.length < 50) seen.push(line);
        if (line.includes('"http server listening"')) resolve(Number(JSON.parse(line).port));
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`serve exited (${code}) before listening: ${seen.join('\n')}`)),
    );
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
