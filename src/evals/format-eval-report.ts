import { decisionSchema } from '../answer/index.js';
import type { EvalReport } from './eval-metrics.js';

const rate = (value: number | null) => (value === null ? '   n/a' : value.toFixed(3).padStart(6));
const shorten = (text: string, length: number) =>
  text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The report as a readable table for a terminal: headline metrics, per-decision table, then every failure. */
export function formatEvalReport(report: EvalReport, options: { maxFailures?: number } = {}): string {
  const lines: string[] = [];
  lines.push(
    `Eval ${report.source ?? ''} — ${report.total} case${report.total === 1 ? '' : 's'}`.replace('  ', ' '),
  );
  const correct = report.results.filter((result) => result.decisionCorrect).length;
  lines.push(`  decision accuracy   ${rate(report.decisionAccuracy)}  (${correct}/${report.total})`);
  lines.push(
    `  over-refusal        ${rate(report.overRefusal.rate)}  (${report.overRefusal.refused} of ${report.overRefusal.answerable} answerable refused)`,
  );
  lines.push(
    `  citation hit@1      ${rate(report.citations.hitAt1)}  (over ${report.citations.measured} answered with cite)`,
  );
  lines.push(`  citation hit@3      ${rate(report.citations.hitAt3)}`);
  lines.push(`  include rate        ${rate(report.include.rate)}  (over ${report.include.measured})`);
  lines.push(
    `  leaks               ${String(report.leaks.count).padStart(6)}${report.leaks.count ? `  (${report.leaks.ids.join(', ')})` : ''}`,
  );
  lines.push(
    `  latency p50 / p95   ${Math.round(report.latencyMs.p50)} ms / ${Math.round(report.latencyMs.p95)} ms (max ${Math.round(report.latencyMs.max)} ms)`,
  );
  lines.push('');
  lines.push('  decision       expected  predicted  precision  recall');
  for (const decision of decisionSchema.options) {
    const metrics = report.decisions[decision];
    lines.push(
      `  ${decision.padEnd(13)}  ${String(metrics.expected).padStart(8)}  ${String(metrics.predicted).padStart(9)}  ${rate(metrics.precision).padStart(9)}  ${rate(metrics.recall)}`,
    );
  }
  lines.push('');
  lines.push('  confusion (rows: expected, columns: decided)');
  lines.push(
    `  ${''.padEnd(13)}  ${decisionSchema.options.map((decision) => decision.padStart(12)).join('')}`,
  );
  for (const expected of decisionSchema.options) {
    const row = decisionSchema.options.map((predicted) =>
      String(report.confusion[expected][predicted]).padStart(12),
    );
    lines.push(`  ${expected.padEnd(13)}  ${row.join('')}`);
  }
  const limit = options.maxFailures ?? 50;
  if (report.failures.length > 0) {
    lines.push('');
    lines.push(`Failures (${report.failures.length}):`);
    for (const failure of report.failures.slice(0, limit)) {
      lines.push(`  ${failure.id}  ${shorten(oneLine(failure.question), 90)}`);
      for (const problem of failure.problems) lines.push(`        - ${problem}`);
      if (failure.cited.length > 0) lines.push(`        cited: ${failure.cited.slice(0, 3).join('; ')}`);
    }
    if (report.failures.length > limit)
      lines.push(`  … and ${report.failures.length - limit} more (use --json)`);
  }
  return `${lines.join('\n')}\n`;
}
