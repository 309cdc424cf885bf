import type { Clock } from '../../clock.js';
import { BoundedMap } from './bounded-map.js';

const WINDOW_MS = 60_000;

/** A sliding one-minute window per user (RATE_LIMIT_PER_MINUTE). */
export class RateLimiter {
  private readonly recent = new BoundedMap<string, number[]>(10_000);

  constructor(
    private readonly perMinute: number,
    private readonly clock: Clock,
  ) {}

  /** Counts one request for `userId`; false when the user is over the limit (the request is not counted). */
  allow(userId: string): boolean {
    const now = this.clock.now().getTime();
    const inWindow = (this.recent.get(userId) ?? []).filter((at) => now - at < WINDOW_MS);
    if (inWindow.length >= this.perMinute) {
      this.recent.set(userId, inWindow);
      return false;
    }
    this.recent.set(userId, [...inWindow, now]);
    return true;
  }
}
