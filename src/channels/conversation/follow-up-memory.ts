import type { Middleware } from './conversation-turn.js';

/**
 * Recent questions per thread (a Slack thread or DM, a Teams conversation or reply chain, a terminal topic), so a
 * follow-up ("and phone calls?") can be read with the question before it. In memory and bounded: at most
 * `questionsPerThread` per thread and `maxThreads` threads, least recently used forgotten first. After a restart a
 * follow-up is read on its own, which costs one follow-up at worst.
 */
export class FollowUpMemory {
  private readonly threads = new Map<string, string[]>();

  constructor(
    private readonly questionsPerThread = 5,
    private readonly maxThreads = 5_000,
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

/** Whether the question takes part in its thread's memory (an explicit escalation stands alone). */
function followsThread(turn: Parameters<Middleware>[0]['turn']): string | undefined {
  return turn.question.forceEscalation ? undefined : turn.question.threadKey;
}

/** Before answering: the thread's earlier questions become the turn's history. */
export function recallStep(memory: FollowUpMemory): Middleware {
  return async ({ turn, next }) => {
    const key = followsThread(turn);
    turn.history = key ? memory.history(key) : [];
    await next();
  };
}

/** After answering (before the reply is sent, so a quick follow-up already sees it): remember the question. */
export function rememberStep(memory: FollowUpMemory): Middleware {
  return async ({ turn, next }) => {
    const key = followsThread(turn);
    if (key) memory.remember(key, turn.answer?.question || turn.question.text);
    await next();
  };
}

/** The memory key of a thread: channel plus the thread's root (the channel alone for a DM without a thread). */
export function threadKey(channel: string, threadTs: string | undefined): string {
  return threadTs ? `${channel}:${threadTs}` : channel;
}
