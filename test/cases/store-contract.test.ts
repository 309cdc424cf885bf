import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type HandoffRuntime, openHandoff } from '../../src/cases/open-handoff.js';
import { redactForPublic, withheldText } from '../../src/cases/redact-for-public.js';
import {
  bullyingRequest,
  movableClock,
  recordingLogger,
  tempDataDir,
  testConfig,
} from './handoff-test-kit.js';

const monitoringOfficer = { platform: 'cli', userId: 'pshah', displayName: 'Priya Shah' };

describe('CaseService', () => {
  let data: ReturnType<typeof tempDataDir>;
  let clock: ReturnType<typeof movableClock>;
  let handoff: HandoffRuntime;

  beforeEach(() => {
    data = tempDataDir();
    // Friday 27 November 2026, 19:45 in London (GMT).
    clock = movableClock('2026-11-27T19:45:00Z');
    handoff = openHandoff({ config: testConfig(data.dir), clock, logger: recordingLogger() });
  });

  afterEach(() => {
    handoff.close();
    data.cleanup();
  });

  it('opens a case with a yearly reference, the due date in working days and the Monitoring Officer', async () => {
    const opened = await handoff.cases.openCase(bullyingRequest());
    expect(opened).toEqual({ reference: 'MO-2026-0001', dueDate: '2026-12-01', assignee: 'Priya Shah' });
    const record = handoff.cases.get('MO-2026-0001');
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
    expect(handoff.cases.list()).toHaveLength(1);
    expect(handoff.cases.history(first.reference).filter((event) => event.kind === 'opened')).toHaveLength(1);
  });

  it('opens a separate case for each question without an event id (CLI)', async () => {
    const request = bullyingRequest();
    delete request.question.eventId;
    await handoff.cases.openCase(request);
    await handoff.cases.openCase(request);
    expect(handoff.cases.list()).toHaveLength(2);
  });

  it('routes to the deputy when the Monitoring Officer is the subject', async () => {
    const opened = await handoff.cases.openCase(bullyingRequest({ concernsMonitoringOfficer: true }));
    expect(opened.assignee).toBe('Tom Evans');
    expect(handoff.cases.get(opened.reference).assigneeRole).toBe('deputy');
  });

  it('routes to the deputy while the Monitoring Officer is absent', async () => {
    handoff.close();
    handoff = openHandoff({
      config: testConfig(data.dir, { MONITORING_OFFICER_ABSENT: 'true', SERVICE_STANDARD_WORKING_DAYS: '5' }),
      clock,
      logger: recordingLogger(),
    });
    const opened = await handoff.cases.openCase(bullyingRequest());
    // Friday 27 Nov + 5 working days = Friday 4 Dec.
    expect(opened).toEqual({ reference: 'MO-2026-0001', dueDate: '2026-12-04', assignee: 'Tom Evans' });
  });

  it('queues the case_opened notice in the same transaction as the case, one per notice platform', async () => {
    handoff.close();
    handoff = openHandoff({
      config: testConfig(data.dir),
      clock,
      logger: recordingLogger(),
      noticePlatforms: ['log', 'slack'],
    });
    const { reference } = await handoff.cases.openCase(bullyingRequest());
    const queued = handoff.cases.history(reference).filter((event) => event.kind === 'notice_queued');
    expect(queued.map((event) => event.detail.platform)).toEqual(['log', 'slack']);
  });

  it('walks open → claimed → answered → closed with a full history', async () => {
    const { reference } = await handoff.cases.openCase(bullyingRequest());
    clock.advance(3_600_000);
    const claimed = handoff.cases.claim(reference, monitoringOfficer);
    expect(claimed).toMatchObject({ status: 'claimed', claimedBy: monitoringOfficer });
    expect(claimed.firstResponseAt).toBe('2026-11-27T20:45:00.000Z');
    clock.advance(3_600_000);
    const answered = handoff.cases.answer(
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
    const closed = handoff.cases.close(reference, monitoringOfficer, 'Resolved informally');
    expect(closed.status).toBe('closed');
    const history = handoff.cases.history(reference);
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

  it('answers straight from open and closes from any earlier status', async () => {
    const first = await handoff.cases.openCase(bullyingRequest({ eventId: '1' }));
    expect(handoff.cases.answer(first.reference, monitoringOfficer, 'Yes.').status).toBe('answered');
    const second = await handoff.cases.openCase(bullyingRequest({ eventId: '2' }));
    expect(handoff.cases.close(second.reference, monitoringOfficer).status).toBe('closed');
  });

  it('rejects invalid transitions with case_invalid_transition and changes nothing', async () => {
    const { reference } = await handoff.cases.openCase(bullyingRequest());
    handoff.cases.claim(reference, monitoringOfficer);
    expect(() => handoff.cases.claim(reference, { platform: 'slack', userId: 'U999' })).toThrowError(
      expect.objectContaining({
        code: 'case_invalid_transition',
        message: expect.stringContaining('Priya Shah'),
      }),
    );
    handoff.cases.close(reference, monitoringOfficer);
    expect(() => handoff.cases.close(reference, monitoringOfficer)).toThrowError(
      expect.objectContaining({
        code: 'case_invalid_transition',
        message: expect.stringContaining('already closed'),
      }),
    );
    expect(() => handoff.cases.answer(reference, monitoringOfficer, 'late')).toThrowError(
      expect.objectContaining({ code: 'case_invalid_transition' }),
    );
    expect(handoff.cases.history(reference).filter((event) => event.kind === 'closed')).toHaveLength(1);
  });

  it('rejects an empty answer', async () => {
    const { reference } = await handoff.cases.openCase(bullyingRequest());
    expect(() => handoff.cases.answer(reference, monitoringOfficer, '   ')).toThrowError(
      expect.objectContaining({ code: 'input_invalid' }),
    );
    expect(handoff.cases.get(reference).status).toBe('open');
  });

  it('reports an unknown reference as case_not_found naming the reference', () => {
    for (const action of [
      () => handoff.cases.get('MO-2026-0099'),
      () => handoff.cases.claim('MO-2026-0099', monitoringOfficer),
      () => handoff.cases.history('MO-2026-0099'),
    ]) {
      expect(action).toThrowError(
        expect.objectContaining({ code: 'case_not_found', message: expect.stringContaining('MO-2026-0099') }),
      );
    }
  });

  it('accepts a reference typed in lower case', async () => {
    await handoff.cases.openCase(bullyingRequest());
    expect(handoff.cases.get(' mo-2026-0001 ').reference).toBe('MO-2026-0001');
  });

  it('lists by status and overdue (open or claimed past the due date, by the London date)', async () => {
    const a = await handoff.cases.openCase(bullyingRequest({ eventId: 'a' }));
    const b = await handoff.cases.openCase(bullyingRequest({ eventId: 'b' }));
    const c = await handoff.cases.openCase(bullyingRequest({ eventId: 'c' }));
    handoff.cases.claim(b.reference, monitoringOfficer);
    handoff.cases.answer(c.reference, monitoringOfficer, 'Done.');
    expect(handoff.cases.list({ status: 'open' }).map((record) => record.reference)).toEqual([a.reference]);
    expect(handoff.cases.list({ status: 'claimed' }).map((record) => record.reference)).toEqual([
      b.reference,
    ]);
    // Due Tuesday 1 December: not overdue that day, overdue on Wednesday.
    clock.set('2026-12-01T23:59:00Z');
    expect(handoff.cases.list({ status: 'overdue' })).toEqual([]);
    clock.set('2026-12-02T09:00:00Z');
    expect(handoff.cases.list({ status: 'overdue' }).map((record) => record.reference)).toEqual([
      a.reference,
      b.reference,
    ]);
  });

  it('survives a restart: cases, history and sequence are durable', async () => {
    await handoff.cases.openCase(bullyingRequest({ eventId: 'a' }));
    handoff.close();
    handoff = openHandoff({ config: testConfig(data.dir), clock, logger: recordingLogger() });
    expect(handoff.cases.get('MO-2026-0001').eventId).toBe('a');
    expect((await handoff.cases.openCase(bullyingRequest({ eventId: 'a' }))).reference).toBe('MO-2026-0001');
    expect((await handoff.cases.openCase(bullyingRequest({ eventId: 'b' }))).reference).toBe('MO-2026-0002');
  });
});

describe('redactForPublic', () => {
  it('withholds the question and answer of a sensitive case, and keeps a non-sensitive one whole', async () => {
    const data = tempDataDir();
    const handoff = openHandoff({
      config: testConfig(data.dir),
      clock: movableClock('2026-11-23T10:00:00Z'),
      logger: recordingLogger(),
    });
    try {
      const sensitive = await handoff.cases.openCase(bullyingRequest({ eventId: 's' }));
      handoff.cases.answer(sensitive.reference, monitoringOfficer, 'Please call me.');
      const redacted = redactForPublic(handoff.cases.get(sensitive.reference));
      expect(redacted.question).toBe(withheldText);
      expect(redacted.answer).toBe(withheldText);
      expect(redacted.replyTo).toBeNull();
      expect(JSON.stringify(redacted)).not.toContain('shouting');

      const plain = await handoff.cases.openCase(bullyingRequest({ eventId: 'p', sensitive: false }));
      const kept = redactForPublic(handoff.cases.get(plain.reference));
      expect(kept.question).toContain('shouting');
    } finally {
      handoff.close();
      data.cleanup();
    }
  });
});
