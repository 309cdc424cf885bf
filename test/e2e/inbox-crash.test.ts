import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blockText,
  botUserId,
  eventCallback,
  mention,
  monitoringOfficer,
  sendSigned,
  signingSecret,
} from '../channels/slack/slack-test-app.js';
import { startServeChild } from '../support/serve-child.js';
import { type RecordedCall, type StubSlackApi, startStubSlackApi } from '../support/stub-slack-api.js';

// The durable inbox tried the hard way: a real `protocol-bot serve` (the compiled CLI) receives a burst of signed
// escalation mentions and is killed with SIGKILL at a random moment of the burst, twice; Slack re-sends what was
// never acknowledged, as it does. Every acknowledged event must be answered in its thread, every escalation must
// have exactly one case and one Monitoring Officer notice, and a retry of an answered event after the restart must
// not be answered again.

const escalation =
  'A councillor has been shouting at me in meetings for weeks and I feel bullied. What can I do?';
const burstSize = 24;

let stub: StubSlackApi;
let dataDir: string;
let child: ChildProcess | undefined;

/** Starts `serve` over the shared DATA_DIR; resolves with its port once it listens. */
async function startServe(): Promise<number> {
  const started = await startServeChild({
    DATA_DIR: dataDir,
    SLACK_BOT_TOKEN: 'xoxb-inbox-crash',
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: stub.apiUrl,
    MONITORING_OFFICER_SLACK_CHANNEL: monitoringOfficer.channel,
    RATE_LIMIT_PER_MINUTE: '1000',
    INBOX_LEASE_SECONDS: '1',
    ANSWER_WORKERS: '0',
  });
  child = started.child;
  return started.port;
}

async function killServe(): Promise<void> {
  const running = child;
  if (!running || running.exitCode !== null || running.signalCode !== null) return;
  const exited = new Promise((resolve) => running.once('exit', resolve));
  running.kill('SIGKILL');
  await exited;
}

/** One escalation mention in its own channel, so its thread reply is easy to find. */
function burstEvent(index: number) {
  const event = mention({ user: `U0ASKER${index}`, text: escalation, channel: `C0BURST${index}` });
  return { event, body: eventCallback(event, `EvBurst${String(index).padStart(3, '0')}`) };
}

type BurstEvent = ReturnType<typeof burstEvent>;

/** Sends events four at a time; resolves with those Slack saw acknowledged (200) before `port` died. */
async function sendBurst(port: number, events: BurstEvent[], retryNum?: number): Promise<Set<string>> {
  const acknowledged = new Set<string>();
  const queue = [...events];
  const sender = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { body } = next;
      try {
        const response = await sendSigned(
          `http://127.0.0.1:${port}/slack/events`,
          JSON.stringify(body),
          'application/json',
          retryNum === undefined ? {} : { retryNum },
        );
        if (response.status === 200) acknowledged.add(body.event_id);
      } catch {
        // The process died with the request open: Slack saw no acknowledgement and will retry.
      }
    }
  };
  await Promise.all([sender(), sender(), sender(), sender()]);
  return acknowledged;
}

const threadReplies = (calls: RecordedCall[], { event }: BurstEvent) =>
  calls.filter(
    (call) =>
      call.method === 'chat.postMessage' &&
      call.params.channel === event.channel &&
      call.params.thread_ts === event.ts,
  );

function storedCases(): { reference: string; event_id: string }[] {
  const db = new Database(path.join(dataDir, 'cases.db'), { readonly: true });
  try {
    return db.prepare('SELECT reference, event_id FROM cases ORDER BY reference').all() as {
      reference: string;
      event_id: string;
    }[];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  stub = await startStubSlackApi({ botUserId });
  dataDir = mkdtempSync(path.join(tmpdir(), 'protocol-bot-inbox-crash-'));
});

afterAll(async () => {
  await killServe();
  await stub.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the durable inbox under SIGKILL (real serve process, stub Slack API)', () => {
  it('answers every acknowledged event once, with one case and one notice per escalation', async () => {
    const events = Array.from({ length: burstSize }, (_, index) => burstEvent(index));
    const acknowledged = new Set<string>();
    const killPoints: number[] = [];
    const unansweredAtKill: number[] = [];

    let pending = events;
    for (let round = 0; round < 3; round += 1) {
      const port = await startServe();
      const killAfterMs = 20 + Math.floor(Math.random() * 400);
      const burst = sendBurst(port, pending, round === 0 ? undefined : round);
      if (round < 2) {
        // Killed mid-burst: some events acknowledged and not yet answered, some never acknowledged.
        killPoints.push(killAfterMs);
        await new Promise((resolve) => setTimeout(resolve, killAfterMs));
        await killServe();
      }
      for (const id of await burst) acknowledged.add(id);
      if (round < 2) {
        const answered = events.filter((event) => threadReplies(stub.calls, event).length > 0);
        unansweredAtKill.push(acknowledged.size - answered.length);
      }
      // Slack re-sends only what it never saw acknowledged.
      pending = events.filter(({ body }) => !acknowledged.has(body.event_id));
    }
    const context = `killed after ${killPoints.join(' ms and ')} ms; acknowledged, unanswered: ${unansweredAtKill}`;
    expect(acknowledged.size, context).toBe(burstSize);

    // Every event is answered in its thread (the sensitive case itself continues by direct message).
    await stub.waitFor((calls) => events.every((event) => threadReplies(calls, event).length > 0), 30_000);
    // One case per escalation, each named by its event.
    await stub.waitFor(() => storedCases().length === burstSize, 10_000);
    const cases = storedCases();
    expect(new Set(cases.map((stored) => stored.event_id)), context).toEqual(
      new Set(events.map(({ body }) => body.event_id)),
    );
    // One Monitoring Officer notice per case.
    const noticesFor = (calls: RecordedCall[]) =>
      calls
        .filter(
          (call) => call.method === 'chat.postMessage' && call.params.channel === monitoringOfficer.channel,
        )
        .map(
          (call) =>
            `${call.params.text ?? ''}\n${blockText(call.params.blocks)}`.match(/MO-\d{4}-\d{4}/)?.[0],
        );
    await stub.waitFor((calls) => new Set(noticesFor(calls)).size === burstSize, 20_000);
    const notices = noticesFor(stub.calls);
    expect(notices.sort(), context).toEqual(cases.map((stored) => stored.reference).sort());

    // Slack retries every event once more after the restart: none is answered again.
    const repliesBefore = events.map((event) => threadReplies(stub.calls, event).length);
    expect(Math.max(...repliesBefore), context).toBeLessThanOrEqual(2);
    await killServe();
    const port = await startServe();
    const retried = await sendBurst(port, events, 3);
    expect(retried.size).toBe(burstSize);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(events.map((event) => threadReplies(stub.calls, event).length)).toEqual(repliesBefore);
    expect(storedCases()).toHaveLength(burstSize);
  }, 120_000);
});
