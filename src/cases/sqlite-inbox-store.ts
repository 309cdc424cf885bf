import type { Clock } from '../clock.js';
import { type InboxRow, inboxColumns, inboxEntryOf } from './inbox-row.js';
import type { InboxAcceptance, InboxEntry, InboxItem, InboxLease, InboxStore } from './inbox-store.js';
import type { CaseDatabase } from './open-case-database.js';
import { inStore } from './store-errors.js';

/**
 * The inbox in the case database (`inbox` table, migration 2). SQLite has one writer at a time, so every claim runs
 * in an IMMEDIATE transaction: two processes sharing the file never lease the same row.
 */
export function createSqliteInboxStore(options: { db: CaseDatabase; clock: Clock }): InboxStore {
  const { db, clock } = options;
  const expiry = (lease: InboxLease) => new Date(clock.now().getTime() + lease.leaseMs).toISOString();

  const byKey = (platform: string, deliveryId: string) =>
    db
      .prepare(`SELECT ${inboxColumns} FROM inbox WHERE platform = ? AND delivery_id = ?`)
      .get(platform, deliveryId) as InboxRow;

  const accept = db.transaction((item: InboxItem, claimFor: InboxLease | undefined): InboxAcceptance => {
    const at = item.receivedAt.toISOString();
    // ON CONFLICT DO NOTHING: the unique key decides, so two processes accepting the same retry cannot both win.
    const inserted = db
      .prepare(
        `INSERT INTO inbox (platform, delivery_id, payload, reply_to, state, attempts, next_attempt_at,
           lease_owner, lease_expires_at, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (platform, delivery_id) DO NOTHING`,
      )
      .run(
        item.platform,
        item.deliveryId,
        JSON.stringify(item.payload),
        JSON.stringify(item.replyTo),
        claimFor ? 'processing' : 'pending',
        claimFor ? 1 : 0,
        at,
        claimFor?.workerId ?? null,
        claimFor ? expiry(claimFor) : null,
        at,
      );
    return { fresh: inserted.changes === 1, entry: inboxEntryOf(byKey(item.platform, item.deliveryId)) };
  });

  const claimBatch = db.transaction(
    (lease: InboxLease, limit: number, platforms: readonly string[]): InboxEntry[] => {
      const now = clock.now().toISOString();
      const marks = platforms.map(() => '?').join(', ');
      const rows = db
        .prepare(
          `SELECT id FROM inbox
         WHERE platform IN (${marks})
           AND ((state = 'pending' AND next_attempt_at <= ?) OR (state = 'processing' AND lease_expires_at <= ?))
         ORDER BY id LIMIT ?`,
        )
        .all(...platforms, now, now, limit) as { id: number }[];
      const take = db.prepare(
        `UPDATE inbox SET state = 'processing', attempts = attempts + 1, lease_owner = ?, lease_expires_at = ?
       WHERE id = ? RETURNING ${inboxColumns}`,
      );
      return rows.map((row) => inboxEntryOf(take.get(lease.workerId, expiry(lease), row.id) as InboxRow));
    },
  );

  return {
    async accept(item, claimFor) {
      return inStore('accept a delivery into the inbox', () => accept.immediate(item, claimFor));
    },

    async claimBatch(lease, limit, platforms) {
      if (platforms.length === 0) return [];
      return inStore('claim inbox deliveries', () => claimBatch.immediate(lease, limit, platforms));
    },

    async renewLease(id, lease) {
      const renewed = inStore('renew an inbox lease', () =>
        db
          .prepare(
            `UPDATE inbox SET lease_expires_at = ? WHERE id = ? AND state = 'processing' AND lease_owner = ?`,
          )
          .run(expiry(lease), id, lease.workerId),
      );
      return renewed.changes === 1;
    },

    async markDone(id) {
      inStore('mark an inbox delivery done', () =>
        db
          .prepare(
            `UPDATE inbox SET state = 'done', payload = NULL, lease_owner = NULL, lease_expires_at = NULL,
               last_error = NULL, finished_at = ?
             WHERE id = ?`,
          )
          .run(clock.now().toISOString(), id),
      );
    },

    async markFailed(id, workerId, failure) {
      const now = clock.now().toISOString();
      inStore('mark an inbox delivery failed', () =>
        failure.retryAt
          ? db
              .prepare(
                `UPDATE inbox SET state = 'pending', next_attempt_at = ?, lease_owner = NULL,
                   lease_expires_at = NULL, last_error = ?
                 WHERE id = ? AND lease_owner = ?`,
              )
              .run(failure.retryAt.toISOString(), failure.error, id, workerId)
          : db
              .prepare(
                `UPDATE inbox SET state = 'failed', lease_owner = NULL, lease_expires_at = NULL, last_error = ?,
                   finished_at = ?
                 WHERE id = ? AND lease_owner = ?`,
              )
              .run(failure.error, now, id, workerId),
      );
    },

    async pendingCount() {
      return inStore('count pending inbox deliveries', () => {
        const row = db
          .prepare(`SELECT count(*) AS count FROM inbox WHERE state IN ('pending', 'processing')`)
          .get() as { count: number };
        return row.count;
      });
    },

    async purgeFinished(olderThan) {
      return inStore(
        'purge finished inbox deliveries',
        () =>
          db
            .prepare(`DELETE FROM inbox WHERE state IN ('done', 'failed') AND finished_at < ?`)
            .run(olderThan.toISOString()).changes,
      );
    },
  };
}
