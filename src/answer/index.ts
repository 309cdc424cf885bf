// The answering pipeline: question, answer schema, policy, composers, replies, citations.
// The folder's public surface: code outside it imports from here, never from its files.

export type { Answer, Citation, Decision } from './answer-schema.js';
export { citationSchema, decisionSchema } from './answer-schema.js';
export type { AnsweringPipeline } from './answering-pipeline.js';
export { clauseReference, formatQuote } from './citation-format.js';
export type { ComposedAnswer, ComposeInput, Composer, QuestionCondenser } from './composer.js';
export { createAnsweringPipeline } from './create-pipeline.js';
export { createExtractiveComposer } from './extractive-composer.js';
export { createRuleCondenser } from './follow-up-condenser.js';
export type { HandoffPort, HandoffRequest, OpenedCase } from './handoff-port.js';
export { createPolicyEngine, loadPolicyFile } from './policy/policy-engine.js';
export type { Asker, Question } from './question.js';
export { formatDueDate, remit } from './replies.js';
