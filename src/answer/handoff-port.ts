import type { Citation } from './answer-schema.js';
import type { Question } from './question.js';

/** What the pipeline asks the handoff service to record when it escalates. */
export interface HandoffRequest {
  question: Question;
  /** The cleaned question text. */
  text: string;
  reason: string;
  topic: string;
  sensitive: boolean;
  /** Clauses retrieved for the question, as interim guidance for the Monitoring Officer. */
  citations: Citation[];
  /** True when the Monitoring Officer is the subject of the question (route to the deputy). */
  concernsMonitoringOfficer: boolean;
}

/** The case the handoff service opened (or found, for a retried event). */
export interface OpenedCase {
  reference: string;
  /** YYYY-MM-DD. */
  dueDate: string;
  /** Name of the officer the case is assigned to. */
  assignee: string;
}

/**
 * Implemented by the handoff service (src/handoff). The pipeline depends on this port, never on SQLite, so the
 * answering layer stays below the case layer.
 */
export interface HandoffPort {
  openCase(request: HandoffRequest): Promise<OpenedCase>;
}
