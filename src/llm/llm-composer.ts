import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import {
  type ComposedAnswer,
  type ComposeInput,
  type Composer,
  clauseReference,
  formatQuote,
} from '../answer/index.js';
import { describeError, ProtocolBotError } from '../errors.js';
import type { Logger } from '../logger.js';
import { type ModelAnswer, modelAnswerSchema, toolParameters } from './answer-output-schema.js';
import { callWithRetry } from './call-with-retry.js';
import { formatClauseContext, neutraliseUserText } from './clause-context.js';
import { checkModelCitations } from './model-citations.js';
import { createPromptEchoCheck } from './prompt-echo.js';
import { loadPrompts, type Prompts } from './prompts.js';

/** Options for {@link createLlmComposer}. */
export interface LlmComposerOptions {
  /** A LangChain chat model (ChatOpenAI / AzureChatOpenAI with `maxRetries: 0`). */
  model: BaseChatModel;
  /** The extractive composer: used whenever the model's answer cannot be used. */
  fallback: Composer;
  logger: Logger;
  /** Overall deadline for the model, retries included, in milliseconds. */
  timeoutMs: number;
  /** Retries for retryable errors (429, 5xx, dropped connections). */
  retries: number;
  /** Prompt texts; read from `prompts/` when absent. */
  prompts?: Prompts;
  /** Longest `Retry-After` honoured, in milliseconds (default 5 s). */
  maxRetryAfterMs?: number;
}

/** One-line notes shown with the extractive answer when the generative one is not used. */
export const fallbackNotes = {
  timeout: 'The AI service did not respond in time, so this answer is quoted directly from the protocol.',
  failed: 'The AI service is unavailable just now, so this answer is quoted directly from the protocol.',
  unchecked:
    'The AI answer could not be checked against the protocol’s wording, so this answer is quoted directly from the protocol.',
} as const;

/** Replaces a refusal or escalation sentence that repeated our instructions. */
const plainReasons = {
  refuse: 'I can’t help with that: council officers and council resources must stay politically neutral.',
  escalate: 'The protocols don’t answer this clearly enough for me to give you a reliable answer.',
} as const;

/** The tool the model must call with its answer. */
const ANSWER_TOOL = 'give_answer';

/** Longest answer sentence(s) accepted from the model, in characters. */
const MAX_ANSWER_CHARS = 1_200;

/**
 * The generative composer: the model writes a short answer from the retrieved clauses only, citing each with a
 * verbatim quote. Every citation must name a supplied clause and quote it verbatim, or it is dropped; with none
 * left, or on timeout, failure or malformed output, the extractive answer is returned with a one-line note. The
 * model may make the decision stricter (escalate, refuse), never looser.
 */
export function createLlmComposer(options: LlmComposerOptions): Composer {
  const { logger, fallback } = options;
  const prompts = options.prompts ?? loadPrompts();
  const echoesPrompt = createPromptEchoCheck(prompts);
  const template = ChatPromptTemplate.fromMessages(
    [
      ['system', prompts.system],
      ['human', prompts.answer],
    ],
    { templateFormat: 'mustache' },
  );
  // The reply is validated with `modelAnswerSchema` below; LangChain only extracts the tool call's arguments.
  const structured = options.model.withStructuredOutput(toolParameters(modelAnswerSchema, ANSWER_TOOL), {
    name: ANSWER_TOOL,
    method: 'functionCalling',
    includeRaw: true,
  });

  const fallBack = async (input: ComposeInput, note: string): Promise<ComposedAnswer> => ({
    ...(await fallback.compose(input)),
    note,
  });

  return {
    async compose(input) {
      if (input.hits.length === 0) return fallback.compose(input);
      const started = Date.now();
      let output: ModelAnswer;
      try {
        output = await askModel(input);
      } catch (error) {
        const timedOut = ProtocolBotError.isInstance(error) && error.code === 'llm_timeout';
        logger.warn('generative answer failed; using the extractive answer', {
          code: ProtocolBotError.isInstance(error) ? error.code : undefined,
          error: describeError(error),
          elapsedMs: Date.now() - started,
        });
        if (ProtocolBotError.isInstance(error) && error.code === 'llm_invalid_output') {
          return fallBack(input, fallbackNotes.unchecked);
        }
        return fallBack(input, timedOut ? fallbackNotes.timeout : fallbackNotes.failed);
      }

      const { kept, dropped } = checkModelCitations(output.citations, input);
      if (dropped.length > 0) logger.warn('dropped model citations', { dropped });
      const answer = output.answer.trim();

      if (output.decision !== 'answer') {
        const text = answer === '' || echoesPrompt(answer) ? plainReasons[output.decision] : answer;
        logger.info('model made the decision stricter', { decision: output.decision });
        return { decision: output.decision, text, citations: kept };
      }

      const problem =
        kept.length === 0
          ? 'no citation survived the check'
          : answer === ''
            ? 'empty answer'
            : answer.length > MAX_ANSWER_CHARS
              ? 'answer too long'
              : echoesPrompt(answer)
                ? 'answer repeats the instructions'
                : unsupportedReference(answer, kept);
      if (problem) {
        logger.warn('generative answer rejected; using the extractive answer', { problem });
        return fallBack(input, fallbackNotes.unchecked);
      }
      logger.debug('generative answer', { elapsedMs: Date.now() - started, citations: kept.length });
      return {
        decision: 'answer',
        text: `${answer}\n\n${kept.map(formatQuote).join('\n\n')}`,
        citations: kept,
      };
    },
  };

  async function askModel(input: ComposeInput): Promise<ModelAnswer> {
    const messages = await template.formatMessages({
      question: neutraliseUserText(input.question),
      clauses: formatClauseContext(input),
    });
    const result = await callWithRetry((signal) => structured.invoke(messages, { signal }), {
      retries: options.retries,
      timeoutMs: options.timeoutMs,
      maxRetryAfterMs: options.maxRetryAfterMs,
      logger,
      operation: 'compose',
    });
    const parsed = modelAnswerSchema.safeParse(result.parsed);
    if (!parsed.success) {
      throw new ProtocolBotError(
        'llm_invalid_output',
        `compose: the model's reply does not match the answer schema (${parsed.error.issues[0]?.message ?? 'no tool call'})`,
      );
    }
    return parsed.data;
  }
}

/**
 * A clause reference in the answer's own words (`§9.9`, `clause 9.9`, `paragraph 9.9`) that none of the kept
 * citations supports, nor a parent or sub-item of one: the prose would cite what nobody checked.
 */
function unsupportedReference(answer: string, kept: { clause: string | null }[]): string | null {
  const references = answer.matchAll(
    /(?:§\s*|\b(?:clause|paragraph|para\.?)\s+)(\d+(?:\.\d+)*(?:\([a-z0-9]+\))*)/gi,
  );
  for (const match of references) {
    const id = match[1] ?? '';
    const supported = kept.some(
      ({ clause }) =>
        clause !== null &&
        (clause === id ||
          clause.startsWith(`${id}.`) ||
          clause.startsWith(`${id}(`) ||
          id.startsWith(`${clause}(`) ||
          id.startsWith(`${clause}.`)),
    );
    if (!supported) return `answer names ${clauseReference(id)}, which no checked citation supports`;
  }
  return null;
}
