import type { Clock } from '../clock.js';
import { type InboxRow, inboxColumns, inboxEntryOf } from './inbox-row.js';
import type { InboxLease, InboxStore } from './inbox-store.js';
import type { PostgresDatabase } from './postgres-database.js';

/**
 * The inbox in PostgreSQL, shared by every replica. The unique `(platform, delivery_id)` recognises a Slack retry
 * or a duplicate Teams activity whichever replica it reaches; claims take due rows with `FOR UPDATE SKIP LOCKED`,
 * so replicas lease disjoint rows, and a replica that dies leaves its rows to the others once the lease expires.
 */
export function createPostgresInboxStore(options: { database: PostgresDatabase; clock: Clock }): InboxStore {
  const { database, clock } = options;
  const expiry = (lease: InboxLease) => new Date(clock.now().getTime() + lease.leaseMs).toISOString();

  return {
    async accept(item, claimFor) {
      const at = item.receivedAt.toISOString();
      const inserted = await database.query<InboxRow>(
        'accept a delivery into the inbox',
        `INSERT INTO inbox (platform, delivery_id, payload, reply_to, state, attempts, next_attempt_at,
           lease_owner, lease_expires_at, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $7)
         ON CONFLICT (platform, delivery_id) DO NOTHING
         RETURNING ${inboxColumns}`,
        [
          item.platform,
          item.deliveryId,
          JSON.stringify(item.payload),
          JSON.stringify(item.replyTo),
          claimFor ? 'processing' : 'pending',
          claimFor ? 1 : 0,
          at,
          claimFor?.workerId ?? null,
          claimFor ? expiry(claimFor) : null,
        ],
      );
      const fresh = inserted[0];
      if (fresh) return { fresh: true, entry: inboxEntryOf(fresh) };
      const [existing] = await database.query<InboxRow>(
        'read an inbox delivery',
        `SELECT ${inboxColumns} FROM inbox WHERE platform = $1 AND delivery_id = $2`,
        [item.platform, item.deliveryId],
      );
      if (!existing) throw new Error(`inbox row ${item.platform}/${item.deliveryId} vanished`);
      return { fresh: false, entry: inboxEntryOf(existing) };
    },

    async claimBatch(lease, limit, platforms) {
      if (platforms.length === 0) return [];
      const now = clock.now().toISOString();
      const rows = await database.query<InboxRow>(
        'claim inbox deliveries',
        `UPDATE inbox SET state = 'processing', attempts = attempts + 1, lease_owner = $1, lease_expires_at = $2
         WHERE id IN (
           SELECT id FROM inbox
           WHERE platform = ANY($5)
             AND ((state = 'pending' AND next_attempt_at <= $3) OR (state = 'processing' AND lease_expires_at <= $3))
           ORDER BY id LIMIT $4
           FOR UPDATE SKIP LOCKED)
         RETURNING ${inboxColumns}`,
        [lease.workerId, expiry(lease), now, limit, [...platforms]],
      );
      return rows.map(inboxEntryOf).sort((a, b) => a.id - b.id);
    },

    async renewLease(id, lease) {
      const rows = await database.query<{ id: string }>(
        'renew an inbox lease',
        `UPDATE inbox SET lease_expires_at = $1 WHERE id = $2 AND state = 'processing' AND lease_owner = $3
         RETURNING id`,
        [expiry(lease), id, lease.workerId],
      );
      return rows.length === 1;
    },

    async markDone(id) {
      await database.query(
        'mark an inbox delivery done',
        `UPDATE inbox SET state = 'done', payload = NULL, lease_owner = NULL, lease_expires_at = NULL,
           last_error = NULL, finished_at = $1
         WHERE id = $2`,
        [clock.now().toISOString(), id],
      );
    },

    async markFailed(id, workerId, failure) {
      if (failure.retryAt) {
        await database.query(
          'mark an inbox delivery failed',
          `UPDATE inbox SET state = 'pending', next_attempt_at = $1, lease_owner = NULL, lease_expires_at = NULL,
             last_error = $2
           WHERE id = $3 AND lease_owner = $4`,
          [failure.retryAt.toISOString(), failure.error, id, workerId],
        );
        return;
      }
      await database.query(
        'mark an inbox delivery failed',
        `UPDATE inbox SET state = 'failed', lease_owner = NULL, lease_expires_at = NULL, last_error = $1,
           finished_at = $2
         WHERE id = $3 AND lease_owner = $4`,
        [failure.error, clock.now().toISOString(), id, workerId],
      );
    },

    async pendingCount() {
      const [row] = await database.query<{ count: string }>(
        'count pending inbox deliveries',
        `SELECT count(*) AS count FROM inbox WHERE state IN ('pending', 'processing')`,
      );
      return Number(row?.count ?? 0);
    },

    async purgeFinished(olderThan) {
      const rows = await database.query<{ id: string }>(
        'purge finished inbox deliveries',
        `DELETE FROM inbox WHERE state IN ('done', 'failed') AND finished_at < $1 RETURNING id`,
        [olderThan.toISOString()],
      );
      return rows.length;
    },
  };
}
