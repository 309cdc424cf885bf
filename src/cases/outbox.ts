import type { Actor, Notice } from './case-types.js';
import type { CaseDatabase } from './open-case-database.js';

/** Kinds of notice the outbox carries. */
export type NoticeKind = Notice['kind'];

/** An `outbox` row as SQLite returns it. */
interface OutboxRow {
  id: number;
  kind: NoticeKind;
  platform: string;
  case_reference: string;
  attempts: number;
}

/**
 * Appends one history event. Called inside the transaction that changes the case, so the history never
 * disagrees with the case.
 */
export function appendCaseEvent(
  db: CaseDatabase,
  event: {
    reference: string;
    at: string;
    kind: string;
    actor: Actor | null;
    detail?: Record<string, unknown>;
  },
): void {
  db.prepare('INSERT INTO case_events (case_reference, at, kind, actor, detail) VALUES (?, ?, ?, ?, ?)').run(
    event.reference,
    event.at,
    event.kind,
    event.actor === null ? null : JSON.stringify(event.actor),
    JSON.stringify(event.detail ?? {}),
  );
}

/**
 * Queues a notice. Callers run it inside the same transaction that writes the case, so a case never exists
 * without its notice and a notice never exists without its case (the transactional outbox).
 */
export function enqueueNotice(
  db: CaseDatabase,
  notice: { reference: string; kind: NoticeKind; platform: string; at: string },
): number {
  const result = db
    .prepare(
      `INSERT INTO outbox (case_reference, kind, platform, state, attempts, next_attempt_at, created_at)
       VALUES (?, ?, ?, 'pending', 0, ?, ?)`,
    )
    .run(notice.reference, notice.kind, notice.platform, notice.at, notice.at);
  appendCaseEvent(db, {
    reference: notice.reference,
    at: notice.at,
    kind: 'notice_queued',
    actor: null,
    detail: { noticeId: Number(result.lastInsertRowid), notice: notice.kind, platform: notice.platform },
  });
  return Number(result.lastInsertRowid);
}

/**
 * Takes a lease on the notices due now on the given platforms: pending ones whose next attempt has come, and
 * `delivering` ones whose lease expired (their process died mid-delivery). The lease stops a second process from
 * sending the same notice while the first is still trying. One IMMEDIATE transaction, so two dispatchers never
 * claim the same row.
 */
export function claimDueNotices(
  db: CaseDatabase,
  options: { platforms: string[]; now: Date; leaseMs: number; limit: number },
): Notice[] {
  if (options.platforms.length === 0) return [];
  const now = options.now.toISOString();
  const leaseExpiresAt = new Date(options.now.getTime() + options.leaseMs).toISOString();
  const marks = options.platforms.map(() => '?').join(', ');
  const claim = db.transaction((): Notice[] => {
    const rows = db
      .prepare(
        `SELECT id, kind, platform, case_reference, attempts FROM outbox
         WHERE platform IN (${marks})
           AND ((state = 'pending' AND next_attempt_at <= ?) OR (state = 'delivering' AND lease_expires_at <= ?))
         ORDER BY id LIMIT ?`,
      )
      .all(...options.platforms, now, now, options.limit) as OutboxRow[];
    const lease = db.prepare(
      `UPDATE outbox SET state = 'delivering', attempts = attempts + 1, lease_expires_at = ? WHERE id = ?`,
    );
    return rows.map((row) => {
      lease.run(leaseExpiresAt, row.id);
      return {
        id: row.id,
        kind: row.kind,
        platform: row.platform,
        caseReference: row.case_reference,
        attempts: row.attempts + 1,
      };
    });
  });
  return claim.immediate();
}

/** Marks a notice sent and records it in the case history. */
export function markNoticeDelivered(db: CaseDatabase, notice: Notice, at: Date): void {
  const mark = db.transaction(() => {
    db.prepare(
      `UPDATE outbox SET state = 'delivered', delivered_at = ?, lease_expires_at = NULL, last_error = NULL WHERE id = ?`,
    ).run(at.toISOString(), notice.id);
    appendCaseEvent(db, {
      reference: notice.caseReference,
      at: at.toISOString(),
      kind: 'notice_delivered',
      actor: null,
      detail: {
        noticeId: notice.id,
        notice: notice.kind,
        platform: notice.platform,
        attempts: notice.attempts,
      },
    });
  });
  mark.immediate();
}

/** Puts a notice back for another attempt at `nextAttemptAt`. */
export function scheduleNoticeRetry(
  db: CaseDatabase,
  notice: Notice,
  nextAttemptAt: Date,
  error: string,
): void {
  db.prepare(
    `UPDATE outbox SET state = 'pending', next_attempt_at = ?, lease_expires_at = NULL, last_error = ? WHERE id = ?`,
  ).run(nextAttemptAt.toISOString(), error, notice.id);
}

/**
 * Gives up on a notice: the row stays (state `failed`, never deleted) and `notice_failed` goes into the case
 * history, where `cases show` displays it, so the Monitoring Officer can follow the case up by hand.
 */
export function markNoticeFailed(db: CaseDatabase, notice: Notice, at: Date, error: string): void {
  const fail = db.transaction(() => {
    db.prepare(
      `UPDATE outbox SET state = 'failed', lease_expires_at = NULL, last_error = ? WHERE id = ?`,
    ).run(error, notice.id);
    appendCaseEvent(db, {
      reference: notice.caseReference,
      at: at.toISOString(),
      kind: 'notice_failed',
      actor: null,
      detail: {
        noticeId: notice.id,
        notice: notice.kind,
        platform: notice.platform,
        attempts: notice.attempts,
        error,
      },
    });
  });
  fail.immediate();
}
