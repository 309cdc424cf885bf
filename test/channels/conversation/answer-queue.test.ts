import { describe, expect, it } from 'vitest';
import { AnswerQueue } from '../../../src/channels/conversation/answer-queue.js';

describe('AnswerQueue', () => {
  it('runs at most `concurrency` jobs at once, in arrival order', async () => {
    const queue = new AnswerQueue(1);
    const events: string[] = [];
    let running = 0;
    let most = 0;
    const job = (name: string) =>
      queue.run(async () => {
        running += 1;
        most = Math.max(most, running);
        events.push(`start ${name}`);
        await Promise.resolve();
        events.push(`end ${name}`);
        running -= 1;
        return name;
      });
    const results = await Promise.all([job('a'), job('b'), job('c')]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(most).toBe(1);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('frees the slot when a job fails', async () => {
    const queue = new AnswerQueue(1);
    await expect(queue.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run(async () => 'next')).resolves.toBe('next');
  });
});
