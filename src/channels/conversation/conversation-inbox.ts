import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { InboxEntry, InboxItem, InboxLease, InboxStore } from '../../cases/index.js';
import type { Clock } from '../../clock.js';
import { describeError, ProtocolBotError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { ConversationFlow } from './conversation-flow.js';
import type { IncomingQuestion, Responder } from './conversation-turn.js';

/** A question ready for the flow: what was asked and how to answer it. */
export interface ReadyTurn {
  question: IncomingQuestion;
  responder: Responder;
}

/**
 * Reads a stored delivery back into a turn — after a restart, or when the delivery is answered outside the request
 * that brought it. Null when the payload cannot be read (it is then given up, with a log line).
 */
export type DeliveryReader = (entry: InboxEntry) => ReadyTurn | null;

/** A delivery as an adapter hands it over; `receivedAt` defaults to now. */
export type Delivery = Omit<InboxItem, 'receivedAt'> & { receivedAt?: Date };

/** Tuning for {@link ConversationInbox}. */
export interface ConversationInboxOptions {
  store: InboxStore;
  flow: ConversationFlow;
  logger: Logger;
  clock: Clock;
  /** How long a delivery stays leased to this process while it is answered; renewed every third of it. */
  leaseMs: number;
  /** How often due deliveries (a dead process's, a failed attempt's) are looked for (default 5 s). */
  pollMs?: number;
  /** Attempts before a delivery is given up (default 5). */
  maxAttempts?: number;
}

/**
 * The durable inbox around the conversation flow. `receive` writes a delivery to the inbox — the platform adapter
 * calls it before acknowledging — and answers it; the row is marked done only once the reply is sent. A process
 * killed in between leaves the row leased to a dead worker: when the lease runs out, `start`'s polling (in this
 * process after a restart, or in another) answers it. The inbox's unique delivery id is the one retry dedupe.
 */
export class ConversationInbox {
  readonly #options: Required<ConversationInboxOptions>;
  readonly #readers = new Map<string, DeliveryReader>();
  readonly #inFlight = new Set<Promise<void>>();
  readonly #lease: InboxLease;
  #timer: NodeJS.Timeout | undefined;
  #draining: Promise<number> | undefined;
  #running = false;

  constructor(options: ConversationInboxOptions) {
    this.#options = { pollMs: 5_000, maxAttempts: 5, ...options };
    this.#lease = {
      workerId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      leaseMs: options.leaseMs,
    };
  }

  /** A platform says how to read its stored deliveries back into turns; only its rows are then claimed. */
  register(platform: string, reader: DeliveryReader): void {
    this.#readers.set(platform, reader);
  }

  /**
   * Accepts a delivery into the inbox and answers it. Call before acknowledging it to the platform. Resolves false,
   * answering nothing, for a delivery id seen before (a retry, or a message delivered as two events). By default
   * the answer is computed in the background (Slack: acknowledge now, answer after); with `wait` this resolves
   * once the reply is sent and rejects if it failed (Teams replies within the turn). `live` answers through the
   * request's own responder instead of one read back from the payload.
   */
  async receive(delivery: Delivery, options: { live?: ReadyTurn; wait?: boolean } = {}): Promise<boolean> {
    const { logger } = this.#options;
    const accepted = await this.#accept(delivery);
    if (!accepted.fresh) {
      logger.debug('inbox: repeated delivery', {
        deliveryId: delivery.deliveryId,
        state: accepted.entry.state,
      });
      return false;
    }
    const work = this.#process(accepted.entry, options.live, options.wait === true);
    if (options.wait) await work;
    return true;
  }

  /**
   * For deliveries that are not questions (a case button, a feedback invoke, a registration): records the delivery
   * in the inbox — the same retry dedupe — runs `handle` at once and marks it done. Resolves false, running nothing,
   * for a repeat. Such a delivery cannot be replayed without its request, so a failure is not retried.
   */
  async receiveOnce(delivery: Delivery, handle: () => Promise<void>): Promise<boolean> {
    const { store } = this.#options;
    const accepted = await this.#accept(delivery);
    if (!accepted.fresh) return false;
    try {
      await handle();
      await store.markDone(accepted.entry.id);
    } catch (error) {
      await this.#fail(accepted.entry, describeError(error), true);
      throw error;
    }
    return true;
  }

  /** Answers what is due now (pending rows, rows of dead workers); resolves with how many were taken. */
  drainOnce(): Promise<number> {
    if (!this.#draining) {
      this.#draining = this.#drain().finally(() => {
        this.#draining = undefined;
      });
    }
    return this.#draining;
  }

  /** Answers what was left pending (e.g. by a killed process), then keeps looking every `pollMs`. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    const tick = () => {
      this.drainOnce()
        .catch((error) => this.#options.logger.error('inbox drain failed', { error: describeError(error) }))
        .finally(() => {
          if (!this.#running) return;
          this.#timer = setTimeout(tick, this.#options.pollMs);
          this.#timer.unref();
        });
    };
    tick();
  }

  /** Stops polling and waits for the answers in progress (their rows are marked before this resolves). */
  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    await this.#draining?.catch(() => {});
    await Promise.allSettled([...this.#inFlight]);
  }

  /**
   * Writes the delivery, leased to this process. A failure is `inbox_unavailable`: the adapter must then leave the
   * delivery unacknowledged (500, no envelope ack) so the platform sends it again.
   */
  async #accept(delivery: Delivery) {
    const { store, clock } = this.#options;
    try {
      return await store.accept({ ...delivery, receivedAt: delivery.receivedAt ?? clock.now() }, this.#lease);
    } catch (error) {
      throw new ProtocolBotError(
        'inbox_unavailable',
        `A ${delivery.platform} delivery could not be written to the inbox, so it is left unacknowledged: ${describeError(error)}`,
        { cause: error, retryable: true },
      );
    }
  }

  async #drain(): Promise<number> {
    const platforms = [...this.#readers.keys()];
    const entries = await this.#options.store.claimBatch(this.#lease, 20, platforms);
    if (entries.length > 0) {
      this.#options.logger.info('answering deliveries from the inbox', { count: entries.length });
    }
    for (const entry of entries) void this.#process(entry, undefined, false);
    return entries.length;
  }

  #process(entry: InboxEntry, live: ReadyTurn | undefined, rethrow: boolean): Promise<void> {
    const work = this.#answer(entry, live, rethrow);
    this.#inFlight.add(work);
    const forget = () => this.#inFlight.delete(work);
    work.then(forget, forget);
    return work;
  }

  async #answer(entry: InboxEntry, live: ReadyTurn | undefined, rethrow: boolean): Promise<void> {
    const { store, logger, flow } = this.#options;
    const turn = live ?? this.#read(entry);
    if (!turn) {
      await this.#fail(entry, 'no reader for this platform could read the delivery', true);
      return;
    }
    // Long answers (a slow model) keep the lease, so no other worker answers the same delivery meanwhile.
    const renew = setInterval(
      () => {
        store.renewLease(entry.id, this.#lease).catch((error) => {
          logger.warn('inbox lease not renewed', { id: entry.id, error: describeError(error) });
        });
      },
      Math.max(50, Math.floor(this.#lease.leaseMs / 3)),
    );
    renew.unref();
    try {
      await flow.handle({ ...turn, history: [] });
      await store.markDone(entry.id);
    } catch (error) {
      logger.error(`${entry.platform} question failed`, {
        eventId: entry.deliveryId,
        attempts: entry.attempts,
        error: describeError(error),
      });
      await this.#fail(entry, describeError(error), entry.attempts >= this.#options.maxAttempts);
      if (rethrow) throw error;
    } finally {
      clearInterval(renew);
    }
  }

  #read(entry: InboxEntry): ReadyTurn | null {
    try {
      return this.#readers.get(entry.platform)?.(entry) ?? null;
    } catch (error) {
      this.#options.logger.error('inbox delivery unreadable', { id: entry.id, error: describeError(error) });
      return null;
    }
  }

  async #fail(entry: InboxEntry, error: string, giveUp: boolean): Promise<void> {
    const { store, logger, clock } = this.#options;
    // Back off 10 s, 20 s, 40 s … so a platform outage is waited out rather than hammered.
    const retryAt = giveUp ? undefined : new Date(clock.now().getTime() + 10_000 * 2 ** (entry.attempts - 1));
    if (giveUp) logger.error('inbox delivery given up', { id: entry.id, eventId: entry.deliveryId, error });
    try {
      await store.markFailed(entry.id, this.#lease.workerId, { error, retryAt });
    } catch (markError) {
      // The lease runs out and the delivery is tried again: at least once, never lost.
      logger.error('inbox delivery not marked failed', { id: entry.id, error: describeError(markError) });
    }
  }
}
