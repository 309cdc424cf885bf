import type { Answer, Asker } from '../../answer/index.js';

/** A question as a platform parsed it from its event, before the conversation flow. */
export interface IncomingQuestion {
  /** The text with the platform's markup removed (mentions, entities). */
  text: string;
  /** Who asked; `asker.platform` names the platform (`slack`, `teams`, `cli`). */
  asker: Asker;
  /** Platform event id, so a retried event never opens a second case. */
  eventId?: string;
  /** Follow-up memory key (channel + thread, conversation); absent: the question stands alone. */
  threadKey?: string;
  /** True where others can read the reply: a sensitive escalation then continues privately. */
  publicChannel: boolean;
  /** Where the Monitoring Officer's answer goes if a case is opened (stored with the case). */
  replyTo?: Record<string, unknown>;
  /** An explicit "Ask the Monitoring Officer": always escalate, without the thread's history. */
  forceEscalation?: boolean;
}

/**
 * How a platform answers one question: it renders and sends, nothing else. Each method sends where the question was
 * asked (thread, ephemeral response, conversation) and handles its own platform errors (apology, retry).
 */
export interface Responder {
  /**
   * Optional: show that the bot is working on the answer (Slack's assistant status and thread title). Best effort;
   * `history` is the thread's earlier questions (empty for a thread's first question).
   */
  working?(history: readonly string[]): Promise<void>;
  /** The question had no words: say what the bot is for. */
  help(): Promise<void>;
  /** The asker is over RATE_LIMIT_PER_MINUTE. */
  slowDown(): Promise<void>;
  /** The answer, with the question-log id for feedback buttons when it was logged. */
  answer(answer: Answer, questionId: string | undefined): Promise<void>;
  /** A sensitive escalation asked where others can read: a neutral line there, the details privately. */
  answerPrivately(answer: Answer, questionId: string | undefined): Promise<void>;
}

/** One question on its way through the conversation flow. Steps fill in what they learn. */
export interface Turn {
  question: IncomingQuestion;
  responder: Responder;
  /** Earlier questions of the thread (set by the follow-up step). */
  history: string[];
  /** Set by the answer step. */
  answer?: Answer;
  /** Question-log id (set by the log step; absent if logging failed). */
  questionId?: string;
}

/** One step of the flow: do its part, then `next()` — or stop by not calling it (the way Bolt's middleware works). */
export type Middleware = (args: { turn: Turn; next: () => Promise<void> }) => Promise<void>;

/** Chains steps into one handler; each step's `next` runs the rest of the chain. */
export function composeMiddleware(steps: readonly Middleware[]): (turn: Turn) => Promise<void> {
  return (turn) => {
    const run = async (index: number): Promise<void> => {
      const step = steps[index];
      if (!step) return;
      let called = false;
      await step({
        turn,
        next: () => {
          if (called) throw new Error(`conversation step ${index} called next() twice`);
          called = true;
          return run(index + 1);
        },
      });
    };
    return run(0);
  };
}
