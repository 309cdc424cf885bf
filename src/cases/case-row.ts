import type { ExpectedCitation } from '../corpus/index.js';
import type { Actor, AnsweredQuestion, CaseEvent, CaseRecord, CaseStatus } from './case-types.js';

/** A `cases` row as SQLite returns it. */
export interface CaseRow {
  reference: string;
  status: CaseStatus;
  asker_platform: string;
  asker_user_id: string;
  asker_display_name: string | null;
  reply_to: string | null;
  public_channel: number;
  question: string;
  reason: string;
  topic: string;
  sensitive: number;
  citations: string;
  assignee: string;
  assignee_role: CaseRecord['assigneeRole'];
  due_date: string;
  created_at: string;
  updated_at: string;
  claimed_by: string | null;
  first_response_at: string | null;
  answer: string | null;
  /** JSON [document, clause][] (schema 4 on SQLite, 2 on PostgreSQL). */
  answer_clauses: string;
  answered_at: string | null;
  closed_at: string | null;
  event_id: string | null;
}

/** A `case_events` row as SQLite returns it. */
export interface CaseEventRow {
  at: string;
  kind: string;
  actor: string | null;
  detail: string;
}

/** Maps a stored row to the CaseRecord every caller sees (JSON columns parsed; they were written by this code). */
export function toCaseRecord(row: CaseRow): CaseRecord {
  return {
    reference: row.reference,
    status: row.status,
    asker: {
      platform: row.asker_platform,
      userId: row.asker_user_id,
      ...(row.asker_display_name === null ? {} : { displayName: row.asker_display_name }),
    },
    replyTo: row.reply_to === null ? null : (JSON.parse(row.reply_to) as Record<string, unknown>),
    publicChannel: row.public_channel === 1,
    question: row.question,
    reason: row.reason,
    topic: row.topic,
    sensitive: row.sensitive === 1,
    citations: JSON.parse(row.citations) as CaseRecord['citations'],
    assignee: row.assignee,
    assigneeRole: row.assignee_role,
    dueDate: row.due_date,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    claimedBy: row.claimed_by === null ? null : (JSON.parse(row.claimed_by) as Actor),
    answer: row.answer,
    answerClauses: JSON.parse(row.answer_clauses) as CaseRecord['answerClauses'],
    answeredAt: row.answered_at,
    closedAt: row.closed_at,
    eventId: row.event_id,
    firstResponseAt: row.first_response_at,
  };
}

/** Maps a stored history row to a CaseEvent. */
export function toCaseEvent(row: CaseEventRow): CaseEvent {
  return {
    at: row.at,
    kind: row.kind,
    actor: row.actor === null ? null : (JSON.parse(row.actor) as Actor),
    detail: JSON.parse(row.detail) as Record<string, unknown>,
  };
}

/** An answered case's question and the clauses its answer named, from the two stored columns. */
export function toAnsweredQuestion(row: {
  reference: string;
  question: string;
  answer_clauses: string;
}): AnsweredQuestion {
  return {
    reference: row.reference,
    question: row.question,
    clauses: JSON.parse(row.answer_clauses) as ExpectedCitation[],
  };
}

/** The history entry of an answer: its text, and the clauses it named when there are any. */
export function answerDetail(text: string, clauses: readonly ExpectedCitation[]): Record<string, unknown> {
  return clauses.length === 0 ? { text } : { text, clauses };
}
