// Eval files, metrics, gates and the report.
// The folder's public surface: code outside it imports from here, never from its files.

export { citationAcceptable, type ExpectedCitation } from '../corpus/index.js';
export type { EvalCase } from './eval-case-schema.js';
export { loadEvalFile } from './eval-case-schema.js';
export type { GateName } from './eval-gates.js';
export { checkGate, gateForFile, isGateName } from './eval-gates.js';
export { formatEvalReport } from './format-eval-report.js';
export { runEval } from './run-eval.js';
