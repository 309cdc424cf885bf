import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { PromptTemplate } from '@langchain/core/prompts';
import type { QuestionCondenser } from '../answer/index.js';
import { describeError, ProtocolBotError } from '../errors.js';
import type { Logger } from '../logger.js';
import { condensedQuestionSchema, toolParameters } from './answer-output-schema.js';
import { callWithRetry } from './call-with-retry.js';
import { neutraliseUserText } from './clause-context.js';
import { createPromptEchoCheck } from './prompt-echo.js';
import { loadPrompts, type Prompts } from './prompts.js';

/** Options for {@link createLlmCondenser}. */
export interface LlmCondenserOptions {
  /** A LangChain chat model (`maxRetries: 0`). */
  model: BaseChatModel;
  /** The rule-based condenser: used whenever the model's rewrite cannot be used. */
  fallback: QuestionCondenser;
  logger: Logger;
  /** Overall deadline for the condensing call, retries included, in milliseconds. */
  timeoutMs: number;
  /** Retries for retryable errors. */
  retries: number;
  /** Prompt texts; read from `prompts/` when absent. */
  prompts?: Prompts;
  /** Longest `Retry-After` honoured, in milliseconds. */
  maxRetryAfterMs?: number;
}

/** The tool the model must call with the rewritten question. */
const CONDENSE_TOOL = 'give_standalone_question';

/** Earlier questions sent with a follow-up. */
const HISTORY_TURNS = 4;
/** A standalone question longer than this is not a rewrite of a chat message. */
const MAX_CONDENSED_CHARS = 600;

/**
 * Rewrites a follow-up ("and phone calls?") into a standalone question with the model, using the thread's earlier
 * questions. A question with no history is returned as it is, without a call. On failure, timeout, or an unusable
 * rewrite (empty, too long, repeating the instructions), the rule-based condenser decides.
 */
export function createLlmCondenser(options: LlmCondenserOptions): QuestionCondenser {
  const { logger, fallback } = options;
  const prompts = options.prompts ?? loadPrompts();
  const echoesPrompt = createPromptEchoCheck(prompts);
  const template = PromptTemplate.fromTemplate(prompts.condense, { templateFormat: 'mustache' });
  const structured = options.model.withStructuredOutput(
    toolParameters(condensedQuestionSchema, CONDENSE_TOOL),
    {
      name: CONDENSE_TOOL,
      method: 'functionCalling',
      includeRaw: true,
    },
  );

  return {
    async condense(question, history) {
      const earlier = history.filter((turn) => turn.trim() !== '').slice(-HISTORY_TURNS);
      if (earlier.length === 0) return question;
      try {
        const prompt = await template.format({
          history: earlier.map((turn) => `- ${neutraliseUserText(turn)}`).join('\n'),
          question: neutraliseUserText(question),
        });
        const result = await callWithRetry((signal) => structured.invoke(prompt, { signal }), {
          retries: options.retries,
          timeoutMs: options.timeoutMs,
          maxRetryAfterMs: options.maxRetryAfterMs,
          logger,
          operation: 'condense',
        });
        const parsed = condensedQuestionSchema.safeParse(result.parsed);
        const rewritten = parsed.success ? parsed.data.question.replace(/\s+/g, ' ').trim() : '';
        if (rewritten === '' || rewritten.length > MAX_CONDENSED_CHARS || echoesPrompt(rewritten)) {
          throw new ProtocolBotError(
            'llm_invalid_output',
            'condense: the model gave no usable standalone question',
          );
        }
        return rewritten;
      } catch (error) {
        logger.warn('condensing with the model failed; using the rule', {
          code: ProtocolBotError.isInstance(error) ? error.code : undefined,
          error: describeError(error),
        });
        return fallback.condense(question, history);
      }
    },
  };
}
