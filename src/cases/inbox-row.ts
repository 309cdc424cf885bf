import type { InboxEntry, InboxState } from './inbox-store.js';

/** An `inbox` row as either engine returns it (PostgreSQL gives the bigint id as a string). */
export interface InboxRow {
  id: number | string;
  platform: string;
  delivery_id: string;
  payload: string | null;
  reply_to: string | null;
  state: InboxState;
  attempts: number;
  lease_owner: string | null;
  lease_expires_at: string | null;
  last_error: string | null;
  received_at: string;
}

/** The columns every inbox query selects, in `InboxRow` order. */
export const inboxColumns = `id, platform, delivery_id, payload, reply_to, state, attempts, lease_owner, lease_expires_at,
  last_error, received_at`;

/** A stored row as the inbox's callers see it. */
export function inboxEntryOf(row: InboxRow): InboxEntry {
  return {
    id: Number(row.id),
    platform: row.platform,
    deliveryId: row.delivery_id,
    payload: row.payload === null ? {} : (JSON.parse(row.payload) as Record<string, unknown>),
    replyTo: row.reply_to === null ? {} : (JSON.parse(row.reply_to) as Record<string, unknown>),
    receivedAt: new Date(row.received_at),
    state: row.state,
    attempts: row.attempts,
    leaseOwner: row.lease_owner,
    leaseExpiresAt: row.lease_expires_at === null ? null : new Date(row.lease_expires_at),
    lastError: row.last_error,
  };
}
