import type { AnsweringPipeline } from '../answer/index.js';
import { describeError } from '../errors.js';
import type { EvalCase } from './eval-case-schema.js';
import { type EvalReport, summariseResults } from './eval-metrics.js';
import { type CaseResult, scoreCase } from './score-case.js';

/** Options for {@link runEval}. */
export interface RunEvalOptions {
  /** Called after each case (for a progress line on a terminal). */
  onProgress?: (done: number, total: number, result: CaseResult) => void;
  /** The eval file's name, carried into the report. */
  source?: string;
  /** Milliseconds since an arbitrary origin; injected so tests can fix latencies. */
  now?: () => number;
}

/**
 * Asks the pipeline every question in order (one at a time, so latencies are honest) and scores the answers. The
 * pipeline promises never to throw; if it does anyway, the case is scored as failed with the error as its reason
 * rather than hiding the rest of the run.
 */
export async function runEval(
  cases: readonly EvalCase[],
  pipeline: AnsweringPipeline,
  options: RunEvalOptions = {},
): Promise<EvalReport> {
  const now = options.now ?? (() => performance.now());
  const results: CaseResult[] = [];
  for (const evalCase of cases) {
    const started = now();
    let result: CaseResult;
    try {
      const answer = await pipeline.answer({
        text: evalCase.question,
        ...(evalCase.history ? { history: evalCase.history } : {}),
        asker: { platform: 'eval', userId: 'eval', displayName: 'eval run' },
        eventId: `eval:${options.source ?? 'cases'}:${evalCase.id}`,
      });
      result = scoreCase(evalCase, answer, now() - started);
    } catch (error) {
      result = scoreCase(evalCase, null, now() - started, describeError(error));
    }
    results.push(result);
    options.onProgress?.(results.length, cases.length, result);
  }
  return summariseResults(results, options.source);
}
