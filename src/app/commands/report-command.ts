import { z } from 'zod';
import type { AnnualReport, HandoffRuntime } from '../../cases/index.js';
import type { CliIo } from '../../channels/terminal/index.js';
import { ProtocolBotError } from '../../errors.js';
import { parseArgs } from './parse-args.js';

const reportUsage = 'Usage: protocol-bot report --from YYYY-MM-DD --to YYYY-MM-DD [--json]';

const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    const time = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
  });

/**
 * `protocol-bot report --from … --to …`: the figures for the Monitoring Officer's annual report, as text or JSON.
 * Resolves with 0, 1 (store unavailable) or 2 (usage error).
 */
export async function runReportCommand(
  args: string[],
  io: CliIo,
  handoff: HandoffRuntime,
  options: { json: boolean },
): Promise<number> {
  try {
    const parsed = parseArgs(args, ['from', 'to'], ['json', 'from', 'to']);
    if (parsed.positional.length > 0) {
      throw new ProtocolBotError('usage', `unexpected argument "${parsed.positional[0]}"`);
    }
    const from = readDate(parsed.flags.get('from'), 'from');
    const to = readDate(parsed.flags.get('to'), 'to');
    if (from > to) throw new ProtocolBotError('usage', `--from ${from} is after --to ${to}`);
    const report = await handoff.report({ from, to });
    io.stdout.write(
      options.json || parsed.flags.has('json') ? `${JSON.stringify(report)}\n` : formatReportText(report),
    );
    return 0;
  } catch (error) {
    if (!ProtocolBotError.isInstance(error)) throw error;
    if (error.code === 'usage') {
      io.stderr.write(`protocol-bot report: ${error.message}\n${reportUsage}\n`);
      return 2;
    }
    if (error.code === 'store_unavailable') {
      io.stderr.write(`protocol-bot report: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function readDate(value: string | true | undefined, flag: string): string {
  if (value === undefined || value === true)
    throw new ProtocolBotError('usage', `--${flag} YYYY-MM-DD is required`);
  if (!dateSchema.safeParse(value).success) {
    throw new ProtocolBotError('usage', `--${flag} must be a date written YYYY-MM-DD (got "${value}")`);
  }
  return value;
}

/** The report as text for a person. */
export function formatReportText(report: AnnualReport): string {
  const { questions, cases, firstResponse } = report;
  const lines = [
    `Protocol Bot report, ${report.from} to ${report.to}`,
    '',
    `Questions asked: ${questions.asked} (from ${questions.distinctAskers} ${questions.distinctAskers === 1 ? 'person' : 'people'})`,
  ];
  for (const [decision, count] of Object.entries(questions.byDecision).sort((a, b) => b[1] - a[1])) {
    lines.push(`  ${decision.padEnd(13)} ${count}`);
  }
  lines.push(`Feedback: ${questions.feedback.up} helpful, ${questions.feedback.down} not helpful`, '');
  lines.push('Protocol sections asked about most:');
  if (report.topSections.length === 0) lines.push('  (none)');
  for (const section of report.topSections) {
    const clause = section.clause ? ` §${section.clause}` : '';
    lines.push(`  ${String(section.questions).padStart(4)}  ${section.title}${clause} [${section.document}]`);
  }
  lines.push('Documents cited:');
  if (report.documents.length === 0) lines.push('  (none)');
  for (const document of report.documents) {
    lines.push(`  ${String(document.questions).padStart(4)}  ${document.title} [${document.document}]`);
  }
  lines.push(
    '',
    `Cases opened: ${cases.opened} (${cases.toDeputy} to the deputy); closed: ${cases.closed}`,
    ...Object.entries(cases.byTopic)
      .sort((a, b) => b[1] - a[1])
      .map(([topic, count]) => `  ${topic.padEnd(24)} ${count}`),
    '',
    `First response (claim or answer) against the standard of ${report.serviceStandardWorkingDays} working days:`,
    `  within the standard: ${firstResponse.withinStandard}`,
    `  late:                ${firstResponse.late}`,
    `  awaiting a response: ${firstResponse.awaiting}`,
    `  median time:         ${firstResponse.medianHours === null ? 'n/a' : `${firstResponse.medianHours} hours`}`,
    '',
    `Overdue cases: ${report.overdue.length}`,
    ...report.overdue.map(
      (item) => `  ${item.reference}  due ${item.dueDate}  ${item.status}  ${item.assignee}`,
    ),
  );
  return `${lines.join('\n')}\n`;
}
