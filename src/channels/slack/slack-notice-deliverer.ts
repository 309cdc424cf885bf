import type { webApi } from '@slack/bolt';
import type { CaseRecord, Notice, NoticeDeliverer } from '../../cases/index.js';
import type { Config } from '../../config.js';
import { describeError, ProtocolBotError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { RenderedMessage } from './render-answer-blocks.js';
import { renderCaseCard } from './render-case-card.js';
import { renderCaseReply } from './render-case-reply.js';
import { openDirectMessage } from './slack-direct-message.js';
import { slackCallError } from './slack-platform-error.js';
import { isDirectMessageChannel, slackReplyToSchema } from './slack-reply-target.js';

/** Metadata event type on every notice post; its payload carries the notice id, so a retry can find it. */
export const noticeEventType = 'protocol_bot_notice';

/**
 * Delivers case notices on Slack. `case_opened`: the case card (Claim / Answer / Close, and View for sensitive
 * cases) in MONITORING_OFFICER_SLACK_CHANNEL. `case_answered` / `case_closed`: the Monitoring Officer's answer
 * back to the asker — in the thread the question was asked in, or by direct message when the question was private
 * (slash command) or the case is sensitive and was asked in a channel. Failures throw `delivery_failed`,
 * retryable unless Slack's answer says a retry cannot help, so the outbox tries again later.
 */
export function createSlackNoticeDeliverer(options: {
  client: webApi.WebClient;
  config: Config;
  logger: Logger;
}): NoticeDeliverer {
  const { client, config, logger } = options;

  const post = async (
    notice: Notice,
    channel: string,
    threadTs: string | undefined,
    message: RenderedMessage,
  ) => {
    // Only a retry can find its own earlier post (the process may have died before marking it delivered).
    if (notice.attempts > 1 && (await alreadyPosted(notice, channel, threadTs))) {
      logger.info('slack notice was already posted; not posting it twice', { noticeId: notice.id, channel });
      return;
    }
    try {
      await client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks,
        metadata: { event_type: noticeEventType, event_payload: { notice_id: notice.id } },
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
    } catch (error) {
      throw asDeliveryError(slackCallError('chat.postMessage', error));
    }
  };

  const alreadyPosted = async (notice: Notice, channel: string, threadTs: string | undefined) => {
    try {
      const recent = threadTs
        ? await client.conversations.replies({ channel, ts: threadTs, limit: 50, include_all_metadata: true })
        : await client.conversations.history({ channel, limit: 50, include_all_metadata: true });
      return (recent.messages ?? []).some(
        (message) =>
          message.metadata?.event_type === noticeEventType &&
          Number((message.metadata.event_payload as Record<string, unknown> | undefined)?.notice_id) ===
            notice.id,
      );
    } catch (error) {
      // Without history access a duplicate is possible but the notice is not lost.
      logger.warn('could not check for an earlier slack notice', {
        noticeId: notice.id,
        error: describeError(error),
      });
      return false;
    }
  };

  const toAsker = async (notice: Notice, record: CaseRecord, message: RenderedMessage) => {
    if (record.asker.platform !== 'slack') {
      throw new ProtocolBotError(
        'delivery_failed',
        `case ${record.reference} was asked on ${record.asker.platform}, not Slack`,
      );
    }
    const target = slackReplyToSchema.safeParse(record.replyTo ?? {});
    const replyTo = target.success ? target.data : {};
    const mustBePrivate =
      replyTo.direct === true ||
      !replyTo.channel ||
      (record.sensitive && (record.publicChannel || !isDirectMessageChannel(replyTo.channel)));
    if (mustBePrivate) {
      let channel: string;
      try {
        channel = await openDirectMessage(client, record.asker.userId);
      } catch (error) {
        throw asDeliveryError(error);
      }
      await post(notice, channel, undefined, message);
      return;
    }
    await post(notice, replyTo.channel as string, replyTo.threadTs, message);
  };

  return {
    platform: 'slack',
    async deliver(notice: Notice, record: CaseRecord) {
      logger.debug('delivering a slack notice', { kind: notice.kind, reference: record.reference });
      switch (notice.kind) {
        case 'case_opened': {
          const channel = config.MONITORING_OFFICER_SLACK_CHANNEL;
          if (!channel) {
            throw new ProtocolBotError(
              'delivery_failed',
              'MONITORING_OFFICER_SLACK_CHANNEL is not set, so case notices cannot be posted in Slack',
            );
          }
          await post(notice, channel, undefined, renderCaseCard(record));
          return;
        }
        case 'case_answered':
        case 'case_closed':
          await toAsker(notice, record, renderCaseReply(record, notice.kind));
          return;
      }
    },
  };
}

function asDeliveryError(error: unknown): ProtocolBotError {
  const retryable = ProtocolBotError.isInstance(error) ? error.retryable : true;
  return new ProtocolBotError('delivery_failed', error instanceof Error ? error.message : String(error), {
    cause: error,
    retryable,
  });
}
