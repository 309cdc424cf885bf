import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCasesCommand } from '../../../src/app/commands/cases-command.js';
import type { NoticeDeliverer } from '../../../src/cases/case-types.js';
import { type HandoffRuntime, openHandoff } from '../../../src/cases/open-handoff.js';
import { loadCorpus, parseCorpus } from '../../../src/corpus/index.js';
import { ProtocolBotError } from '../../../src/errors.js';
import {
  bullyingRequest,
  captureIo,
  movableClock,
  recordingLogger,
  tempDataDir,
  testConfig,
} from '../../cases/handoff-test-kit.js';

const actor = { platform: 'cli', userId: 'pshah', displayName: 'Priya Shah' };
const shippedClauses = parseCorpus(loadCorpus('corpus'));

describe('protocol-bot cases', () => {
  let data: ReturnType<typeof tempDataDir>;
  let clock: ReturnType<typeof movableClock>;
  let handoff: HandoffRuntime;
  const run = async (args: string[], stdin = '', json = false) => {
    const io = captureIo(stdin);
    const code = await runCasesCommand(args, io, handoff, { actor, json, clauses: () => shippedClauses });
    return { code, out: io.out(), err: io.err() };
  };

  beforeEach(async () => {
    data = tempDataDir();
    clock = movableClock('2026-11-23T10:00:00Z');
    handoff = await openHandoff({ config: testConfig(data.dir), clock, logger: recordingLogger() });
    await handoff.cases.openCase(bullyingRequest({ eventId: 'a' }));
    await handoff.cases.openCase(
      bullyingRequest({
        eventId: 'b',
        sensitive: false,
        topic: 'low_confidence',
        concernsMonitoringOfficer: true,
      }),
    );
  });

  afterEach(async () => {
    await handoff.close();
    data.cleanup();
  });

  it('lists cases as a table', async () => {
    const { code, out } = await run(['list']);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^REFERENCE\s+STATUS\s+DUE\s+ASSIGNEE\s+TOPIC\s+ASKED BY$/);
    expect(lines[1]).toMatch(
      /^MO-2026-0001\s+open\s+2026-11-25\s+Priya Shah\s+bullying \*\s+Sam Officer \(slack\)$/,
    );
    expect(lines[2]).toMatch(/^MO-2026-0002\s+open\s+2026-11-25\s+Tom Evans\s+low_confidence\s+Sam Officer/);
    expect(out).toContain('* sensitive');
  });

  it('filters by --status and --overdue, and prints JSON with --json', async () => {
    await run(['claim', 'MO-2026-0002']);
    const claimed = await run(['list', '--status', 'claimed', '--json']);
    expect(JSON.parse(claimed.out).map((record: { reference: string }) => record.reference)).toEqual([
      'MO-2026-0002',
    ]);
    clock.set('2026-11-26T09:00:00Z');
    const overdue = await run(['list', '--overdue'], '', true);
    expect(JSON.parse(overdue.out)).toHaveLength(2);
    const text = await run(['list', '--overdue']);
    expect(text.out).toMatch(/MO-2026-0001\s+open OVERDUE/);
    expect((await run(['list', '--status', 'closed'])).out).toBe('No cases.\n');
  });

  it('shows a case with its guidance and history, including a failed notice', async () => {
    const failing: NoticeDeliverer = {
      platform: 'slack',
      async deliver() {
        throw new ProtocolBotError('platform_failed', 'not_in_channel');
      },
    };
    handoff.dispatcher.register(failing);
    await run(['answer', 'MO-2026-0001', 'Please', 'call me on extension 4021.']);
    await handoff.dispatcher.drainOnce();
    const { code, out } = await run(['show', 'mo-2026-0001']);
    expect(code).toBe(0);
    expect(out).toContain('Case MO-2026-0001: answered');
    expect(out).toContain('Topic:       bullying (sensitive: Monitoring Officer and deputy only)');
    expect(out).toContain('A councillor keeps shouting at me');
    expect(out).toContain('Constitution Part 5C: Member/Officer Protocol §6.2 (adopted)');
    expect(out).toContain('Please call me on extension 4021.');
    expect(out).toMatch(
      /NOTICE FAILED: case_answered notice #\d+ on slack gave up after 1 attempt\(s\): .*not_in_channel/,
    );
    const json = JSON.parse((await run(['show', 'MO-2026-0001', '--json'])).out);
    expect(json.case.status).toBe('answered');
    expect(json.history.map((event: { kind: string }) => event.kind)).toContain('notice_failed');
  });

  it('claims, answers from standard input, and closes with a note', async () => {
    expect(await run(['claim', 'MO-2026-0001'])).toMatchObject({
      code: 0,
      out: 'Claimed MO-2026-0001; reply due by 2026-11-25.\n',
    });
    const answered = await run(['answer', 'MO-2026-0001'], 'Speak to your manager first.\n');
    expect(answered.code).toBe(0);
    expect((await handoff.cases.get('MO-2026-0001')).answer).toBe('Speak to your manager first.');
    const closed = await run(['close', 'MO-2026-0001', '--note', 'Resolved'], '', true);
    expect(JSON.parse(closed.out)).toMatchObject({ reference: 'MO-2026-0001', status: 'closed' });
    expect((await handoff.cases.history('MO-2026-0001')).at(-1)).toMatchObject({
      kind: 'closed',
      actor,
      detail: { note: 'Resolved' },
    });
  });

  it('records the clauses an answer names, checked against the corpus, and shows them', async () => {
    const answered = await run([
      'answer',
      'MO-2026-0001',
      'No. Keep a note of each call.',
      '--clauses',
      'part5c 6.2; swale-draft-protocol',
    ]);
    expect(answered.code).toBe(0);
    expect((await handoff.cases.get('MO-2026-0001')).answerClauses).toEqual([
      ['part5c', '6.2'],
      ['swale-draft-protocol', null],
    ]);
    expect((await run(['show', 'MO-2026-0001'])).out).toContain(
      'Answered by: part5c §6.2; swale-draft-protocol',
    );
    const typo = await run(['answer', 'MO-2026-0002', 'Yes.', '--clauses', 'part5c 99.9']);
    expect(typo).toMatchObject({ code: 2 });
    expect(typo.err).toContain('--clauses: part5c has no clause 99.9.');
    // Nothing was stored for the refused answer.
    expect((await handoff.cases.get('MO-2026-0002')).status).toBe('open');
  });

  it('exits 1 with a clear message for an unknown reference or an invalid transition', async () => {
    const missing = await run(['show', 'MO-2026-0404']);
    expect(missing).toMatchObject({ code: 1, out: '' });
    expect(missing.err).toContain('No case with reference MO-2026-0404 was found.');
    await run(['close', 'MO-2026-0001']);
    const again = await run(['close', 'MO-2026-0001']);
    expect(again.code).toBe(1);
    expect(again.err).toContain('Cannot close case MO-2026-0001: it is already closed.');
  });

  it('exits 2 for usage errors', async () => {
    for (const args of [
      [],
      ['frobnicate'],
      ['show'],
      ['list', '--status', 'pending'],
      ['list', '--status', 'open', '--overdue'],
      ['list', '--colour'],
      ['claim', 'MO-2026-0001', 'extra'],
    ]) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err, args.join(' ')).toContain('Usage:');
    }
    expect((await run(['answer', 'MO-2026-0001'], '   \n')).code).toBe(2);
  });
});
