/**
 * The durable inbox: every accepted chat delivery (a Slack event, a Teams activity) is written here before the
 * platform is told "received", processed from here, and marked done once the reply is sent. A process killed at
 * any point leaves the row pending (or leased to a dead worker); the next process takes it over, so nothing
 * acknowledged is lost. Delivery to the asker is at least once: only a crash between sending the reply and
 * `markDone` repeats it.
 *
 * The same table is the retry dedupe: `(platform, deliveryId)` is unique, so a redelivered event — even days later,
 * after a restart — is recognised and not answered twice.
 *
 * Every method is asynchronous so a PostgreSQL implementation fits the same interface: `claimBatch` maps to
 * `SELECT … FOR UPDATE SKIP LOCKED` plus a lease expiry, so several processes share one inbox and a worker that
 * dies mid-answer releases its rows when the lease runs out.
 */
export interface InboxStore {
  /**
   * Records an accepted delivery. Returns `fresh: false` (and the existing row) when the same platform delivery id
   * was accepted before — whatever its state — so the caller acknowledges it without answering again. With
   * `claimFor`, a fresh row is leased to that worker in the same statement, so the accepting process can answer it
   * at once without another process (or its own recovery loop) taking it.
   */
  accept(item: InboxItem, claimFor?: InboxLease): Promise<InboxAcceptance>;
  /**
   * Leases up to `limit` rows that are due: pending rows whose next attempt has come, and processing rows whose
   * lease expired (their worker died). Each claim adds one to `attempts`. Oldest first. Only rows of `platforms`
   * (the platforms this process can answer on) are taken; an empty list takes none.
   */
  claimBatch(lease: InboxLease, limit: number, platforms: readonly string[]): Promise<InboxEntry[]>;
  /** Extends the lease of a row this worker holds; false when the worker no longer holds it. */
  renewLease(id: number, lease: InboxLease): Promise<boolean>;
  /**
   * The reply was sent: the row is done, its payload erased (only the delivery id stays, for the dedupe). Done
   * whoever holds the lease now — the reply went out, so no one should send it again.
   */
  markDone(id: number): Promise<void>;
  /**
   * The attempt failed. With `retryAt` the row goes back to pending for another attempt then; without, it is given
   * up (state `failed`, kept with its last error for an operator).
   */
  markFailed(id: number, workerId: string, failure: { error: string; retryAt?: Date }): Promise<void>;
  /** How many rows wait to be processed (pending or leased), for the health report and tests. */
  pendingCount(): Promise<number>;
  /** Deletes done and failed rows finished before `olderThan`; returns how many. Platforms retry within hours. */
  purgeFinished(olderThan: Date): Promise<number>;
}

/** One accepted delivery, as an adapter hands it to the inbox. */
export interface InboxItem {
  /** `slack`, `teams`, … — the adapter that can answer it. */
  platform: string;
  /**
   * The platform's unique id for this delivery (Slack `event_id` or `channel:ts`, a slash command's trigger id, a
   * Teams conversation and activity id). Unique per platform: the retry dedupe.
   */
  deliveryId: string;
  /** What the adapter needs to answer later, after a restart (the question, the asker, how to reply). JSON. */
  payload: Record<string, unknown>;
  /** Where the reply goes (channel and thread, a conversation reference). JSON. */
  replyTo: Record<string, unknown>;
  /** When the platform delivered it. */
  receivedAt: Date;
}

/** Who holds a row, and for how long, while answering it. */
export interface InboxLease {
  /** Unique per process (and per worker within it). */
  workerId: string;
  /** How long the row stays leased; renew before it runs out for long answers. */
  leaseMs: number;
}

/** Where a row is in its life. */
export type InboxState = 'pending' | 'processing' | 'done' | 'failed';

/** A stored row. */
export interface InboxEntry extends InboxItem {
  id: number;
  state: InboxState;
  /** Claims so far (the current one included). */
  attempts: number;
  leaseOwner: string | null;
  leaseExpiresAt: Date | null;
  lastError: string | null;
}

/** The outcome of {@link InboxStore.accept}. */
export interface InboxAcceptance {
  /** False when the delivery id was already in the inbox: a retry or a duplicate. */
  fresh: boolean;
  /** The row: the new one, or the earlier one for a duplicate (payload empty once done). */
  entry: InboxEntry;
}
