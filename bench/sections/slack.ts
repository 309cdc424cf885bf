import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { mountChatPlatforms } from '../../src/app/chat-platforms.js';
import { createHttpServer } from '../../src/app/http-server.js';
import { buildRuntime } from '../../src/app/runtime.js';
import { slackPlatform } from '../../src/channels/slack/slack-platform.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { botUserId, signingSecret } from '../../test/channels/slack/slack-test-app.js';
import { startStubSlackApi } from '../../test/support/stub-slack-api.js';
import { percentile } from '../bench-measure.js';
import type { BenchContext, BenchRow } from '../bench-table.js';
import { createSlackSide } from '../slack-side.js';

/** Slack's side of the deliveries. */
const slackSide = createSlackSide(30_000);

/** Concurrent @mentions in one burst. */
const CONCURRENT_MENTIONS = 50;
/** Warm-up mentions (JIT, caches), sent one at a time before the burst and not measured. */
const WARM_UP_MENTIONS = 20;
/** Targets from the Slack issue: every acknowledgement under 100 ms, p95 answer under 250 ms (offline path). */
const ACK_TARGET_MS = 100;
const ANSWER_P95_TARGET_MS = 250;

const questions = [
  'How quickly must an officer reply to a councillor’s email?',
  'Can officers attend political group meetings?',
  'What information can a councillor ask officers for?',
  'Can council stationery be used for campaigning?',
  'Who should a councillor contact about a staffing issue?',
];

/** Section title in the benchmark table. */
export const title = 'slack';

/**
 * The bot runs in a worker thread exactly as in production (real runtime, offline pipeline, Bolt in HTTP mode on
 * 127.0.0.1); this thread plays Slack: the stub Web API and the sender of 50 concurrent signed @mentions from 50
 * users. Keeping Slack's side off the bot's event loop means the figures are the bot's own: the acknowledgement
 * time (HTTP response) and the time until each answer reaches `chat.postMessage`. The burst runs twice in the same
 * run: the baseline answers on the bot's main thread (ANSWER_WORKERS=0), the shipped default on answer threads.
 */
export async function run(context: BenchContext): Promise<BenchRow[]> {
  const threads = loadConfig({}).ANSWER_WORKERS;
  const rows = await burst(context, 0, 'baseline: answers on the main thread (ANSWER_WORKERS=0)');
  if (threads === 0) {
    context.progress('slack: one CPU, so the default answers on the main thread too');
    return rows;
  }
  return [
    ...rows,
    ...(await burst(context, threads, `default: ${threads} answer thread(s) (ANSWER_WORKERS=auto)`)),
  ];
}

async function burst(context: BenchContext, answerWorkers: number, setting: string): Promise<BenchRow[]> {
  const stub = await startStubSlackApi({ botUserId });
  context.progress(`slack: building the runtime and mounting the app in a worker (${setting})`);
  const bot = new Worker(new URL(import.meta.url), {
    workerData: { role: 'slack-bot', apiUrl: stub.apiUrl, answerWorkers },
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      bot.once('message', (message: { port: number }) => resolve(message.port));
      bot.once('error', reject);
    });
    const eventsUrl = `http://127.0.0.1:${port}/slack/events`;
    for (let index = 0; index < WARM_UP_MENTIONS; index += 1) {
      await slackSide.mentionAndWait(
        stub,
        eventsUrl,
        `U0WARM${index}`,
        questions[index % questions.length] as string,
      );
    }
    context.progress(`slack: ${CONCURRENT_MENTIONS} concurrent mentions (${setting})`);
    bot.postMessage('reset');
    const results = await Promise.all(
      Array.from({ length: CONCURRENT_MENTIONS }, (_, index) =>
        slackSide.mentionAndWait(
          stub,
          eventsUrl,
          `U0BENCH${index}`,
          questions[index % questions.length] as string,
        ),
      ),
    );
    const section = `slack: ${CONCURRENT_MENTIONS} concurrent @mentions (HTTP, offline pipeline, stub Web API)`;
    const row = (label: string, values: number[], target: string, met: boolean): BenchRow => ({
      section,
      label: `${setting}: ${label}`,
      metrics: {
        'p50 ms': percentile(values, 50),
        'p95 ms': percentile(values, 95),
        'max ms': Math.max(...values),
        target,
        result: met ? 'met' : 'MISSED',
      },
    });
    const acks = results.map((result) => result.ackMs);
    const answers = results.map((result) => result.answerMs);
    const serverAcks = await stopBot(bot);
    return [
      row('acknowledgement', acks, `all < ${ACK_TARGET_MS} ms`, Math.max(...acks) < ACK_TARGET_MS),
      row(
        'ack inside the bot',
        serverAcks,
        `all < ${ACK_TARGET_MS} ms`,
        Math.max(...serverAcks) < ACK_TARGET_MS,
      ),
      row(
        'answer at chat.postMessage',
        answers,
        `p95 < ${ANSWER_P95_TARGET_MS} ms`,
        percentile(answers, 95) < ANSWER_P95_TARGET_MS,
      ),
    ];
  } finally {
    await stopBot(bot);
    await stub.close();
    slackSide.destroy();
  }
}

/** Stops the bot worker (once) and returns its inside view of the acknowledgement times. */
async function stopBot(bot: Worker): Promise<number[]> {
  if (stopped.has(bot)) return stopped.get(bot) as number[];
  const report = new Promise<number[]>((resolve) =>
    bot.once('message', (message: { serverAckMs: number[] }) => resolve(message.serverAckMs)),
  );
  bot.postMessage('stop');
  const serverAckMs = await report;
  stopped.set(bot, serverAckMs);
  await new Promise((resolve) => bot.once('exit', resolve));
  return serverAckMs;
}

const stopped = new WeakMap<Worker, number[]>();

/** The bot's side, run in the worker: the production runtime and Slack mount, stopped on the parent's word. */
async function serveBotInWorker(apiUrl: string, answerWorkers: number): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'protocol-bot-slack-bench-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    CORPUS_DIR: path.resolve('corpus'),
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: apiUrl,
    RATE_LIMIT_PER_MINUTE: '100',
  });
  const runtime = await buildRuntime({ config, logger: silentLogger, generative: false, answerWorkers });
  const server = createHttpServer({ logger: silentLogger });
  // Time from the request reaching the bot's HTTP stack to the acknowledgement leaving it, seen from inside.
  const serverAckMs: number[] = [];
  server.app.use((_request, response, next) => {
    const arrived = performance.now();
    response.on('finish', () => serverAckMs.push(performance.now() - arrived));
    next();
  });
  const { conversation, platforms } = await mountChatPlatforms(server, runtime, [slackPlatform]);
  const port = await server.listen(0, '127.0.0.1');
  parentPort?.on('message', async (message: string) => {
    if (message === 'reset') {
      serverAckMs.length = 0;
      return;
    }
    parentPort?.postMessage({ serverAckMs });
    for (const platform of platforms) await platform.stop();
    await conversation.stop();
    await server.close();
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
  parentPort?.postMessage({ port });
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === 'slack-bot') {
  const { apiUrl, answerWorkers } = workerData as { apiUrl: string; answerWorkers: number };
  await serveBotInWorker(apiUrl, answerWorkers);
}
