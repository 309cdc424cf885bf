import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runReportCommand } from '../../src/app/commands/report-command.js';
import { type HandoffRuntime, openHandoff } from '../../src/cases/open-handoff.js';
import {
  bullyingRequest,
  captureIo,
  movableClock,
  recordingLogger,
  responseTimesClause,
  tempDataDir,
  testConfig,
} from './handoff-test-kit.js';

const officer = { platform: 'cli', userId: 'pshah' };
const politicalGroups = {
  document: 'part5c',
  clause: '9.1',
  title: 'Constitution Part 5C: Member/Officer Protocol',
  status: 'adopted',
  quote: 'Officers may be asked to brief political groups.',
};
const swaleDraft = {
  document: 'swale-draft-protocol',
  clause: '4.1',
  title: 'Swale draft protocol',
  status: 'draft',
  quote: 'Members should direct enquiries to the relevant Head of Service.',
};

describe('annual report', () => {
  let data: ReturnType<typeof tempDataDir>;
  let clock: ReturnType<typeof movableClock>;
  let handoff: HandoffRuntime;

  beforeEach(async () => {
    data = tempDataDir();
    clock = movableClock('2026-03-31T09:00:00Z');
    handoff = await openHandoff({ config: testConfig(data.dir), clock, logger: recordingLogger() });
    // Outside the range (31 March).
    await handoff.questions.record({
      platform: 'slack',
      userId: 'U0',
      question: 'q',
      decision: 'answer',
      citations: [],
    });
    await handoff.cases.openCase(bullyingRequest({ eventId: 'march' }));

    clock.set('2026-04-01T09:00:00Z'); // Wednesday
    const first = await handoff.questions.record({
      platform: 'slack',
      userId: 'U1',
      question: 'How fast must I reply?',
      decision: 'answer',
      citations: [responseTimesClause, swaleDraft],
    });
    await handoff.questions.recordFeedback(first, { rating: 'up', userId: 'U1' });
    await handoff.questions.record({
      platform: 'teams',
      userId: 'U2',
      question: 'And by phone?',
      decision: 'answer',
      citations: [responseTimesClause, { ...responseTimesClause, quote: 'second quote of the same clause' }],
    });
    await handoff.questions.record({
      platform: 'teams',
      userId: 'U2',
      question: 'Can I brief the Labour group?',
      decision: 'answer',
      citations: [politicalGroups],
    });
    await handoff.questions.record({
      platform: 'slack',
      userId: 'U3',
      question: 'Vote?',
      decision: 'refuse',
      citations: [],
    });
    const early = await handoff.cases.openCase(bullyingRequest({ eventId: 'e1' }));
    await handoff.questions.record({
      platform: 'slack',
      userId: 'U1',
      question: 'shouting',
      decision: 'escalate',
      citations: [responseTimesClause],
      caseReference: early.reference,
    });
    const late = await handoff.cases.openCase(bullyingRequest({ eventId: 'e2', topic: 'interests' }));
    const waiting = await handoff.cases.openCase(
      bullyingRequest({ eventId: 'e3', concernsMonitoringOfficer: true }),
    );
    // Wed 1 Apr + 2 working days: Thu 2, (Good Friday 3, weekend, Easter Monday 6) Tue 7.
    expect(early.dueDate).toBe('2026-04-07');

    clock.set('2026-04-01T13:00:00Z');
    await handoff.cases.claim(early.reference, officer); // 4 hours
    clock.set('2026-04-08T09:00:00Z');
    await handoff.cases.answer(late.reference, officer, 'Declare it.'); // 168 hours, late
    await handoff.cases.close(late.reference, officer);
    void waiting;
    clock.set('2026-05-01T09:00:00Z');
  });

  afterEach(async () => {
    await handoff.close();
    data.cleanup();
  });

  it('counts questions, decisions, cited sections, cases and first responses in the range', async () => {
    const report = await handoff.report({ from: '2026-04-01', to: '2026-04-30' });
    expect(report.questions).toEqual({
      asked: 5,
      byDecision: { answer: 3, refuse: 1, escalate: 1 },
      distinctAskers: 3,
      feedback: { up: 1, down: 0 },
    });
    expect(report.topSections[0]).toMatchObject({ document: 'part5c', clause: '6.2', questions: 3 });
    expect(report.topSections.map((section) => `${section.document} ${section.clause}`)).toEqual([
      'part5c 6.2',
      'part5c 9.1',
      'swale-draft-protocol 4.1',
    ]);
    expect(report.documents).toEqual([
      { document: 'part5c', title: responseTimesClause.title, questions: 4 },
      { document: 'swale-draft-protocol', title: 'Swale draft protocol', questions: 1 },
    ]);
    expect(report.cases).toEqual({
      opened: 3,
      closed: 1,
      byTopic: { bullying: 2, interests: 1 },
      toDeputy: 1,
    });
    expect(report.firstResponse).toEqual({
      responded: 2,
      withinStandard: 1,
      late: 1,
      awaiting: 1,
      medianHours: 86,
    });
    // Claimed but unanswered past its due date still counts as overdue.
    expect(report.overdue).toEqual([
      { reference: 'MO-2026-0002', dueDate: '2026-04-07', status: 'claimed', assignee: 'Priya Shah' },
      { reference: 'MO-2026-0004', dueDate: '2026-04-07', status: 'open', assignee: 'Tom Evans' },
    ]);
  });

  it('prints the report as text and as JSON', async () => {
    const io = captureIo();
    expect(
      await runReportCommand(['--from', '2026-04-01', '--to', '2026-04-30'], io, handoff, { json: false }),
    ).toBe(0);
    const text = io.out();
    expect(text).toContain('Protocol Bot report, 2026-04-01 to 2026-04-30');
    expect(text).toContain('Questions asked: 5 (from 3 people)');
    expect(text).toMatch(/ {3}3 {2}Constitution Part 5C: Member\/Officer Protocol §6\.2 \[part5c\]/);
    expect(text).toContain('Cases opened: 3 (1 to the deputy); closed: 1');
    expect(text).toContain('within the standard: 1');
    expect(text).toContain('median time:         86 hours');
    expect(text).toContain('MO-2026-0004  due 2026-04-07  open  Tom Evans');

    const jsonIo = captureIo();
    await runReportCommand(['--from=2026-04-01', '--to=2026-04-30', '--json'], jsonIo, handoff, {
      json: false,
    });
    expect(JSON.parse(jsonIo.out())).toMatchObject({ from: '2026-04-01', cases: { opened: 3 } });
  });

  it('exits 2 for missing or malformed dates', async () => {
    for (const args of [
      [],
      ['--from', '2026-04-01'],
      ['--from', '2026-02-30', '--to', '2026-04-30'],
      ['--from', '01/04/2026', '--to', '2026-04-30'],
      ['--from', '2026-05-01', '--to', '2026-04-30'],
    ]) {
      const io = captureIo();
      expect(await runReportCommand(args, io, handoff, { json: false }), args.join(' ')).toBe(2);
      expect(io.err()).toContain('Usage: protocol-bot report');
    }
  });
});
