import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

/**
 * Limits how many questions the pipeline works on at once, and starts each one in a fresh turn of the event loop.
 * On the main thread the offline pipeline is CPU work chained through promises: fifty of them started together
 * would run back to back and starve the sockets, so Slack's requests (which must be acknowledged within 3 s) would
 * wait behind every answer. One at a time, each after the loop has polled for I/O, keeps acknowledgements
 * immediate; on answer threads, or with a chat model, the main thread mostly waits, so more may run at once.
 */
export class AnswerQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly concurrency: number) {}

  /** Runs `work` when a slot is free, after yielding to the event loop, and yields again before resolving. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      await yieldToEventLoop();
      const result = await work();
      // The reply is rendered and sent in a later turn too, so requests that arrived meanwhile (acknowledgements
      // Slack waits for) are handled first.
      await yieldToEventLoop();
      return result;
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next job, so `running` stays counted.
      if (next) next();
      else this.running -= 1;
    }
  }
}
