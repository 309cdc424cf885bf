import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseRecord, Notice, NoticeDeliverer } from '../../src/cases/case-types.js';
import { type HandoffRuntime, type OpenHandoffOptions, openHandoff } from '../../src/cases/open-handoff.js';
import { ProtocolBotError } from '../../src/errors.js';
import {
  bullyingRequest,
  movableClock,
  recordingLogger,
  tempDataDir,
  testConfig,
} from './handoff-test-kit.js';

/** A platform deliverer standing in for Slack: records what it was asked to send, fails when told to. */
function scriptedDeliverer(platform: string, outcomes: ('ok' | 'retryable' | 'permanent')[] = []) {
  const sent: { notice: Notice; record: CaseRecord }[] = [];
  let calls = 0;
  const deliverer: NoticeDeliverer & { sent: typeof sent; calls: () => number } = {
    platform,
    sent,
    calls: () => calls,
    async deliver(notice, record) {
      calls += 1;
      const outcome = outcomes.shift() ?? 'ok';
      if (outcome === 'retryable') {
        throw new ProtocolBotError('platform_failed', 'Slack answered 503', { retryable: true });
      }
      if (outcome === 'permanent') throw new ProtocolBotError('platform_failed', 'channel_not_found');
      sent.push({ notice, record });
    },
  };
  return deliverer;
}

describe('NoticeDispatcher', () => {
  let data: ReturnType<typeof tempDataDir>;
  let clock: ReturnType<typeof movableClock>;
  const opened: HandoffRuntime[] = [];
  const open = async (options: Partial<OpenHandoffOptions> = {}) => {
    const handoff = await openHandoff({
      config: testConfig(data.dir),
      clock,
      logger: recordingLogger(),
      ...options,
    });
    opened.push(handoff);
    return handoff;
  };

  beforeEach(async () => {
    data = tempDataDir();
    clock = movableClock('2026-11-23T10:00:00Z');
  });

  afterEach(async () => {
    for (const handoff of opened.splice(0)) await handoff.close();
    data.cleanup();
  });

  it('delivers a new case through the built-in log deliverer as readable text', async () => {
    const written: string[] = [];
    const handoff = await open({ writeNotice: (text) => written.push(text) });
    const { reference } = await handoff.cases.openCase(bullyingRequest());
    expect(await handoff.dispatcher.drainOnce()).toBe(1);
    expect(written.join('')).toContain(`New case ${reference} for Priya Shah: reply due by 2026-11-25.`);
    expect(written.join('')).toContain(`protocol-bot cases show ${reference}`);
    expect(await handoff.dispatcher.drainOnce()).toBe(0);
    const delivered = (await handoff.cases.history(reference)).filter(
      (event) => event.kind === 'notice_delivered',
    );
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.detail).toMatchObject({ notice: 'case_opened', platform: 'log', attempts: 1 });
  });

  it('keeps the question text of a sensitive case out of the log line', async () => {
    const logger = recordingLogger();
    const handoff = await open({ logger });
    await handoff.cases.openCase(bullyingRequest());
    await handoff.dispatcher.drainOnce();
    const line = logger.lines.find((entry) => entry.message.startsWith('notice: case_opened'));
    expect(line).toBeDefined();
    expect(JSON.stringify(line)).not.toContain('shouting');
  });

  it('passes the notice id to the deliverer as its idempotency key', async () => {
    const slack = scriptedDeliverer('slack');
    const handoff = await open({ noticePlatforms: ['slack'] });
    handoff.dispatcher.register(slack);
    const { reference } = await handoff.cases.openCase(bullyingRequest());
    await handoff.dispatcher.drainOnce();
    const queued = (await handoff.cases.history(reference)).find((event) => event.kind === 'notice_queued');
    expect(slack.sent[0]?.notice).toEqual({
      id: queued?.detail.noticeId,
      kind: 'case_opened',
      platform: 'slack',
      caseReference: reference,
      attempts: 1,
    });
    expect(slack.sent[0]?.record.reference).toBe(reference);
  });

  it('retries with exponential backoff and then delivers', async () => {
    const slack = scriptedDeliverer('slack', ['retryable', 'retryable', 'ok']);
    const handoff = await open({
      noticePlatforms: ['slack'],
      dispatcher: { baseDelayMs: 1_000, maxAttempts: 5 },
    });
    handoff.dispatcher.register(slack);
    const { reference } = await handoff.cases.openCase(bullyingRequest());

    expect(await handoff.dispatcher.drainOnce()).toBe(0);
    expect(slack.calls()).toBe(1);
    expect(await handoff.dispatcher.drainOnce()).toBe(0);
    expect(slack.calls()).toBe(1); // not due before the first delay

    clock.advance(1_000);
    expect(await handoff.dispatcher.drainOnce()).toBe(0);
    expect(slack.calls()).toBe(2);

    clock.advance(1_999); // the second delay is doubled
    expect(await handoff.dispatcher.drainOnce()).toBe(0);
    expect(slack.calls()).toBe(2);
    clock.advance(1);
    expect(await handoff.dispatcher.drainOnce()).toBe(1);
    expect(slack.calls()).toBe(3);
    expect(slack.sent[0]?.notice.attempts).toBe(3);
    const kinds = (await handoff.cases.history(reference)).map((event) => event.kind);
    expect(kinds).toContain('notice_delivered');
    expect(kinds).not.toContain('notice_failed');
  });

  it('gives up after the last attempt, records notice_failed and never loses the case', async () => {
    const slack = scriptedDeliverer('slack', ['retryable', 'retryable', 'retryable', 'retryable']);
    const handoff = await open({
      noticePlatforms: ['slack'],
      dispatcher: { baseDelayMs: 10, maxAttempts: 3 },
    });
    handoff.dispatcher.register(slack);
    const { reference } = await handoff.cases.openCase(bullyingRequest());
    for (let round = 0; round < 6; round += 1) {
      await handoff.dispatcher.drainOnce();
      clock.advance(60_000);
    }
    expect(slack.calls()).toBe(3);
    const failed = (await handoff.cases.history(reference)).filter((event) => event.kind === 'notice_failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.detail).toMatchObject({ platform: 'slack', attempts: 3 });
    expect(String(failed[0]?.detail.error)).toContain('Slack answered 503');
    expect((await handoff.cases.get(reference)).status).toBe('open');
  });

  it('gives up at once on an error not marked retryable', async () => {
    const slack = scriptedDeliverer('slack', ['permanent']);
    const handoff = await open({ noticePlatforms: ['slack'] });
    handoff.dispatcher.register(slack);
    const { reference } = await handoff.cases.openCase(bullyingRequest());
    await handoff.dispatcher.drainOnce();
    clock.advance(3_600_000);
    await handoff.dispatcher.drainOnce();
    expect(slack.calls()).toBe(1);
    expect((await handoff.cases.history(reference)).at(-1)).toMatchObject({
      kind: 'notice_failed',
      detail: { attempts: 1, error: expect.stringContaining('channel_not_found') },
    });
  });

  it('sends the answer back to the asker’s platform, and only a process with that deliverer takes it', async () => {
    const handoff = await open();
    const { reference } = await handoff.cases.openCase(bullyingRequest());
    await handoff.dispatcher.drainOnce();
    await handoff.cases.answer(
      reference,
      { platform: 'cli', userId: 'pshah' },
      'Keep a note of each incident.',
    );
    expect(await handoff.dispatcher.drainOnce()).toBe(0); // no Slack deliverer in this process: it waits

    const slack = scriptedDeliverer('slack');
    handoff.dispatcher.register(slack);
    expect(await handoff.dispatcher.drainOnce()).toBe(1);
    expect(slack.sent[0]?.notice.kind).toBe('case_answered');
    expect(slack.sent[0]?.record.answer).toBe('Keep a note of each incident.');
    expect(slack.sent[0]?.record.replyTo).toEqual({ channel: 'D0123', threadTs: '1732370000.000100' });
  });

  it('a terminal asker’s answer is shown by the log deliverer', async () => {
    const written: string[] = [];
    const handoff = await open({ writeNotice: (text) => written.push(text) });
    const request = bullyingRequest({ eventId: undefined });
    request.question.asker = { platform: 'cli', userId: 'sam', displayName: 'sam' };
    const { reference } = await handoff.cases.openCase(request);
    await handoff.cases.answer(reference, { platform: 'cli', userId: 'pshah' }, 'See Part 5C §6.2.');
    expect(await handoff.dispatcher.drainOnce()).toBe(2);
    expect(written.join('')).toContain(`Case ${reference} answered for sam:\n  See Part 5C §6.2.`);
  });

  it('holds a lease: a second process does not send a notice being delivered, but takes it over once expired', async () => {
    let release: () => void = () => {};
    const slow: NoticeDeliverer & { calls: number } = {
      platform: 'slack',
      calls: 0,
      deliver() {
        slow.calls += 1;
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
    };
    const first = await open({ noticePlatforms: ['slack'], dispatcher: { leaseMs: 60_000 } });
    const second = await open({ noticePlatforms: ['slack'], dispatcher: { leaseMs: 60_000 } });
    const other = scriptedDeliverer('slack');
    first.dispatcher.register(slow);
    second.dispatcher.register(other);
    await first.cases.openCase(bullyingRequest());

    const inFlight = first.dispatcher.drainOnce();
    await vi.waitFor(() => expect(slow.calls).toBe(1));
    expect(await second.dispatcher.drainOnce()).toBe(0);
    expect(other.calls()).toBe(0);

    clock.advance(60_000); // the first process is presumed dead
    expect(await second.dispatcher.drainOnce()).toBe(1);
    expect(other.sent[0]?.notice.attempts).toBe(2);
    release();
    await inFlight;
  });

  it('start() polls on its interval and stop() ends polling', async () => {
    const slack = scriptedDeliverer('slack');
    const handoff = await open({ noticePlatforms: ['slack'], dispatcher: { intervalMs: 10 } });
    handoff.dispatcher.register(slack);
    handoff.dispatcher.start();
    await handoff.cases.openCase(bullyingRequest({ eventId: 'one' }));
    await vi.waitFor(() => expect(slack.sent).toHaveLength(1), { timeout: 2_000, interval: 5 });
    handoff.dispatcher.stop();
    await handoff.dispatcher.idle();
    await handoff.cases.openCase(bullyingRequest({ eventId: 'two' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(slack.sent).toHaveLength(1);
  });
});
