import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import type { Middleware } from './conversation-turn.js';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket per user: each user may ask `perMinute` questions in a burst, refilled continuously at
 * `perMinute` per minute. Protects the pipeline (and the model's bill) from floods. The map of buckets is bounded:
 * a full bucket carries no state, so the least recently used are dropped first.
 */
export class UserRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perMinute: number,
    private readonly clock: Clock,
    private readonly maxUsers = 10_000,
  ) {}

  /** Takes one token for `userId`; false when the user is over the limit. */
  tryTake(userId: string): boolean {
    const now = this.clock.now().getTime();
    const previous = this.buckets.get(userId) ?? { tokens: this.perMinute, updatedAt: now };
    const refilled = Math.min(
      this.perMinute,
      previous.tokens + ((now - previous.updatedAt) / 60_000) * this.perMinute,
    );
    this.buckets.delete(userId);
    const allowed = refilled >= 1;
    this.buckets.set(userId, { tokens: allowed ? refilled - 1 : refilled, updatedAt: now });
    if (this.buckets.size > this.maxUsers) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    return allowed;
  }
}

/** The rate-limit step: over the limit, the asker is told to slow down and the pipeline is not asked. */
export function rateLimitStep(limiter: UserRateLimiter, logger: Logger): Middleware {
  return async ({ turn, next }) => {
    const { platform, userId } = turn.question.asker;
    if (limiter.tryTake(`${platform}:${userId}`)) return next();
    logger.warn(`${platform} user over the rate limit`, { userId });
    await turn.responder.slowDown();
  };
}
