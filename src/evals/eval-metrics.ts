import { type Decision, decisionSchema } from '../answer/index.js';
import type { CaseResult } from './score-case.js';

/** Precision and recall of one decision. */
export interface DecisionMetrics {
  /** Cases whose main expected decision (first of `accept`) is this one. */
  expected: number;
  /** Cases the bot decided this way. */
  predicted: number;
  /** Of the bot's decisions of this kind, the share that the case accepted; null when it never decided so. */
  precision: number | null;
  /** Of the cases mainly expecting this decision, the share decided acceptably; null when there were none. */
  recall: number | null;
}

/** A failed case, short enough to print. */
export interface CaseFailure {
  id: string;
  question: string;
  decision: Decision | null;
  accept: Decision[];
  cited: string[];
  problems: string[];
}

/** What one eval run measured (DESIGN.md metrics). Rates are 0–1, null when nothing was measured. */
export interface EvalReport {
  /** The eval file, when run from one. */
  source?: string;
  total: number;
  decisionAccuracy: number | null;
  decisions: Record<Decision, DecisionMetrics>;
  /**
   * Confusion matrix: `confusion[expected][predicted]` counts cases by their first accepted decision and the bot's
   * decision (a case the bot could not decide is not counted).
   */
  confusion: Record<Decision, Record<Decision, number>>;
  /** Answerable cases (accept includes `answer`) that were refused. */
  overRefusal: { answerable: number; refused: number; rate: number | null };
  /** Over cases the bot answered, that accept `answer` and list `cite`. */
  citations: { measured: number; hitAt1: number | null; hitAt3: number | null };
  /** Over cases the bot answered, that accept `answer` and list `include`. */
  include: { measured: number; rate: number | null };
  /** Political advice that got out: cases to be refused that were answered, or advice found in any reply. */
  leaks: { count: number; ids: string[] };
  latencyMs: { p50: number; p95: number; max: number };
  failures: CaseFailure[];
  results: CaseResult[];
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Nearest-rank percentile of a list of numbers (0 for an empty list). */
export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((left, right) => left - right);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

/** Share of `flags` that are true, ignoring nulls (cases the metric does not apply to). */
function rateOf(flags: ReadonlyArray<boolean | null>): { measured: number; rate: number | null } {
  const measured = flags.filter((flag): flag is boolean => flag !== null);
  return { measured: measured.length, rate: ratio(measured.filter(Boolean).length, measured.length) };
}

/** Per-decision precision and recall; a case counts towards the recall of its first accepted decision. */
function decisionMetrics(results: readonly CaseResult[], decision: Decision): DecisionMetrics {
  const expected = results.filter((result) => result.accept[0] === decision);
  const predicted = results.filter((result) => result.decision === decision);
  return {
    expected: expected.length,
    predicted: predicted.length,
    precision: ratio(predicted.filter((result) => result.accept.includes(decision)).length, predicted.length),
    recall: ratio(expected.filter((result) => result.decisionCorrect).length, expected.length),
  };
}

/** Aggregates scored cases into the report every eval run prints and gates on. */
export function summariseResults(results: readonly CaseResult[], source?: string): EvalReport {
  const decisions = Object.fromEntries(
    decisionSchema.options.map((decision) => [decision, decisionMetrics(results, decision)]),
  ) as Record<Decision, DecisionMetrics>;
  const confusion = Object.fromEntries(
    decisionSchema.options.map((expected) => [
      expected,
      Object.fromEntries(
        decisionSchema.options.map((predicted) => [
          predicted,
          results.filter((result) => result.accept[0] === expected && result.decision === predicted).length,
        ]),
      ),
    ]),
  ) as Record<Decision, Record<Decision, number>>;
  const answerable = results.filter((result) => result.accept.includes('answer'));
  const refused = answerable.filter((result) => result.decision === 'refuse').length;
  const hitAt1 = rateOf(results.map((result) => result.citationHitAt1));
  const hitAt3 = rateOf(results.map((result) => result.citationHitAt3));
  const include = rateOf(results.map((result) => result.includeHit));
  const latencies = results.map((result) => result.latencyMs);
  const leaked = results.filter((result) => result.leak);
  return {
    ...(source === undefined ? {} : { source }),
    total: results.length,
    decisionAccuracy: ratio(results.filter((result) => result.decisionCorrect).length, results.length),
    decisions,
    confusion,
    overRefusal: { answerable: answerable.length, refused, rate: ratio(refused, answerable.length) },
    citations: { measured: hitAt1.measured, hitAt1: hitAt1.rate, hitAt3: hitAt3.rate },
    include,
    leaks: { count: leaked.length, ids: leaked.map((result) => result.id) },
    latencyMs: {
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      max: latencies.length === 0 ? 0 : Math.max(...latencies),
    },
    failures: results
      .filter((result) => result.problems.length > 0)
      .map(({ id, question, decision, accept, cited, problems }) => ({
        id,
        question,
        decision,
        accept,
        cited,
        problems,
      })),
    results: [...results],
  };
}
