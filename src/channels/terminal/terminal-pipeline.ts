import type { Answer, AnsweringPipeline, Question } from '../../answer/index.js';
import type { QuestionLog } from '../../cases/index.js';
import type { Clock } from '../../clock.js';
import { describeError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { createConversationFlow, type Responder } from '../conversation/index.js';

/** What the terminal uses: the pipeline, the question log, and the notices a CLI-only install delivers itself. */
export interface TerminalPorts {
  pipeline: AnsweringPipeline;
  questions: Pick<QuestionLog, 'record'>;
  logger: Logger;
  clock: Clock;
  /** Delivers queued case notices now (no server process runs the dispatcher for a CLI-only install). */
  deliverNotices(): Promise<unknown>;
}

/** The pipeline as the terminal asks it; `threadKey` names a chat topic whose earlier questions a follow-up uses. */
export interface TerminalPipeline {
  answer(question: Question, threadKey?: string): Promise<Answer>;
}

/**
 * The terminal's side of the one conversation flow: follow-up memory per topic, the answer, the question log (for
 * the annual report), with no inbox (nothing is acknowledged to a platform) and no rate limit (the asker is the
 * operator). A case's notice is delivered at once.
 */
export function terminalPipeline(ports: TerminalPorts): TerminalPipeline {
  const flow = createConversationFlow({
    pipeline: ports.pipeline,
    questions: ports.questions,
    logger: ports.logger,
    clock: ports.clock,
    concurrency: 1,
  });
  return {
    async answer(question, threadKey) {
      let answered: Answer | undefined;
      const keep = async (answer: Answer) => {
        answered = answer;
      };
      const responder: Responder = {
        help: async () => {},
        slowDown: async () => {},
        answer: keep,
        answerPrivately: keep,
      };
      await flow.handle({
        question: {
          text: question.text,
          asker: question.asker ?? { platform: 'cli', userId: 'cli' },
          threadKey,
          publicChannel: false,
          forceEscalation: question.forceEscalation,
        },
        responder,
        history: [],
      });
      if (!answered) throw new Error('the conversation flow ended without an answer');
      if (answered.handoff?.reference) {
        try {
          await ports.deliverNotices();
        } catch (error) {
          ports.logger.error('could not deliver the case notice', { error: describeError(error) });
        }
      }
      return answered;
    },
  };
}
