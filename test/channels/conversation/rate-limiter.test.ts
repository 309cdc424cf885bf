import { describe, expect, it } from 'vitest';
import { FollowUpMemory } from '../../../src/channels/conversation/follow-up-memory.js';
import { UserRateLimiter } from '../../../src/channels/conversation/rate-limiter.js';

describe('UserRateLimiter', () => {
  it('allows a burst of the per-minute limit, then refills over the minute', () => {
    let now = Date.parse('2026-11-23T10:00:00Z');
    const limiter = new UserRateLimiter(3, { now: () => new Date(now) });
    expect([1, 2, 3, 4].map(() => limiter.tryTake('U1'))).toEqual([true, true, true, false]);
    expect(limiter.tryTake('U2')).toBe(true);
    now += 20_000; // a third of a minute refills one token
    expect(limiter.tryTake('U1')).toBe(true);
    expect(limiter.tryTake('U1')).toBe(false);
  });
});

describe('FollowUpMemory', () => {
  it('keeps the last questions per thread, oldest first', () => {
    const memory = new FollowUpMemory(2, 10);
    memory.remember('C1:1', 'Can officers attend group meetings?');
    memory.remember('C1:1', 'and phone calls?');
    memory.remember('C1:1', 'and texts?');
    expect(memory.history('C1:1')).toEqual(['and phone calls?', 'and texts?']);
    expect(memory.history('C1:2')).toEqual([]);
  });
});
