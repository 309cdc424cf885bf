import { z } from 'zod';
import type { Actor, CaseEvent, CaseRecord, HandoffRuntime } from '../../cases/index.js';
import type { CliIo } from '../../channels/terminal/index.js';
import { type Clause, parseClauseList } from '../../corpus/index.js';
import { ProtocolBotError } from '../../errors.js';
import { parseArgs } from './parse-args.js';

const casesUsage = `Usage:
  protocol-bot cases list [--status open|claimed|answered|closed | --overdue] [--json]
  protocol-bot cases show REF [--json]
  protocol-bot cases claim REF [--json]
  protocol-bot cases answer REF "reply text" [--clauses "part5c 6.2; …"] [--json]
                                       (no text: read the reply from standard input; --clauses: the clauses
                                        that answer the case, which the bot learns from)
  protocol-bot cases close REF [--note "…"] [--json]`;

const statusSchema = z.enum(['open', 'claimed', 'answered', 'closed']);

/** Codes that mean "the request was understood but cannot be done": exit 1 with the message. */
const failureCodes = new Set([
  'case_not_found',
  'case_invalid_transition',
  'input_invalid',
  'store_unavailable',
]);

/** Who is acting, how to print, and the corpus's clauses (read only when an answer names clauses). */
export interface CasesCommandOptions {
  actor: Actor;
  json: boolean;
  clauses: () => readonly Clause[];
}

/**
 * `protocol-bot cases …`: the Monitoring Officer's view of cases from a terminal (the local operator is trusted
 * to see sensitive details). Resolves with the exit code: 0 done, 1 not found / not allowed now / store down,
 * 2 usage error.
 */
export async function runCasesCommand(
  args: string[],
  io: CliIo,
  handoff: HandoffRuntime,
  options: CasesCommandOptions,
): Promise<number> {
  try {
    return await runCases(args, io, handoff, options);
  } catch (error) {
    if (!ProtocolBotError.isInstance(error)) throw error;
    if (error.code === 'usage') {
      io.stderr.write(`protocol-bot cases: ${error.message}\n${casesUsage}\n`);
      return 2;
    }
    if (failureCodes.has(error.code)) {
      io.stderr.write(`protocol-bot cases: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

async function runCases(
  args: string[],
  io: CliIo,
  handoff: HandoffRuntime,
  options: CasesCommandOptions,
): Promise<number> {
  const parsed = parseArgs(
    args,
    ['status', 'note', 'clauses'],
    ['json', 'status', 'overdue', 'note', 'clauses'],
  );
  const json = options.json || parsed.flags.has('json');
  const [subcommand, ...rest] = parsed.positional;
  const { cases } = handoff;
  const today = () => handoff.today();
  const print = (value: unknown, text: string) => {
    io.stdout.write(json ? `${JSON.stringify(value)}\n` : text);
  };
  const reference = () => {
    const [ref, ...extra] = rest;
    if (!ref)
      throw new ProtocolBotError('usage', `cases ${subcommand} needs a case reference (MO-2026-0001)`);
    if (extra.length > 0 && subcommand !== 'answer') {
      throw new ProtocolBotError('usage', `unexpected argument "${extra[0]}"`);
    }
    return ref;
  };

  switch (subcommand) {
    case 'list': {
      if (rest.length > 0) throw new ProtocolBotError('usage', `unexpected argument "${rest[0]}"`);
      const status = parsed.flags.get('status');
      if (status !== undefined && parsed.flags.has('overdue')) {
        throw new ProtocolBotError('usage', 'use either --status or --overdue, not both');
      }
      let filter: Parameters<typeof cases.list>[0] = {};
      if (parsed.flags.has('overdue')) filter = { status: 'overdue' };
      else if (status !== undefined) {
        const known = statusSchema.safeParse(status);
        if (!known.success) {
          throw new ProtocolBotError(
            'usage',
            `--status must be open, claimed, answered or closed (got "${status}")`,
          );
        }
        filter = { status: known.data };
      }
      const records = await cases.list(filter);
      print(records, formatCaseTable(records, today()));
      return 0;
    }
    case 'show': {
      const record = await cases.get(reference());
      const history = await cases.history(record.reference);
      print({ case: record, history }, formatCaseDetail(record, history, today()));
      return 0;
    }
    case 'claim': {
      const record = await cases.claim(reference(), options.actor);
      print(record, `Claimed ${record.reference}; reply due by ${record.dueDate}.\n`);
      return 0;
    }
    case 'answer': {
      const ref = reference();
      const given = rest.slice(1).join(' ');
      const text = given.trim() === '' ? await readAll(io) : given;
      if (text.trim() === '') {
        throw new ProtocolBotError(
          'usage',
          'cases answer needs the reply text (as an argument or on standard input)',
        );
      }
      const listed = parsed.flags.get('clauses');
      if (listed === true) throw new ProtocolBotError('usage', '--clauses needs a value');
      const named =
        listed === undefined
          ? { ok: true as const, clauses: [] }
          : parseClauseList(listed, options.clauses());
      if (!named.ok) throw new ProtocolBotError('usage', `--clauses: ${named.message}`);
      const record = await cases.answer(ref, options.actor, text, named.clauses);
      print(
        record,
        `Answered ${record.reference}; the reply is queued for ${record.asker.displayName ?? record.asker.userId} (${record.asker.platform}).\n`,
      );
      return 0;
    }
    case 'close': {
      const note = parsed.flags.get('note');
      if (note === true) throw new ProtocolBotError('usage', '--note needs a value');
      const record = await cases.close(reference(), options.actor, note);
      print(record, `Closed ${record.reference}.\n`);
      return 0;
    }
    case undefined:
      throw new ProtocolBotError('usage', 'cases needs a subcommand');
    default:
      throw new ProtocolBotError('usage', `unknown cases subcommand "${subcommand}"`);
  }
}

async function readAll(io: CliIo): Promise<string> {
  if (io.interactive && 'isTTY' in io.stdin && io.stdin.isTTY) {
    io.stderr.write('Type the reply, then Ctrl-D:\n');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function isOverdue(record: CaseRecord, today: string): boolean {
  return (record.status === 'open' || record.status === 'claimed') && record.dueDate < today;
}

function askerName(record: CaseRecord): string {
  return `${record.asker.displayName ?? record.asker.userId} (${record.asker.platform})`;
}

/** The `cases list` table. */
export function formatCaseTable(records: CaseRecord[], today: string): string {
  if (records.length === 0) return 'No cases.\n';
  const rows = records.map((record) => [
    record.reference,
    isOverdue(record, today) ? `${record.status} OVERDUE` : record.status,
    record.dueDate,
    record.assignee,
    `${record.topic}${record.sensitive ? ' *' : ''}`,
    askerName(record),
  ]);
  const header = ['REFERENCE', 'STATUS', 'DUE', 'ASSIGNEE', 'TOPIC', 'ASKED BY'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  const footer = rows.some((row) => row[4]?.endsWith(' *'))
    ? '\n* sensitive: keep details out of public channels\n'
    : '';
  return `${[line(header), ...rows.map(line)].join('\n')}\n${footer}`;
}

/** The `cases show` text: the case, the interim guidance, the answer and the full history. */
export function formatCaseDetail(record: CaseRecord, history: CaseEvent[], today: string): string {
  const lines = [
    `Case ${record.reference}: ${record.status}${isOverdue(record, today) ? ' (OVERDUE)' : ''}`,
    `Assigned to: ${record.assignee}${record.assigneeRole === 'deputy' ? ' (deputy)' : ''}`,
    `Due by:      ${record.dueDate}`,
    `Asked by:    ${askerName(record)} at ${record.createdAt}${record.publicChannel ? ' in a public channel' : ''}`,
    `Topic:       ${record.topic}${record.sensitive ? ' (sensitive: Monitoring Officer and deputy only)' : ''}`,
    `Reason:      ${record.reason}`,
  ];
  if (record.claimedBy) lines.push(`Claimed by:  ${record.claimedBy.displayName ?? record.claimedBy.userId}`);
  lines.push('', 'Question:', indent(record.question));
  if (record.citations.length > 0) {
    lines.push('', 'Interim guidance given:');
    for (const citation of record.citations) {
      lines.push(
        `  - ${citation.title}${citation.clause ? ` §${citation.clause}` : ''} (${citation.status})`,
      );
    }
  }
  if (record.answer !== null) lines.push('', `Answer (${record.answeredAt}):`, indent(record.answer));
  if (record.answerClauses.length > 0)
    lines.push(
      `Answered by: ${record.answerClauses.map(([document, clause]) => (clause === null ? document : `${document} §${clause}`)).join('; ')}`,
    );
  lines.push('', 'History:');
  for (const event of history) lines.push(`  ${event.at}  ${describeEvent(event)}`);
  return `${lines.join('\n')}\n`;
}

function describeEvent(event: CaseEvent): string {
  const by = event.actor
    ? ` by ${event.actor.displayName ?? event.actor.userId} (${event.actor.platform})`
    : '';
  const detail = event.detail;
  switch (event.kind) {
    case 'opened':
      return `opened${by}, assigned to ${String(detail.assignee)}, due ${String(detail.dueDate)}`;
    case 'notice_queued':
      return `${String(detail.notice)} notice #${String(detail.noticeId)} queued for ${String(detail.platform)}`;
    case 'notice_delivered':
      return `${String(detail.notice)} notice #${String(detail.noticeId)} delivered on ${String(detail.platform)}`;
    case 'notice_failed':
      return `NOTICE FAILED: ${String(detail.notice)} notice #${String(detail.noticeId)} on ${String(detail.platform)} gave up after ${String(detail.attempts)} attempt(s): ${String(detail.error)}`;
    case 'closed':
      return `closed${by}${detail.note ? `: ${String(detail.note)}` : ''}`;
    default:
      return `${event.kind}${by}`;
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
