import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/answer/answer-schema.js';
import { buildRuntime, type Runtime } from '../../../src/app/runtime.js';
import { createConversationFlow } from '../../../src/channels/conversation/conversation-flow.js';
import { ConversationInbox, type ReadyTurn } from '../../../src/channels/conversation/conversation-inbox.js';
import type { Responder } from '../../../src/channels/conversation/conversation-turn.js';
import { terminalPipeline } from '../../../src/channels/terminal/terminal-pipeline.js';
import { loadConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/logger.js';
import { movableClock } from '../../cases/handoff-test-kit.js';

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
