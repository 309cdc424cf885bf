import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/answer/answer-schema.js';
import { mountChatPlatforms } from '../../../src/app/chat-platforms.js';
import { createHttpServer, type HttpServer } from '../../../src/app/http-server.js';
import { buildRuntime, type Runtime } from '../../../src/app/runtime.js';
import { createConversationFlow } from '../../../src/channels/conversation/conversation-flow.js';
import { ConversationInbox, type ReadyTurn } from '../../../src/channels/conversation/conversation-inbox.js';
import type { Responder } from '../../../src/channels/conversation/conversation-turn.js';
import { terminalPipeline } from '../../../src/channels/terminal/terminal-pipeline.js';
import { loadConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/logger.js';
import { movableClock } from '../../cases/handoff-test-kit.js';
import { webhookPlatform } from '../webhook/webhook-platform.js';

// The conversation flow and its inbox over the real runtime (shipped corpus, real pipeline, a real cases.db in a
// temporary folder). The platform is the one thing played by the test: a "chat" whose sent messages are recorded,
// stored as the payload a platform would store.

interface Sent {
  channel: string;
  kind: 'help' | 'slowDown' | 'answer' | 'private';
  answer?: Answer;
  questionId?: string;
  history?: readonly string[];
}

let runtime: Runtime;
let dataDir: string;
const clock = movableClock('2026-11-27T10:00:00Z');
const sent: Sent[] = [];
/** Channels whose next send fails, as a platform outage would. */
const failing = new Set<string>();

function recordingResponder(channel: string): Responder {
  let history: readonly string[] | undefined;
  const send = async (entry: Sent) => {
    if (failing.delete(channel)) throw new Error('platform_unavailable');
    sent.push({ ...entry, history });
  };
  return {
    working: async (earlier) => {
      history = earlier;
    },
    help: () => send({ channel, kind: 'help' }),
    slowDown: () => send({ channel, kind: 'slowDown' }),
    answer: (answer, questionId) => send({ channel, kind: 'answer', answer, questionId }),
    answerPrivately: (answer, questionId) => send({ channel, kind: 'private', answer, questionId }),
  };
}

/** Reads the test platform's stored payload back, as a platform's reader does after a restart. */
function readChat(payload: Record<string, unknown>): ReadyTurn {
  const channel = String(payload.channel);
  return {
    question: {
      text: String(payload.text),
      asker: { platform: 'chat', userId: String(payload.user) },
      eventId: String(payload.eventId),
      threadKey: channel,
      publicChannel: payload.public === true,
    },
    responder: recordingResponder(channel),
  };
}

function openInbox(ratePerMinute = 20) {
  const inbox = new ConversationInbox({
    store: runtime.handoff.inbox,
    flow: createConversationFlow({
      pipeline: runtime.pipeline,
      questions: runtime.handoff.questions,
      logger: silentLogger,
      clock,
      chat: { ratePerMinute },
      concurrency: 1,
    }),
    logger: silentLogger,
    clock,
    leaseMs: 30_000,
    pollMs: 60_000,
  });
  inbox.register('chat', (entry) => readChat(entry.payload));
  return inbox;
}

const delivery = (id: string, channel: string, text: string, extra: Record<string, unknown> = {}) => ({
  platform: 'chat',
  deliveryId: id,
  payload: { channel, text, user: `user-${channel}`, eventId: id, ...extra },
  replyTo: { channel },
});

const sentTo = (channel: string) => sent.filter((entry) => entry.channel === channel);

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'protocol-bot-conversation-'));
  runtime = await buildRuntime({
    config: loadConfig({ DATA_DIR: dataDir, CORPUS_DIR: path.resolve('corpus') }),
    logger: silentLogger,
    clock,
    generative: false,
  });
});

afterAll(async () => {
  await runtime?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the conversation inbox and flow', () => {
  it('answers a delivery once, logs it for the annual report, and ignores the same delivery again', async () => {
    const inbox = openInbox();
    const question = delivery(
      'Ev-email',
      'C-email',
      'How quickly must an officer reply to a councillor’s email?',
    );
    expect(await inbox.receive(question, { wait: true })).toBe(true);
    const [reply] = sentTo('C-email');
    expect(reply?.kind).toBe('answer');
    expect(reply?.answer?.text).toContain('two working days');
    expect(reply?.questionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await runtime.handoff.inbox.pendingCount()).toBe(0);

    expect(await inbox.receive(question, { wait: true })).toBe(false);
    expect(sentTo('C-email')).toHaveLength(1);
    await inbox.stop();
  });

  it('reads a follow-up with the thread’s earlier question, and helps with a message without words', async () => {
    const inbox = openInbox();
    await inbox.receive(delivery('Ev-group-1', 'C-group', 'Can officers attend political group meetings?'), {
      wait: true,
    });
    await inbox.receive(delivery('Ev-group-2', 'C-group', 'and can they give advice there?'), { wait: true });
    await inbox.receive(delivery('Ev-group-3', 'C-group', '🙂 ?'), { wait: true });
    const replies = sentTo('C-group');
    expect(replies.map((entry) => entry.kind)).toEqual(['answer', 'answer', 'help']);
    expect(replies[0]?.history).toEqual([]);
    expect(replies[1]?.history).toEqual(['Can officers attend political group meetings?']);
    await inbox.stop();
  });

  it('asks a flooding user to slow down without asking the pipeline', async () => {
    const inbox = openInbox(2);
    for (const index of [1, 2, 3]) {
      await inbox.receive(
        delivery(`Ev-flood-${index}`, 'C-flood', `Who is the Head of Paid Service? (${index})`),
        {
          wait: true,
        },
      );
    }
    expect(sentTo('C-flood').map((entry) => entry.kind)).toEqual(['answer', 'answer', 'slowDown']);
    await inbox.stop();
  });

  it('moves a sensitive escalation asked in public to a private reply, with one case', async () => {
    const inbox = openInbox();
    const bullying =
      'A councillor has been shouting at me in meetings for weeks and I feel bullied. What can I do?';
    await inbox.receive(delivery('Ev-bullied', 'C-public', bullying, { public: true }), { wait: true });
    const [reply] = sentTo('C-public');
    expect(reply?.kind).toBe('private');
    expect(reply?.answer?.decision).toBe('escalate');
    const cases = (await runtime.handoff.cases.list()).filter((record) => record.eventId === 'Ev-bullied');
    expect(cases).toHaveLength(1);
    await inbox.stop();
  });

  it('answers what a killed process left leased once the lease runs out, and retries a failed send later', async () => {
    // A process accepted this delivery (its lease taken) and was killed before answering.
    const orphan = delivery('Ev-orphan', 'C-orphan', 'Can council stationery be used for campaigning?');
    await runtime.handoff.inbox.accept(
      { ...orphan, receivedAt: clock.now() },
      { workerId: 'dead-host:1:killed', leaseMs: 30_000 },
    );
    const inbox = openInbox();
    expect(await inbox.drainOnce()).toBe(0);
    clock.advance(31_000);
    expect(await inbox.drainOnce()).toBe(1);
    await inbox.stop();
    expect(sentTo('C-orphan').map((entry) => entry.kind)).toEqual(['answer']);

    // The platform is down for the first send: the delivery waits and is sent on a later attempt.
    failing.add('C-outage');
    const outage = delivery('Ev-outage', 'C-outage', 'Can officers attend political group meetings?');
    await expect(inbox.receive(outage, { wait: true })).rejects.toThrow('platform_unavailable');
    expect(await runtime.handoff.inbox.pendingCount()).toBe(1);
    expect(await inbox.drainOnce()).toBe(0);
    clock.advance(11_000);
    expect(await inbox.drainOnce()).toBe(1);
    await inbox.stop();
    expect(sentTo('C-outage').map((entry) => entry.kind)).toEqual(['answer']);
    expect(await runtime.handoff.inbox.pendingCount()).toBe(0);
  });
});

describe('the terminal on the same flow', () => {
  it('keeps follow-ups per topic and logs each question', async () => {
    const before = (await runtime.handoff.report({ from: '2000-01-01', to: '2100-12-31' })).questions.asked;
    const terminal = terminalPipeline({
      pipeline: runtime.pipeline,
      questions: runtime.handoff.questions,
      logger: silentLogger,
      clock,
      deliverNotices: () => runtime.handoff.dispatcher.drainOnce(),
    });
    const asker = { platform: 'cli', userId: 'officer' };
    await terminal.answer({ text: 'Can officers attend political group meetings?', asker }, 'terminal:1');
    const followUp = await terminal.answer({ text: 'and can they give advice there?', asker }, 'terminal:1');
    const newTopic = await terminal.answer({ text: 'and can they give advice there?', asker }, 'terminal:2');
    expect(followUp.text).not.toBe(newTopic.text);
    const after = (await runtime.handoff.report({ from: '2000-01-01', to: '2100-12-31' })).questions.asked;
    expect(after - before).toBe(3);
  });
});

// The ChatPlatform contract tried with a platform written in one file: mounted by the same function `serve` uses,
// it gets the whole conversation flow — answers, dedupe through the inbox, the question log — for free.
describe('a chat platform in one file (test/channels/webhook)', () => {
  let server: HttpServer;
  let mounted: ConversationInbox;
  let callback: Server;
  let baseUrl: string;
  let callbackUrl: string;
  const received: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
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
    ({ conversation: mounted } = await mountChatPlatforms(server, runtime, [webhookPlatform]));
    baseUrl = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  });

  afterAll(async () => {
    await mounted?.stop();
    await server?.close();
    await new Promise((resolve) => callback?.close(resolve));
  });

  const post = (message: Record<string, unknown>) =>
    fetch(`${baseUrl}/webhook/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
    });

  it('answers through the conversation flow, once per delivery', async () => {
    const before = (await runtime.handoff.report({ from: '2000-01-01', to: '2100-12-31' })).questions.asked;
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
    const after = (await runtime.handoff.report({ from: '2000-01-01', to: '2100-12-31' })).questions.asked;
    expect(after - before).toBe(1);
  });
});
