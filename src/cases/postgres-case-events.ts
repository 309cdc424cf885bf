import type { Actor, Notice } from './case-types.js';
import type { Queryable } from './postgres-database.js';

/** Appends one history event, inside the transaction that changes the case (PostgreSQL twin of outbox.ts). */
export async function appendPostgresCaseEvent(
  client: Queryable,
  event: {
    reference: string;
    at: string;
    kind: string;
    actor: Actor | null;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await client.query(
    'INSERT INTO case_events (case_reference, at, kind, actor, detail) VALUES ($1, $2, $3, $4, $5)',
    [
      event.reference,
      event.at,
      event.kind,
      event.actor === null ? null : JSON.stringify(event.actor),
      JSON.stringify(event.detail ?? {}),
    ],
  );
}

/** Queues a notice in the transaction that writes the case (the transactional outbox), with its history event. */
export async function enqueuePostgresNotice(
  client: Queryable,
  notice: { reference: string; kind: Notice['kind']; platform: string; at: string },
): Promise<number> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO outbox (case_reference, kind, platform, state, attempts, next_attempt_at, created_at)
     VALUES ($1, $2, $3, 'pending', 0, $4, $4) RETURNING id`,
    [notice.reference, notice.kind, notice.platform, notice.at],
  );
  const id = Number(rows[0]?.id);
  await appendPostgresCaseEvent(client, {
    reference: notice.reference,
    at: notice.at,
    kind: 'notice_queued',
    actor: null,
    detail: { noticeId: id, notice: notice.kind, platform: notice.platform },
  });
  return id;
}
