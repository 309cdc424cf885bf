import type { Answer } from '../../answer/answer-schema.js';
import type { Question } from '../../answer/question.js';
import { remit } from '../../answer/replies.js';
import { describeError } from '../../errors.js';
import { sections } from './block-builders.js';
import { type RenderedMessage, renderAnswerBlocks } from './render-answer-blocks.js';
import type { SlackAdapter } from './slack-adapter.js';
import { openDirectMessage } from './slack-direct-message.js';
import { cleanSlackMessage } from './slack-message-text.js';
import { slackErrorCode } from './slack-platform-error.js';
import type { SlackReplyTo } from './slack-reply-target.js';
import { threadKey } from './thread-memory.js';

/** A question as the Slack adapter received it, before cleaning. */
export interface SlackQuestion {
  /** Message text as Slack sent it (mentions, entities and links still in it). */
  rawText: string;
  userId: string;
  /** Slack `event_id`, passed to the pipeline so a retried event never opens a second case. */
  eventId?: string;
  /** Channel or DM the question was asked in. */
  channel: string;
  /** Root of the thread the question belongs to (absent for a top-level DM). */
  threadTs?: string;
  /** False only in a direct message: sensitive details must not be shown where others can read them. */
  inChannel: boolean;
  /** Where the Monitoring Officer's answer goes if a case is opened. */
  replyTo: SlackReplyTo;
  /** An explicit "Ask the Monitoring Officer". */
  forceEscalation?: boolean;
  /** Key of the follow-up memory; defaults to channel + thread (slash commands use channel + user). */
  historyKey?: string;
}

/** Sends one message where the question was asked (thread post, ephemeral response, assistant thread). */
export type SlackReply = (message: RenderedMessage) => Promise<void>;

/** Short replies the adapter writes itself, without the pipeline. */
export const adapterReplies = {
  help: `Ask me a question about working together under the member/officer protocols. ${remit} For example: “How quickly must an officer reply to a councillor’s email?”`,
  slowDown: 'You’re asking faster than I can keep up — please wait a minute and then ask again.',
  movedToDirectMessage: 'I’ve sent you a direct message about this.',
  apology: 'Sorry — something went wrong while I was sending my answer. Please try again in a moment.',
} as const;

/** A plain one-section message. */
export function plainMessage(text: string): RenderedMessage {
  return { text, blocks: sections(text) };
}

/**
 * The one path from a Slack question to a Slack reply: clean the text (empty → help), apply the per-user rate
 * limit (over → "slow down", no pipeline call), ask the pipeline with the thread's earlier questions, log the
 * question (its id goes on the feedback buttons), and reply. A sensitive escalation asked in a channel gets a
 * neutral line there and continues in a direct message. A failed reply is logged and answered with a short
 * apology rather than silence. Resolves with the answer, or null when the pipeline was not asked.
 */
export async function answerSlackQuestion(
  adapter: SlackAdapter,
  question: SlackQuestion,
  reply: SlackReply,
): Promise<Answer | null> {
  const { runtime } = adapter;
  const text = cleanSlackMessage(question.rawText);
  if (!/\p{L}/u.test(text)) {
    await sendSafely(adapter, question, reply, [plainMessage(adapterReplies.help)]);
    return null;
  }
  if (!adapter.limiter.tryTake(question.userId)) {
    runtime.logger.warn('slack user over the rate limit', { userId: question.userId });
    await sendSafely(adapter, question, reply, [plainMessage(adapterReplies.slowDown)]);
    return null;
  }

  const key = question.historyKey ?? threadKey(question.channel, question.threadTs);
  const pipelineQuestion: Question = {
    text,
    history: adapter.memory.history(key),
    asker: { platform: 'slack', userId: question.userId },
    eventId: question.eventId,
    replyTo: { ...question.replyTo },
    publicChannel: question.inChannel,
    forceEscalation: question.forceEscalation,
  };
  const answer = await adapter.answering.run(() => runtime.pipeline.answer(pipelineQuestion));
  adapter.memory.remember(key, answer.question || text);
  const questionId = await recordQuestion(adapter, question, answer);
  const messages = renderAnswerBlocks(answer, {
    documents: runtime.retriever.documents,
    clock: runtime.clock,
    questionId,
  });

  if (answer.decision === 'escalate' && answer.handoff?.sensitive && question.inChannel) {
    await sendSafely(adapter, question, reply, [plainMessage(adapterReplies.movedToDirectMessage)]);
    await sendDirectly(adapter, question, messages);
    return answer;
  }
  await sendSafely(adapter, question, reply, messages);
  return answer;
}

async function recordQuestion(
  adapter: SlackAdapter,
  question: SlackQuestion,
  answer: Answer,
): Promise<string | undefined> {
  try {
    return await adapter.runtime.handoff.questions.record({
      platform: 'slack',
      userId: question.userId,
      question: answer.question,
      decision: answer.decision,
      citations: answer.citations,
      caseReference: answer.handoff?.reference,
    });
  } catch (error) {
    // The answer still goes out; only the feedback buttons are lost.
    adapter.runtime.logger.error('could not record a slack question', {
      error: describeError(error),
      userId: question.userId,
      eventId: question.eventId,
    });
    return undefined;
  }
}

async function sendSafely(
  adapter: SlackAdapter,
  question: SlackQuestion,
  reply: SlackReply,
  messages: RenderedMessage[],
): Promise<void> {
  try {
    for (const message of messages) await reply(message);
  } catch (error) {
    adapter.runtime.logger.error('slack reply failed', {
      error: describeError(error),
      slackError: slackErrorCode(error),
      channel: question.channel,
      threadTs: question.threadTs,
      userId: question.userId,
      eventId: question.eventId,
    });
    try {
      await reply(plainMessage(adapterReplies.apology));
    } catch (second) {
      adapter.runtime.logger.error('slack apology failed too', {
        error: describeError(second),
        channel: question.channel,
        userId: question.userId,
      });
    }
  }
}

async function sendDirectly(
  adapter: SlackAdapter,
  question: SlackQuestion,
  messages: RenderedMessage[],
): Promise<void> {
  let channel: string;
  try {
    channel = await openDirectMessage(adapter.client, question.userId);
  } catch (error) {
    adapter.runtime.logger.error('could not open a direct message for a sensitive reply', {
      error: describeError(error),
      userId: question.userId,
      eventId: question.eventId,
    });
    return;
  }
  const post = async (message: RenderedMessage) => {
    await adapter.client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
  };
  await sendSafely(adapter, { ...question, channel, threadTs: undefined }, post, messages);
}
