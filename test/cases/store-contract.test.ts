import { beforeEach, describe, expect, it } from 'vitest';
import type { HandoffRuntime } from '../../src/cases/open-handoff.js';
import { redactForPublic, withheldText } from '../../src/cases/redact-for-public.js';
import { ProtocolBotError } from '../../src/errors.js';
import { bullyingRequest, movableClock, responseTimesClause } from './handoff-test-kit.js';
import { storeKinds, useStoreBackend } from './store-backends.js';

const monitoringOfficer = { platform: 'cli', userId: 'pshah', displayName: 'Priya Shah' };

// The contract every store implementation keeps: the same suite runs on SQLite (a temporary DATA_DIR) and on
// PostgreSQL (a throwaway cluster, a fresh database per test), so the two cannot drift apart.
describe.each(storeKinds)('%s store: cases', (kind) => {
  const backend = useStoreBackend(kind);
  let clock: ReturnType<typeof movableClock>;
  let handoff: HandoffRuntime;

  beforeEach(async () => {
    // Friday 27 November 2026, 19:45 in London (GMT).
    clock = movableClock('2026-11-27T19:45:00Z');
    handoff = await backend.open({ clock });
  });

  it('opens a case with a yearly reference, the due date in working days and the Monitoring Officer', async () => {
    const opened = await handoff.cases.openCase(bullyingRequest());
    expect(opened).toEqual({ reference: 'MO-2026-0001', dueDate: '2026-12-01', assignee: 'Priya Shah' });
    const record = await handoff.cases.get('MO-2026-0001');
    expect(record).toMatchObject({
      status: 'open',
      asker: { platform: 'slack', userId: 'U024BE7LH', displayName: 'Sam Officer' },
      replyTo: { channel: 'D0123', threadTs: '1732370000.000100' },
      publicChannel: false,
      topic: 'bullying',
      sensitive: true,
      assigneeRole: 'monitoring_officer',
      createdAt: '2026-11-27T19:45:00.000Z',
      eventId: 'Ev0001',
      answer: null,
    });
    expect(record.citations[0]).toMatchObject({ document: 'part5c', clause: '6.2' });

    const second = await handoff.cases.openCase(bullyingRequest({ eventId: 'Ev0002' }));
    expect(second.reference).toBe('MO-2026-0002');
  });

  it('restarts the sequence in a new year (London date decides the year)', async () => {
    clock.set('2026-12-31T23:30:00Z');
    expect((await handoff.cases.openCase(bullyingRequest({ eventId: 'a' }))).reference).toBe('MO-2026-0001');
    clock.set('2027-01-01T00:30:00Z');
    const opened = await handoff.cases.openCase(bullyingRequest({ eventId: 'b' }));
    // 1 Jan 2027 is New Year's Day (Friday): Mon 4, Tue 5.
    expect(opened).toMatchObject({ reference: 'MO-2027-0001', dueDate: '2027-01-05' });
  });

  it('is idempotent on the platform event id: a retried event returns the same case', async () => {
    const first = await handoff.cases.openCase(bullyingRequest({ eventId: 'Ev42' }));
    clock.advance(60_000);
    const retried = await handoff.cases.openCase(bullyingRequest({ eventId: 'Ev42' }));
    expect(retried).toEqual(first);
    expect(await handoff.cases.list()).toHaveLength(1);
    expect(
      (await handoff.cases.history(first.reference)).filter((event) => event.kind === 'opened'),
    ).toHaveLength(1);
  });

  it('opens a separate case for each question without an event id (CLI)', async () => {
    const request = bullyingRequest();
    delete request.question.eventId;
    await handoff.cases.openCase(request);
    await handoff.cases.openCase(request);
    expect(await handoff.cases.list()).toHaveLength(2);
  });

  it('routes to the deputy when the Monitoring Officer is the subject', async () => {
    const opened = await handoff.cases.openCase(bullyingRequest({ concernsMonitoringOfficer: true }));
    expect(opened.assignee).toBe('Tom Evans');
    expect((await handoff.cases.get(opened.reference)).assigneeRole).toBe('deputy');
  });

  it('routes to the deputy while the Monitoring Officer is absent', async () => {
    await handoff.close();
    handoff = await backend.open({
      env: { MONITORING_OFFICER_ABSENT: 'true', SERVICE_STANDARD_WORKING_DAYS: '5' },
      clock,
    });
    const opened = await handoff.cases.openCase(bullyingRequest());
    // Friday 27 Nov + 5 working days = Friday 4 Dec.
    expect(opened).toEqual({ reference: 'MO-2026-0001', dueDate: '2026-12-04', assignee: 'Tom Evans' });
  });

  it('queues the case_opened notice in the same transaction as the case, one per notice platform', async () => {
    await handoff.close();
    handoff = await backend.open({ clock, noticePlatforms: ['log', 'slack'] });
    const { reference } = await handoff.cases.openCase(bullyingRequest());
    const queued = (await handoff.cases.history(reference)).filter((event) => event.kind === 'notice_queued');
    expect(queued.map((event) => event.detail.platform)).toEqual(['log', 'slack']);
  });

  it('walks open → claimed → answered → closed with a full history', async () => {
    const { reference } = await handoff.cases.openCase(bullyingRequest());
    clock.advance(3_600_000);
    const claimed = await handoff.cases.claim(reference, monitoringOfficer);
    expect(claimed).toMatchObject({ status: 'claimed', claimedBy: monitoringOfficer });
    expect(claimed.firstResponseAt).toBe('2026-11-27T20:45:00.000Z');
    clock.advance(3_600_000);
    const answered = await handoff.cases.answer(
      reference,
      monitoringOfficer,
      '  Please keep a note of each incident.  ',
    );
    expect(answered).toMatchObject({
      status: 'answered',
      answer: 'Please keep a note of each incident.',
      answeredAt: '2026-11-27T21:45:00.000Z',
      firstResponseAt: '2026-11-27T20:45:00.000Z',
    });
    const closed = await handoff.cases.close(reference, monitoringOfficer, 'Resolved informally');
    expect(closed.status).toBe('closed');
    const history = await handoff.cases.history(reference);
    expect(history.map((event) => event.kind)).toEqual([
      'opened',
      'notice_queued',
      'claimed',
      'answered',
      'notice_queued',
      'closed',
    ]);
    expect(history[3]?.detail).toEqual({ text: 'Please keep a note of each incident.' });
    // The answer goes back to the asker's platform.
    expect(history[4]?.detail).toMatchObject({ notice: 'case_answered', platform: 'slack' });
    expect(history[5]).toMatchObject({ actor: monitoringOfficer, detail: { note: 'Resolved informally' } });
  });

  it('keeps the clauses an answer names and lists answered questions with them for the bot to learn from', async () => {
    const first = await handoff.cases.openCase(bullyingRequest({ eventId: '1' }));
    const second = await handoff.cases.openCase(
      bullyingRequest({ eventId: '2', text: 'Can a councillor ring me at home at 11pm?' }),
    );
    const third = await handoff.cases.openCase(bullyingRequest({ eventId: '3' }));
    const answered = await handoff.cases.answer(second.reference, monitoringOfficer, 'No: see 6.2.', [
      ['part5c', '6.2'],
      ['swale-draft-protocol', null],
    ]);
    expect(answered.answerClauses).toEqual([
      ['part5c', '6.2'],
      ['swale-draft-protocol', null],
    ]);
    const history = await handoff.cases.history(second.reference);
    expect(history.find((event) => event.kind === 'answered')?.detail).toEqual({
      text: 'No: see 6.2.',
      clauses: [
        ['part5c', '6.2'],
        ['swale-draft-protocol', null],
      ],
    });
    // An answer naming no clause teaches nothing; an open case neither; a closed one still does.
    clock.advance(60_000);
    await handoff.cases.answer(first.reference, monitoringOfficer, 'Please call me.');
    expect((await handoff.cases.get(first.reference)).answerClauses).toEqual([]);
    expect((await handoff.cases.get(third.reference)).answerClauses).toEqual([]);
    await handoff.cases.close(second.reference, monitoringOfficer);
    expect(await handoff.cases.answeredClauses()).toEqual([
      {
        reference: second.reference,
        question: 'Can a councillor ring me at home at 11pm?',
        clauses: [
          ['part5c', '6.2'],
          ['swale-draft-protocol', null],
        ],
      },
    ]);
  });

  it('answers straight from open and closes from any earlier status', async () => {
    const first = await handoff.cases.openCase(bullyingRequest({ eventId: '1' }));
    expect((await handoff.cases.answer(first.reference, monitoringOfficer, 'Yes.')).status).toBe('answered');
    const second = await handoff.cases.openCase(bullyingRequest({ eventId: '2' }));
    expect((await handoff.cases.close(second.reference, monitoringOfficer)).status).toBe('closed');
  });

  it('rejects invalid transitions with case_invalid_transition and changes nothing', async () => {
    const { reference } = await handoff.cases.openCase(bullyingRequest());
    await handoff.cases.claim(reference, monitoringOfficer);
    await expect(handoff.cases.claim(reference, { platform: 'slack', userId: 'U999' })).rejects.toThrowError(
      expect.objectContaining({
        code: 'case_invalid_transition',
        message: expect.stringContaining('Priya Shah'),
      }),
    );
    await handoff.cases.close(reference, monitoringOfficer);
    await expect(handoff.cases.close(reference, monitoringOfficer)).rejects.toThrowError(
      expect.objectContaining({
        code: 'case_invalid_transition',
        message: expect.stringContaining('already closed'),
      }),
    );
    await expect(handoff.cases.answer(reference, monitoringOfficer, 'late')).rejects.toThrowError(
      expect.objectContaining({ code: 'case_invalid_transition' }),
    );
    expect((await handoff.cases.history(reference)).filter((event) => event.kind === 'closed')).toHaveLength(
      1,
    );
  });

  it('rejects an empty answer', async () => {
    const { reference } = await handoff.cases.openCase(bullyingRequest());
    await expect(handoff.cases.answer(reference, monitoringOfficer, '   ')).rejects.toThrowError(
      expect.objectContaining({ code: 'input_invalid' }),
    );
    expect((await handoff.cases.get(reference)).status).toBe('open');
  });

  it('reports an unknown reference as case_not_found naming the reference', async () => {
    // Each action starts only when it is awaited: three started at once would leave two rejections unobserved.
    for (const action of [
      () => handoff.cases.get('MO-2026-0099'),
      () => handoff.cases.claim('MO-2026-0099', monitoringOfficer),
      () => handoff.cases.history('MO-2026-0099'),
    ]) {
      await expect(action()).rejects.toThrowError(
        expect.objectContaining({ code: 'case_not_found', message: expect.stringContaining('MO-2026-0099') }),
      );
    }
  });

  it('accepts a reference typed in lower case', async () => {
    await handoff.cases.openCase(bullyingRequest());
    expect((await handoff.cases.get(' mo-2026-0001 ')).reference).toBe('MO-2026-0001');
  });

  it('lists by status and overdue (open or claimed past the due date, by the London date)', async () => {
    const a = await handoff.cases.openCase(bullyingRequest({ eventId: 'a' }));
    const b = await handoff.cases.openCase(bullyingRequest({ eventId: 'b' }));
    const c = await handoff.cases.openCase(bullyingRequest({ eventId: 'c' }));
    await handoff.cases.claim(b.reference, monitoringOfficer);
    await handoff.cases.answer(c.reference, monitoringOfficer, 'Done.');
    expect((await handoff.cases.list({ status: 'open' })).map((record) => record.reference)).toEqual([
      a.reference,
    ]);
    expect((await handoff.cases.list({ status: 'claimed' })).map((record) => record.reference)).toEqual([
      b.reference,
    ]);
    // Due Tuesday 1 December: not overdue that day, overdue on Wednesday.
    clock.set('2026-12-01T23:59:00Z');
    expect(await handoff.cases.list({ status: 'overdue' })).toEqual([]);
    clock.set('2026-12-02T09:00:00Z');
    expect((await handoff.cases.list({ status: 'overdue' })).map((record) => record.reference)).toEqual([
      a.reference,
      b.reference,
    ]);
  });

  it('survives a restart: cases, history and sequence are durable', async () => {
    await handoff.cases.openCase(bullyingRequest({ eventId: 'a' }));
    await handoff.close();
    handoff = await backend.open({ clock });
    expect((await handoff.cases.get('MO-2026-0001')).eventId).toBe('a');
    expect((await handoff.cases.openCase(bullyingRequest({ eventId: 'a' }))).reference).toBe('MO-2026-0001');
    expect((await handoff.cases.openCase(bullyingRequest({ eventId: 'b' }))).reference).toBe('MO-2026-0002');
  });
});

describe.each(storeKinds)('%s store: replicas sharing it', (kind) => {
  const backend = useStoreBackend(kind);

  it('numbers cases opened at once through two processes uniquely and without gaps, and dedupes retries', async () => {
    const clock = movableClock('2026-11-27T19:45:00Z');
    const first = await backend.open({ clock });
    const second = await backend.open({ clock });
    const opened = await Promise.all(
      Array.from({ length: 20 }, (_unused, index) =>
        (index % 2 === 0 ? first : second).cases.openCase(bullyingRequest({ eventId: `Ev${index % 10}` })),
      ),
    );
    const references = new Set(opened.map((item) => item.reference));
    expect([...references].sort()).toEqual(
      Array.from({ length: 10 }, (_unused, index) => `MO-2026-${String(index + 1).padStart(4, '0')}`),
    );
    expect(await second.cases.list()).toHaveLength(10);
  });

  it('leases each due notice to one process; a dead process’s notices are taken over when the lease expires', async () => {
    const clock = movableClock('2026-11-27T19:45:00Z');
    const replicaA = await backend.open({ clock, noticePlatforms: ['slack'] });
    const replicaB = await backend.open({ clock, noticePlatforms: ['slack'] });
    for (const eventId of ['a', 'b', 'c']) await replicaA.cases.openCase(bullyingRequest({ eventId }));
    const lease = { platforms: ['slack'], now: clock.now(), leaseMs: 30_000, limit: 2 };
    const [takenByA, takenByB] = await Promise.all([
      replicaA.outbox.claimDue(lease),
      replicaB.outbox.claimDue(lease),
    ]);
    const ids = [...takenByA, ...takenByB].map((notice) => notice.id).sort();
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    // Replica A dies holding its notices: nothing is due until its lease runs out, then B takes them over.
    clock.advance(29_000);
    expect(await replicaB.outbox.claimDue({ ...lease, now: clock.now(), limit: 10 })).toEqual([]);
    clock.advance(1_000);
    const takenOver = await replicaB.outbox.claimDue({ ...lease, now: clock.now(), limit: 10 });
    expect(takenOver.map((notice) => notice.id).sort()).toEqual(ids);
    expect(takenOver.every((notice) => notice.attempts === 2)).toBe(true);
  });

  it('accepts a delivery once whichever process it reaches, and shares the inbox’s work out by lease', async () => {
    const clock = movableClock('2026-11-27T19:45:00Z');
    const replicaA = await backend.open({ clock });
    const replicaB = await backend.open({ clock });
    const item = (deliveryId: string) => ({
      platform: 'slack',
      deliveryId,
      payload: { text: 'A councillor keeps shouting at me.' },
      replyTo: { channel: 'C0GENERAL', threadTs: '1732370000.000100' },
      receivedAt: clock.now(),
    });
    const alpha = { workerId: 'replica-a', leaseMs: 30_000 };
    const beta = { workerId: 'replica-b', leaseMs: 30_000 };
    expect((await replicaA.inbox.accept(item('Ev1'), alpha)).fresh).toBe(true);
    const retried = await replicaB.inbox.accept(item('Ev1'), beta);
    expect(retried).toMatchObject({ fresh: false, entry: { state: 'processing', leaseOwner: 'replica-a' } });
    for (const id of ['Ev2', 'Ev3', 'Ev4']) await replicaA.inbox.accept(item(id));
    const [batchA, batchB] = await Promise.all([
      replicaA.inbox.claimBatch(alpha, 2, ['slack']),
      replicaB.inbox.claimBatch(beta, 2, ['slack']),
    ]);
    const claimed = [...batchA, ...batchB].map((entry) => entry.deliveryId).sort();
    expect(claimed).toEqual(['Ev2', 'Ev3', 'Ev4']);
    expect(await replicaB.inbox.pendingCount()).toBe(4);
    // Replica A is killed: after its 30 s lease, B claims what A held, Ev1 included.
    clock.advance(30_000);
    expect(await replicaB.inbox.claimBatch(beta, 10, ['teams'])).toEqual([]);
    const takenOver = await replicaB.inbox.claimBatch(beta, 10, ['slack']);
    expect(takenOver.map((entry) => entry.deliveryId)).toEqual(
      expect.arrayContaining(['Ev1', ...batchA.map((entry) => entry.deliveryId)]),
    );
    for (const entry of takenOver) await replicaB.inbox.markDone(entry.id);
    expect((await replicaA.inbox.accept(item('Ev1'))).entry).toMatchObject({ state: 'done', payload: {} });
  });

  it('keeps one Teams registration per Monitoring Officer, visible to every process', async () => {
    const clock = movableClock('2026-11-27T19:45:00Z');
    const replicaA = await backend.open({ clock });
    const replicaB = await backend.open({ clock });
    const reference = {
      conversation: { id: 'a:1personal-mo' },
      channelId: 'msteams',
      serviceUrl: 'https://smba/',
    };
    await replicaA.registrations.save({
      aadObjectId: 'aad-mo',
      name: 'Angela',
      reference,
      registeredAt: '2026-11-27T19:45:00.000Z',
    });
    await replicaB.registrations.save({
      aadObjectId: 'aad-deputy',
      reference,
      registeredAt: '2026-11-27T19:46:00.000Z',
    });
    await replicaB.registrations.save({
      aadObjectId: 'aad-mo',
      name: 'Angela Wakefield',
      reference: { ...reference, conversation: { id: 'a:1personal-mo-new' } },
      registeredAt: '2026-11-27T19:47:00.000Z',
    });
    expect(await replicaA.registrations.list()).toEqual([
      { aadObjectId: 'aad-deputy', reference, registeredAt: '2026-11-27T19:46:00.000Z' },
      {
        aadObjectId: 'aad-mo',
        name: 'Angela Wakefield',
        reference: { ...reference, conversation: { id: 'a:1personal-mo-new' } },
        registeredAt: '2026-11-27T19:47:00.000Z',
      },
    ]);
    expect(await replicaA.health()).toEqual({ ok: true });
  });
});

describe.each(storeKinds)('%s store: question log, retention and report', (kind) => {
  const backend = useStoreBackend(kind);

  it('logs questions with hashed askers and feedback, purges text past retention, and reports the same figures', async () => {
    const clock = movableClock('2026-01-10T10:00:00Z');
    let handoff = await backend.open({ clock, env: { QUESTION_RETENTION_DAYS: '30' } });
    const old = await handoff.questions.record({
      platform: 'slack',
      userId: 'U024BE7LH',
      question: 'How fast must I answer a councillor’s email?',
      decision: 'answer',
      citations: [responseTimesClause],
    });
    await handoff.questions.recordFeedback(old, { rating: 'up', userId: 'U024BE7LH', comment: 'clear' });
    await expect(
      handoff.questions.recordFeedback('no-such-id', { rating: 'down', userId: 'U1' }),
    ).rejects.toMatchObject({
      code: 'input_invalid',
    });
    await handoff.cases.openCase(bullyingRequest({ eventId: 'jan', concernsMonitoringOfficer: true }));
    clock.set('2026-02-20T10:00:00Z');
    await handoff.questions.record({
      platform: 'teams',
      userId: 'aad-1',
      question: 'Who do I vote for?',
      decision: 'refuse',
      citations: [],
    });
    await handoff.close();

    // Reopening purges the January question's text (41 days old) but keeps what the report counts.
    handoff = await backend.open({ clock, env: { QUESTION_RETENTION_DAYS: '30' } });
    expect(await handoff.questions.purgeExpired()).toBe(0);
    const report = await handoff.report({ from: '2026-01-01', to: '2026-02-28' });
    expect(report.questions).toEqual({
      asked: 2,
      byDecision: { answer: 1, refuse: 1 },
      distinctAskers: 2,
      feedback: { up: 1, down: 0 },
    });
    expect(report.topSections).toEqual([
      { document: 'part5c', clause: '6.2', title: responseTimesClause.title, questions: 1 },
    ]);
    expect(report.cases).toMatchObject({ opened: 1, closed: 0, byTopic: { bullying: 1 }, toDeputy: 1 });
    expect(report.overdue).toHaveLength(1);
  });
});

describe.each(storeKinds)('%s store: redactForPublic', (kind) => {
  const backend = useStoreBackend(kind);

  it('withholds the question and answer of a sensitive case, and keeps a non-sensitive one whole', async () => {
    const handoff = await backend.open({ clock: movableClock('2026-11-23T10:00:00Z') });
    const sensitive = await handoff.cases.openCase(bullyingRequest({ eventId: 's' }));
    await handoff.cases.answer(sensitive.reference, monitoringOfficer, 'Please call me.');
    const redacted = redactForPublic(await handoff.cases.get(sensitive.reference));
    expect(redacted.question).toBe(withheldText);
    expect(redacted.answer).toBe(withheldText);
    expect(redacted.replyTo).toBeNull();
    expect(JSON.stringify(redacted)).not.toContain('shouting');

    const plain = await handoff.cases.openCase(bullyingRequest({ eventId: 'p', sensitive: false }));
    const kept = redactForPublic(await handoff.cases.get(plain.reference));
    expect(kept.question).toContain('shouting');
  });
});

describe.each(storeKinds)('%s store: notice and inbox life cycles', (kind) => {
  const backend = useStoreBackend(kind);

  it('delivers, retries with backoff and gives up on notices, recording each step in the case history', async () => {
    const clock = movableClock('2026-11-27T19:45:00Z');
    const handoff = await backend.open({
      clock,
      noticePlatforms: ['slack'],
      dispatcher: { baseDelayMs: 1_000, maxAttempts: 2 },
    });
    const outcomes = ['fail', 'deliver', 'fail', 'fail'];
    const sent: number[] = [];
    handoff.dispatcher.register({
      platform: 'slack',
      async deliver(notice) {
        if (outcomes.shift() === 'fail') {
          throw new ProtocolBotError('delivery_failed', 'Slack answered 503', { retryable: true });
        }
        sent.push(notice.id);
      },
    });
    const first = await handoff.cases.openCase(bullyingRequest({ eventId: 'first' }));
    expect(await handoff.dispatcher.drainOnce()).toBe(0);
    expect(await handoff.dispatcher.drainOnce()).toBe(0); // not due until the backoff has passed
    clock.advance(1_000);
    expect(await handoff.dispatcher.drainOnce()).toBe(1);
    expect(await handoff.dispatcher.drainOnce()).toBe(0);
    const second = await handoff.cases.openCase(bullyingRequest({ eventId: 'second' }));
    await handoff.dispatcher.drainOnce();
    clock.advance(1_000);
    await handoff.dispatcher.drainOnce();
    const kinds = async (reference: string) =>
      (await handoff.cases.history(reference)).map((event) => event.kind);
    expect(await kinds(first.reference)).toEqual(['opened', 'notice_queued', 'notice_delivered']);
    expect(await kinds(second.reference)).toEqual(['opened', 'notice_queued', 'notice_failed']);
    expect(sent).toHaveLength(1);
  });

  it('renews, retries, gives up on and purges inbox deliveries', async () => {
    const clock = movableClock('2026-11-27T19:45:00Z');
    const handoff = await backend.open({ clock });
    const lease = { workerId: 'replica-a', leaseMs: 30_000 };
    const item = (deliveryId: string) => ({
      platform: 'teams',
      deliveryId,
      payload: { text: 'Can officers attend political group meetings?' },
      replyTo: { conversation: 'a:1' },
      receivedAt: clock.now(),
    });
    const { entry } = await handoff.inbox.accept(item('conversation:1'), lease);
    expect(await handoff.inbox.renewLease(entry.id, lease)).toBe(true);
    expect(await handoff.inbox.renewLease(entry.id, { ...lease, workerId: 'replica-b' })).toBe(false);
    await handoff.inbox.markFailed(entry.id, lease.workerId, {
      error: 'connector 502',
      retryAt: new Date(clock.now().getTime() + 5_000),
    });
    expect(await handoff.inbox.claimBatch(lease, 10, ['teams'])).toEqual([]);
    clock.advance(5_000);
    const [again] = await handoff.inbox.claimBatch(lease, 10, ['teams']);
    expect(again).toMatchObject({ deliveryId: 'conversation:1', attempts: 2, lastError: 'connector 502' });
    await handoff.inbox.markFailed(entry.id, lease.workerId, { error: 'connector 403' });
    expect(await handoff.inbox.pendingCount()).toBe(0);
    const done = await handoff.inbox.accept(item('conversation:2'), lease);
    await handoff.inbox.markDone(done.entry.id);
    clock.advance(86_400_000);
    expect(await handoff.inbox.purgeFinished(new Date(clock.now().getTime() - 3_600_000))).toBe(2);
    expect((await handoff.inbox.accept(item('conversation:2'))).fresh).toBe(true);
  });
});
