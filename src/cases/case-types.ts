import type { Asker, Citation, HandoffPort } from '../answer/index.js';
import type { ExpectedCitation } from '../corpus/index.js';

/** A question the Monitoring Officer answered, with the clauses named as answering it. */
export interface AnsweredQuestion {
  /** The case's reference. */
  reference: string;
  question: string;
  clauses: ExpectedCitation[];
}

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
  /**
   * The clauses the Monitoring Officer named as answering the case ([document, clause], clause null for a whole
   * document); the bot learns from them (see `answeredClauses`).
   */
  answerClauses: ExpectedCitation[];
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

/**
 * What the Monitoring Officer's tools (CLI, Slack, Teams) can do with cases. Implemented on SQLite and on
 * PostgreSQL (test/cases/store-contract.test.ts holds both to the same behaviour); every method is async because
 * PostgreSQL is reached over the network.
 */
export interface CaseService extends HandoffPort {
  get(reference: string): Promise<CaseRecord>;
  list(filter?: { status?: CaseStatus | 'overdue' }): Promise<CaseRecord[]>;
  /** Cases still waiting for a reply (open or claimed) whose due date has passed, as of the clock's London date. */
  overdue(): Promise<CaseRecord[]>;
  claim(reference: string, actor: Actor): Promise<CaseRecord>;
  /** Records the answer; `clauses` (already checked against the corpus) are the ones that answer the case. */
  answer(
    reference: string,
    actor: Actor,
    text: string,
    clauses?: readonly ExpectedCitation[],
  ): Promise<CaseRecord>;
  /**
   * Every answered or closed case whose answer named clauses: its question and those clauses, oldest first — labelled
   * questions the ranker's question bank learns from.
   */
  answeredClauses(): Promise<AnsweredQuestion[]>;
  close(reference: string, actor: Actor, note?: string): Promise<CaseRecord>;
  history(reference: string): Promise<CaseEvent[]>;
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

/** A logged question as the annual report reads it (no text: the figures survive the retention purge). */
export interface LoggedQuestion {
  decision: string;
  citations: { document: string; clause: string | null; title: string }[];
  /** Salted hash of the asker's id, or null when none was given. */
  userHash: string | null;
}

/** The question log and the feedback given on answers. */
export interface QuestionLog {
  /** Returns the id used by feedback buttons. */
  record(entry: QuestionLogEntry): Promise<string>;
  recordFeedback(
    questionId: string,
    feedback: { rating: 'up' | 'down'; userId: string; comment?: string },
  ): Promise<void>;
  /**
   * Removes the text (question and feedback comments) of questions older than the retention period, keeping the
   * decision, citations and counts the annual report needs. Returns how many questions were purged.
   */
  purgeExpired(): Promise<number>;
  /** Questions asked between two London dates (inclusive) and the feedback on them, for the annual report. */
  summarise(range: { from: string; to: string }): Promise<{
    questions: LoggedQuestion[];
    feedback: { up: number; down: number };
  }>;
}

/**
 * The notice outbox as the dispatcher works it. Claims take a lease: a claimed notice is the claimer's until it
 * marks it or the lease expires, so replicas (or processes) sharing one store never send the same notice at once,
 * and a notice claimed by a process that died is taken over once its lease runs out.
 */
export interface NoticeOutbox {
  /** Leases the notices due now on `platforms` (pending and due, or `delivering` with an expired lease). */
  claimDue(options: { platforms: string[]; now: Date; leaseMs: number; limit: number }): Promise<Notice[]>;
  /** Marks a notice sent and records it in the case history. */
  markDelivered(notice: Notice, at: Date): Promise<void>;
  /** Puts a notice back for another attempt at `nextAttemptAt`. */
  scheduleRetry(notice: Notice, nextAttemptAt: Date, error: string): Promise<void>;
  /** Gives up on a notice (the row stays, state `failed`) and records `notice_failed` in the case history. */
  markFailed(notice: Notice, at: Date, error: string): Promise<void>;
}

/** A Monitoring Officer's registration of their personal Teams chat, as stored (the channel validates the shape). */
export interface StoredRegistration {
  /** AAD object id. */
  aadObjectId: string;
  /** Display name when they registered. */
  name?: string;
  /** Their personal chat's conversation reference. */
  reference: Record<string, unknown>;
  /** ISO timestamp. */
  registeredAt: string;
}

/** Monitoring Officers' Teams registrations: one per AAD object id, registering again replaces it. */
export interface RegistrationStore {
  /** Every registration, oldest first. */
  list(): Promise<StoredRegistration[]>;
  /** Stores (or replaces) a registration. */
  save(registration: StoredRegistration): Promise<void>;
}
