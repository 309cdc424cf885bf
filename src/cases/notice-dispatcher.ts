import type { Clock } from '../clock.js';
import { describeError, ProtocolBotError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { CaseRecord, Notice, NoticeDeliverer, NoticeOutbox } from './case-types.js';

/** Tuning for {@link NoticeDispatcher}; the defaults suit a chat platform's short outages. */
export interface NoticeDispatcherOptions {
  outbox: NoticeOutbox;
  clock: Clock;
  logger: Logger;
  /** Loads the case a notice is about. */
  loadCase: (reference: string) => Promise<CaseRecord>;
  /** Poll interval of `start()` (default 5 s). */
  intervalMs?: number;
  /** Attempts before a notice is given up and `notice_failed` recorded (default 6). */
  maxAttempts?: number;
  /** Delay after the first failure, doubled after each further one (default 30 s). */
  baseDelayMs?: number;
  /** Longest delay between attempts (default 1 h). */
  maxDelayMs?: number;
  /**
   * How long a claimed notice stays leased to this process before another may take it over (default 30 s: when a
   * replica dies, another sends its notices within half a minute).
   */
  leaseMs?: number;
  /** Notices taken per drain (default 50). */
  batchSize?: number;
}

/**
 * Delivers queued notices through the registered deliverers, one per platform.
 *
 * Crash safety: a notice is claimed (state `delivering`, with a lease), delivered, then marked `delivered`. A
 * process killed after claiming leaves the lease to expire, and the next drain takes the notice over; one killed
 * between the platform accepting a notice and marking it will send it again. To make that harmless, deliverers get
 * `notice.id` as an idempotency key: the Slack and Teams deliverers dedupe on it where the platform allows
 * (Slack: look for a message with that key in its metadata before posting; Teams: use it as the activity id).
 */
export class NoticeDispatcher {
  readonly #options: Required<Omit<NoticeDispatcherOptions, 'outbox' | 'clock' | 'logger' | 'loadCase'>>;
  readonly #deliverers = new Map<string, NoticeDeliverer>();
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #draining: Promise<number> | undefined;

  constructor(private readonly deps: NoticeDispatcherOptions) {
    this.#options = {
      intervalMs: deps.intervalMs ?? 5_000,
      maxAttempts: deps.maxAttempts ?? 6,
      baseDelayMs: deps.baseDelayMs ?? 30_000,
      maxDelayMs: deps.maxDelayMs ?? 3_600_000,
      leaseMs: deps.leaseMs ?? 30_000,
      batchSize: deps.batchSize ?? 50,
    };
  }

  /** Adds (or replaces) the deliverer for its platform; only registered platforms' notices are claimed. */
  register(deliverer: NoticeDeliverer): void {
    this.#deliverers.set(deliverer.platform, deliverer);
  }

  /** Platforms with a registered deliverer. */
  platforms(): string[] {
    return [...this.#deliverers.keys()];
  }

  /** Starts polling the outbox every `intervalMs` (a drain never overlaps the previous one). */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    const tick = () => {
      if (!this.#running) return;
      this.drainOnce()
        .catch((error) => this.deps.logger.error('notice dispatch failed', { error: describeError(error) }))
        .finally(() => {
          if (this.#running) this.#schedule(tick);
        });
    };
    this.#schedule(tick);
  }

  /** Stops polling; a drain in progress finishes (await `idle()` to wait for it). */
  stop(): void {
    this.#running = false;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Resolves once no drain is in progress. */
  async idle(): Promise<void> {
    await this.#draining?.catch(() => undefined);
  }

  /** Delivers every notice due now on the registered platforms; resolves with how many were delivered. */
  drainOnce(): Promise<number> {
    if (this.#draining) return this.#draining;
    this.#draining = this.#drain().finally(() => {
      this.#draining = undefined;
    });
    return this.#draining;
  }

  #schedule(tick: () => void): void {
    this.#timer = setTimeout(tick, this.#options.intervalMs);
    // Polling must not keep a CLI process alive on its own.
    this.#timer.unref();
  }

  async #drain(): Promise<number> {
    const { outbox, clock } = this.deps;
    const notices = await outbox.claimDue({
      platforms: this.platforms(),
      now: clock.now(),
      leaseMs: this.#options.leaseMs,
      limit: this.#options.batchSize,
    });
    let delivered = 0;
    for (const notice of notices) {
      if (await this.#deliver(notice)) delivered += 1;
    }
    return delivered;
  }

  async #deliver(notice: Notice): Promise<boolean> {
    const { outbox, clock, logger } = this.deps;
    const deliverer = this.#deliverers.get(notice.platform);
    try {
      if (!deliverer) throw new ProtocolBotError('delivery_failed', `no deliverer for ${notice.platform}`);
      const record = await this.deps.loadCase(notice.caseReference);
      await deliverer.deliver(notice, record);
    } catch (error) {
      await this.#failed(notice, error);
      return false;
    }
    await outbox.markDelivered(notice, clock.now());
    logger.debug('notice delivered', { noticeId: notice.id, reference: notice.caseReference });
    return true;
  }

  async #failed(notice: Notice, error: unknown): Promise<void> {
    const { outbox, clock, logger } = this.deps;
    const message = describeError(error);
    const permanent = ProtocolBotError.isInstance(error) && !error.retryable;
    const context = {
      noticeId: notice.id,
      reference: notice.caseReference,
      platform: notice.platform,
      attempts: notice.attempts,
      error: message,
    };
    if (permanent || notice.attempts >= this.#options.maxAttempts) {
      logger.error('notice given up; recorded in the case history', context);
      await outbox.markFailed(notice, clock.now(), message);
      return;
    }
    const delay = Math.min(this.#options.baseDelayMs * 2 ** (notice.attempts - 1), this.#options.maxDelayMs);
    const next = new Date(clock.now().getTime() + delay);
    logger.warn('notice delivery failed; will retry', { ...context, nextAttemptAt: next.toISOString() });
    await outbox.scheduleRetry(notice, next, message);
  }
}
