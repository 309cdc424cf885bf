import type { Answer } from '../../answer/index.js';
import { describeError } from '../../errors.js';
import { conversationReplies, type Responder } from '../conversation/index.js';
import { sections } from './block-builders.js';
import { type RenderedMessage, renderAnswerBlocks } from './render-answer-blocks.js';
import type { SlackAdapter } from './slack-adapter.js';
import type { SlackDelivery } from './slack-delivery.js';
import { openDirectMessage } from './slack-direct-message.js';
import { slackErrorCode } from './slack-platform-error.js';
import { ephemeralReply, postReply } from './slack-replies.js';

/** Sends one message where the question was asked (thread post, ephemeral response, assistant thread). */
export type SlackReply = (message: RenderedMessage) => Promise<void>;

/** Short replies the Slack adapter writes itself, without the pipeline. */
export const adapterReplies = {
  ...conversationReplies,
  movedToDirectMessage: 'I’ve sent you a direct message about this.',
  apology: 'Sorry — something went wrong while I was sending my answer. Please try again in a moment.',
} as const;

/** A plain one-section message. */
export function plainMessage(text: string): RenderedMessage {
  return { text, blocks: sections(text) };
}

/**
 * Renders and sends the conversation flow's replies for one Slack question. A sensitive escalation asked in a
 * channel gets a neutral line there and continues in a direct message. A failed reply is logged and answered with a
 * short apology rather than silence.
 */
export function slackResponder(adapter: SlackAdapter, delivery: SlackDelivery): Responder {
  const reply: SlackReply =
    delivery.reply.kind === 'ephemeral'
      ? ephemeralReply(delivery.reply.responseUrl)
      : postReply(adapter.client, delivery.reply.channel, delivery.reply.threadTs);
  const render = (answer: Answer, questionId: string | undefined) =>
    renderAnswerBlocks(answer, { questionId });

  return {
    help: () => sendSafely(adapter, delivery, reply, [plainMessage(adapterReplies.help)]),
    slowDown: () => sendSafely(adapter, delivery, reply, [plainMessage(adapterReplies.slowDown)]),
    answer: (answer, questionId) => sendSafely(adapter, delivery, reply, render(answer, questionId)),
    async answerPrivately(answer, questionId) {
      await sendSafely(adapter, delivery, reply, [plainMessage(adapterReplies.movedToDirectMessage)]);
      await sendDirectly(adapter, delivery, render(answer, questionId));
    },
  };
}

async function sendSafely(
  adapter: SlackAdapter,
  delivery: SlackDelivery,
  reply: SlackReply,
  messages: RenderedMessage[],
): Promise<void> {
  const { logger } = adapter.ports;
  try {
    for (const message of messages) await reply(message);
  } catch (error) {
    logger.error('slack reply failed', {
      error: describeError(error),
      slackError: slackErrorCode(error),
      channel: delivery.channel,
      threadTs: delivery.threadTs,
      userId: delivery.userId,
      eventId: delivery.eventId,
    });
    try {
      await reply(plainMessage(adapterReplies.apology));
    } catch (second) {
      logger.error('slack apology failed too', {
        error: describeError(second),
        channel: delivery.channel,
        userId: delivery.userId,
      });
    }
  }
}

async function sendDirectly(
  adapter: SlackAdapter,
  delivery: SlackDelivery,
  messages: RenderedMessage[],
): Promise<void> {
  let channel: string;
  try {
    channel = await openDirectMessage(adapter.client, delivery.userId);
  } catch (error) {
    adapter.ports.logger.error('could not open a direct message for a sensitive reply', {
      error: describeError(error),
      userId: delivery.userId,
      eventId: delivery.eventId,
    });
    return;
  }
  await sendSafely(
    adapter,
    { ...delivery, channel, threadTs: undefined },
    postReply(adapter.client, channel, undefined),
    messages,
  );
}
