import type { Citation } from '../answer/answer-schema.js';
import type { HandoffPort } from '../answer/handoff-port.js';
import type { Asker } from '../answer/question.js';

/** Lifecycle of a case: open → claimed → answered → closed (closing is allowed from any earlier state). */
export type CaseStatus = 'open' | 'claimed' | 'answered' | 'closed';

/** Who acted on a case (the Monitoring Officer, a deputy, or the CLI user). */
export interface Actor {
  platform: string;
  userId: string;
  displayName?: string;
}

/** A case for the Monitoring Officer, as stored. */
export interface CaseRecord {
  /** `MO-2026-0001`. */
  reference: string;
  status: CaseStatus;
  asker: Asker;
  /** Opaque platform reply target (channel + thread, conversation reference). */
  replyTo: Record<string, unknown> | null;
  /** Whether it was asked in a public channel. */
  publicChannel: boolean;
  question: string;
  reason: string;
  topic: string;
  sensitive: boolean;
  /** Clauses retrieved as interim guidance. */
  citations: Citation[];
  /** Name of the officer the case is assigned to. */
  assignee: string;
  /** Whether it went to the Monitoring Officer or the deputy. */
  assigneeRole: 'monitoring_officer' | 'deputy';
  /** YYYY-MM-DD, in working days from creation. */
  dueDate: string;
  /** ISO timestamps. */
  createdAt: string;
  updatedAt: string;
  claimedBy: Actor | null;
  /** The Monitoring Officer's answer, once given. */
  answer: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  /** Platform event id that created the case (idempotency key). */
  eventId: string | null;
  /** ISO timestamp of the first claim or answer (time to first response, for the annual report). */
  firstResponseAt?: string | null;
}

/** One entry of a case's history. */
export interface CaseEvent {
  at: string;
  kind: string;
  actor: Actor | null;
  detail: Record<string, unknown>;
}

/** What the Monitoring Officer's tools (CLI, Slack, Teams) can do with cases. */
export interface CaseService extends HandoffPort {
  get(reference: string): CaseRecord;
  list(filter?: { status?: CaseStatus | 'overdue' }): CaseRecord[];
  claim(reference: string, actor: Actor): CaseRecord;
  answer(reference: string, actor: Actor, text: string): CaseRecord;
  close(reference: string, actor: Actor, note?: string): CaseRecord;
  history(reference: string): CaseEvent[];
}

/** A queued notice: to the Monitoring Officer (case opened) or to the asker (case answered). */
export interface Notice {
  id: number;
  kind: 'case_opened' | 'case_answered' | 'case_closed';
  /** Which deliverer must send it (`slack`, `teams`, `log`). */
  platform: string;
  caseReference: string;
  attempts: number;
}

/** Sends notices on one platform; throws a retryable ProtocolBotError to be tried again later. */
export interface NoticeDeliverer {
  readonly platform: string;
  deliver(notice: Notice, record: CaseRecord): Promise<void>;
}

/** A question as logged for the annual report (text purged after the retention period). */
export interface QuestionLogEntry {
  platform: string;
  userId?: string;
  question: string;
  decision: string;
  citations: Citation[];
  caseReference?: string;
}

/** The question log and the feedback given on answers. */
export interface QuestionLog {
  /** Returns the id used by feedback buttons. */
  record(entry: QuestionLogEntry): string;
  recordFeedback(
    questionId: string,
    feedback: { rating: 'up' | 'down'; userId: string; comment?: string },
  ): void;
}
