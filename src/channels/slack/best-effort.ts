import { describeError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { slackErrorCode } from './slack-platform-error.js';

/**
 * Runs a cosmetic Slack call (assistant title, status, greeting, suggested prompts): a failure is logged as a
 * warning and never stops the answer.
 */
export async function bestEffort(logger: Logger, what: string, call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    logger.warn(`assistant ${what} failed`, {
      error: describeError(error),
      slackError: slackErrorCode(error),
    });
  }
}
