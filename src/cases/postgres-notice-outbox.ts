import type { Notice, NoticeOutbox } from './case-types.js';
import { appendPostgresCaseEvent } from './postgres-case-events.js';
import type { PostgresDatabase } from './postgres-database.js';

interface OutboxRow {
  id: string;
  kind: Notice['kind'];
  platform: string;
  case_reference: string;
  attempts: number;
}

/**
 * The notice outbox in PostgreSQL, worked by every replica at once. A claim takes due rows with
 * `FOR UPDATE SKIP LOCKED`, so two replicas polling together lease disjoint notices without waiting on each other;
 * the lease expiry hands a dead replica's notices to the next poll of a live one.
 */
export function createPostgresNoticeOutbox(database: PostgresDatabase): NoticeOutbox {
  return {
    async claimDue({ platforms, now, leaseMs, limit }) {
      if (platforms.length === 0) return [];
      const at = now.toISOString();
      const rows = await database.query<OutboxRow>(
        'claim queued notices',
        `UPDATE outbox SET state = 'delivering', attempts = attempts + 1, lease_expires_at = $1
         WHERE id IN (
           SELECT id FROM outbox
           WHERE platform = ANY($2)
             AND ((state = 'pending' AND next_attempt_at <= $3) OR (state = 'delivering' AND lease_expires_at <= $3))
           ORDER BY id LIMIT $4
           FOR UPDATE SKIP LOCKED)
         RETURNING id, kind, platform, case_reference, attempts`,
        [new Date(now.getTime() + leaseMs).toISOString(), platforms, at, limit],
      );
      return rows
        .map((row) => ({
          id: Number(row.id),
          kind: row.kind,
          platform: row.platform,
          caseReference: row.case_reference,
          attempts: row.attempts,
        }))
        .sort((a, b) => a.id - b.id);
    },

    async markDelivered(notice, at) {
      await database.transaction('mark a notice delivered', async (client) => {
        await client.query(
          `UPDATE outbox SET state = 'delivered', delivered_at = $1, lease_expires_at = NULL, last_error = NULL
           WHERE id = $2`,
          [at.toISOString(), notice.id],
        );
        await appendPostgresCaseEvent(client, {
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
    },

    async scheduleRetry(notice, nextAttemptAt, error) {
      await database.query(
        'reschedule a notice',
        `UPDATE outbox SET state = 'pending', next_attempt_at = $1, lease_expires_at = NULL, last_error = $2
         WHERE id = $3`,
        [nextAttemptAt.toISOString(), error, notice.id],
      );
    },

    async markFailed(notice, at, error) {
      await database.transaction('record a failed notice', async (client) => {
        await client.query(
          `UPDATE outbox SET state = 'failed', lease_expires_at = NULL, last_error = $1 WHERE id = $2`,
          [error, notice.id],
        );
        await appendPostgresCaseEvent(client, {
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
    },
  };
}
