/**
 * Recent questions per Slack thread (or DM conversation), so a follow-up ("and phone calls?") can be read with
 * the question before it. In memory and bounded: at most `questionsPerThread` per thread and `maxThreads`
 * threads, least recently used forgotten first. After a restart a follow-up is read on its own.
 */
export class ThreadMemory {
  private readonly threads = new Map<string, string[]>();

  constructor(
    private readonly questionsPerThread = 5,
    private readonly maxThreads = 2_000,
  ) {}

  /** Earlier questions in the thread, oldest first. */
  history(threadKey: string): string[] {
    return [...(this.threads.get(threadKey) ?? [])];
  }

  /** Adds a question to the thread's history. */
  remember(threadKey: string, question: string): void {
    const questions = this.threads.get(threadKey) ?? [];
    this.threads.delete(threadKey);
    this.threads.set(threadKey, [...questions, question].slice(-this.questionsPerThread));
    if (this.threads.size > this.maxThreads) {
      const oldest = this.threads.keys().next().value;
      if (oldest !== undefined) this.threads.delete(oldest);
    }
  }
}

/** The memory key of a thread: channel plus the thread's root timestamp (the channel alone for a DM). */
export function threadKey(channel: string, threadTs: string | undefined): string {
  return threadTs ? `${channel}:${threadTs}` : channel;
}
