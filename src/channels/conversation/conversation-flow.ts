import type { AnsweringPipeline } from '../../answer/index.js';
import type { QuestionLog } from '../../cases/index.js';
import type { Clock } from '../../clock.js';
import { describeError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { AnswerQueue } from './answer-queue.js';
import { composeMiddleware, type Middleware, type Turn } from './conversation-turn.js';
import { FollowUpMemory, recallStep, rememberStep } from './follow-up-memory.js';
import { rateLimitStep, UserRateLimiter } from './rate-limiter.js';

/** What the flow needs: the narrow ports, not the whole runtime. */
export interface ConversationFlowOptions {
  pipeline: AnsweringPipeline;
  questions: Pick<QuestionLog, 'record'>;
  logger: Logger;
  clock: Clock;
  /**
   * Chat platforms: help for a message without words, and RATE_LIMIT_PER_MINUTE per asker. Absent for the
   * terminal, where the asker is the operator and the pipeline's own reply to an empty line is what batch mode
   * prints.
   */
  chat?: { ratePerMinute: number };
  /** Questions worked on at once (see {@link AnswerQueue}). */
  concurrency: number;
}

/** The flow a platform hands its turns to. */
export interface ConversationFlow {
  /** Runs one question through every step; resolves once the reply is sent. */
  handle(turn: Turn): Promise<void>;
}

/**
 * The one conversation flow every platform uses: a question without words gets help → the asker's rate limit →
 * the thread's earlier questions → the answering pipeline (paced, so acknowledgements are never starved) →
 * remember the question → log it for the annual report → send the reply, moving a sensitive escalation asked in
 * public to a private chat. The durable inbox wraps it (see `ConversationInbox`). A platform only parses its events
 * into an `IncomingQuestion` and supplies a `Responder` that renders and sends.
 */
export function createConversationFlow(options: ConversationFlowOptions): ConversationFlow {
  const { logger } = options;
  const memory = new FollowUpMemory();
  const queue = new AnswerQueue(options.concurrency);

  const help: Middleware = async ({ turn, next }) => {
    if (/\p{L}/u.test(turn.question.text)) return next();
    await turn.responder.help();
  };

  const answer: Middleware = async ({ turn, next }) => {
    const { question } = turn;
    await turn.responder.working?.(turn.history);
    turn.answer = await queue.run(() =>
      options.pipeline.answer({
        text: question.text,
        history: turn.history,
        asker: question.asker,
        eventId: question.eventId,
        replyTo: question.replyTo,
        publicChannel: question.publicChannel,
        forceEscalation: question.forceEscalation,
      }),
    );
    await next();
  };

  const log: Middleware = async ({ turn, next }) => {
    const { asker, eventId } = turn.question;
    const answered = turn.answer;
    if (answered) {
      try {
        turn.questionId = await options.questions.record({
          platform: asker.platform,
          userId: asker.userId,
          question: answered.question,
          decision: answered.decision,
          citations: answered.citations,
          caseReference: answered.handoff?.reference,
        });
      } catch (error) {
        // The answer still goes out; only the log entry (and its feedback buttons) is lost.
        logger.error(`could not record a ${asker.platform} question`, {
          error: describeError(error),
          userId: asker.userId,
          eventId,
        });
      }
    }
    await next();
  };

  const send: Middleware = async ({ turn }) => {
    const answered = turn.answer;
    if (!answered) return;
    const moveToPrivate =
      answered.decision === 'escalate' && answered.handoff?.sensitive === true && turn.question.publicChannel;
    if (moveToPrivate) await turn.responder.answerPrivately(answered, turn.questionId);
    else await turn.responder.answer(answered, turn.questionId);
  };

  const steps: Middleware[] = [];
  if (options.chat) {
    steps.push(help, rateLimitStep(new UserRateLimiter(options.chat.ratePerMinute, options.clock), logger));
  }
  steps.push(recallStep(memory), answer, rememberStep(memory), log, send);
  return { handle: composeMiddleware(steps) };
}
