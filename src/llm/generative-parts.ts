import type { Composer, QuestionCondenser } from '../answer/index.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createChatModel } from './chat-model.js';
import { createLlmComposer } from './llm-composer.js';
import { createLlmCondenser } from './llm-condenser.js';
import { loadPrompts } from './prompts.js';

/** The generative replacements for the offline composer and condenser, each wrapping its offline fallback. */
export interface GenerativeParts {
  /** Wraps the extractive composer. */
  composer?: (fallback: Composer) => Composer;
  /** Wraps the rule-based condenser. */
  condenser?: (fallback: QuestionCondenser) => QuestionCondenser;
}

/** The shortest condensing deadline, in milliseconds. */
const MIN_CONDENSE_TIMEOUT_MS = 3_000;

/**
 * Builds the generative parts when a chat model is configured (OPENAI_MODEL or the Azure settings), else null. The
 * prompts are read here, once. Condensing gets a quarter of OPENAI_TIMEOUT_MS (at least 3 s, at most all of it), so a
 * follow-up's worst case stays close to one deadline.
 */
export function createGenerativeParts(config: Config, logger: Logger): GenerativeParts | null {
  const model = createChatModel(config);
  if (!model) return null;
  const prompts = loadPrompts();
  const timeoutMs = config.OPENAI_TIMEOUT_MS;
  const retries = config.OPENAI_MAX_RETRIES;
  const condenseTimeoutMs = Math.min(timeoutMs, Math.max(MIN_CONDENSE_TIMEOUT_MS, Math.round(timeoutMs / 4)));
  logger.info('generative answers on', {
    model: config.OPENAI_MODEL ?? config.AZURE_OPENAI_DEPLOYMENT,
    baseUrl: config.OPENAI_BASE_URL ?? config.AZURE_OPENAI_ENDPOINT,
    timeoutMs,
    retries,
  });
  return {
    composer: (fallback) => createLlmComposer({ model, fallback, logger, timeoutMs, retries, prompts }),
    condenser: (fallback) =>
      createLlmCondenser({ model, fallback, logger, timeoutMs: condenseTimeoutMs, retries, prompts }),
  };
}
