import type { AnsweringPipeline } from '../../answer/answering-pipeline.js';
import type { Runtime } from '../../app/runtime.js';
import { describeError } from '../../errors.js';

/**
 * The pipeline as the terminal uses it: each question is recorded in the question log (for the annual report),
 * and a case's notice is delivered at once, since no server process runs the dispatcher for a CLI-only install.
 */
export function terminalPipeline(runtime: Runtime): AnsweringPipeline {
  return {
    async answer(question) {
      const answer = await runtime.pipeline.answer(question);
      try {
        await runtime.handoff.questions.record({
          platform: 'cli',
          userId: question.asker?.userId,
          question: answer.question,
          decision: answer.decision,
          citations: answer.citations,
          caseReference: answer.handoff?.reference,
        });
        if (answer.handoff?.reference) await runtime.handoff.dispatcher.drainOnce();
      } catch (error) {
        runtime.logger.error('could not record the question or deliver its notice', {
          error: describeError(error),
        });
      }
      return answer;
    },
  };
}
