// The answering pipeline: question, answer schema, policy, composers, replies, citations.
// The folder's public surface: code outside it imports from here, never from its files.

export type { Answer, AnswerWarning, Citation, Decision } from './answer-schema.js';
export { citationSchema, decisionSchema } from './answer-schema.js';
export { answerBody, appendWarnings } from './answer-warnings.js';
export type { AnsweringPipeline } from './answering-pipeline.js';
export { clauseReference, formatQuote } from './citation-format.js';
export type { ComposedAnswer, ComposeInput, Composer, QuestionCondenser } from './composer.js';
export { createAnsweringPipeline } from './create-pipeline.js';
export type { DecisionClassifier, DecisionEstimate, RetrievalFound } from './decision/decision-classifier.js';
export { decisionFeatures, type FeatureSettings } from './decision/decision-features.js';
export {
  type DecisionModelFile,
  defaultDecisionModelPath,
  hashOfTexts,
  loadDecisionModel,
  packFloats,
  unpackFloats,
} from './decision/decision-model-file.js';
export { openDecisionClassifier } from './decision/open-decision-classifier.js';
export { namesClause, ownWords, readsEvidence } from './decision/own-words.js';
export {
  type EvidenceScaling,
  evidenceNames,
  fitEvidenceScaling,
  retrievalEvidence,
} from './decision/retrieval-evidence.js';
export { createExtractiveComposer } from './extractive-composer.js';
export { createRuleCondenser } from './follow-up-condenser.js';
export type { HandoffPort, HandoffRequest, OpenedCase } from './handoff-port.js';
export { readingForm } from './input-cleaning.js';
export { createPolicyEngine, loadPolicyFile } from './policy/policy-engine.js';
export type { PolicyRule } from './policy/policy-rule.js';
export type { Asker, Question } from './question.js';
export { formatDueDate, remit } from './replies.js';
