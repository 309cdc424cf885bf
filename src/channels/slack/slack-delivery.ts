import { z } from 'zod';
import type { InboxEntry } from '../../cases/index.js';
import { type ReadyTurn, threadKey } from '../conversation/index.js';
import { bestEffort } from './best-effort.js';
import type { SlackAdapter } from './slack-adapter.js';
import { cleanSlackMessage } from './slack-message-text.js';
import { truncate } from './slack-mrkdwn.js';
import { slackReplyToSchema } from './slack-reply-target.js';
import { slackResponder } from './slack-responder.js';

/**
 * A Slack question as stored in the durable inbox: everything needed to answer it later, in this process or after
 * a restart (the Bolt request that brought it is gone by then).
 */
export const slackDeliverySchema = z.object({
  /** Message text as Slack sent it (mentions, entities and links still in it). */
  rawText: z.string(),
  userId: z.string(),
  /** Passed to the pipeline so a retried event never opens a second case. */
  eventId: z.string().optional(),
  /** Channel or DM the question was asked in. */
  channel: z.string(),
  /** Root of the thread the question belongs to (absent for a top-level DM). */
  threadTs: z.string().optional(),
  /** False only in a direct message: sensitive details must not be shown where others can read them. */
  inChannel: z.boolean(),
  /** Where the Monitoring Officer's answer goes if a case is opened. */
  replyTo: slackReplyToSchema,
  /** An explicit "Ask the Monitoring Officer". */
  forceEscalation: z.boolean().optional(),
  /** Key of the follow-up memory; defaults to channel + thread (slash commands use channel + user). */
  historyKey: z.string().optional(),
  /** Where the answer goes: a thread (or DM) post, or the interaction's response URL (ephemeral). */
  reply: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('thread'), channel: z.string(), threadTs: z.string().optional() }),
    z.object({ kind: z.literal('ephemeral'), responseUrl: z.string() }),
  ]),
  /** Asked in the assistant pane: show a status while answering, and title a new thread. */
  assistantThread: z.boolean().optional(),
});

/** Shown in the assistant pane while the pipeline runs. */
export const searchingStatus = 'is searching the protocols…';

/** A stored Slack question. */
export type SlackDelivery = z.infer<typeof slackDeliverySchema>;

/**
 * Hands a Slack question to the conversation inbox under a delivery id unique to it (the retry dedupe). Awaited
 * before the request is acknowledged (processBeforeResponse over HTTP; the held acknowledgement in Socket Mode).
 * A repeated delivery is logged and answered no more. When the inbox cannot take it, the `inbox_unavailable` error
 * reaches the app's error handler, which rethrows it so Slack is not told "received".
 */
export async function receiveSlackQuestion(
  adapter: SlackAdapter,
  deliveryId: string,
  delivery: SlackDelivery,
  retryNum?: number,
): Promise<void> {
  const fresh = await adapter.ports.conversation.receive({
    platform: 'slack',
    deliveryId,
    payload: delivery,
    replyTo: delivery.replyTo,
  });
  if (!fresh) {
    adapter.ports.logger.info('ignored a repeated slack event', {
      eventId: delivery.eventId,
      retryNum,
      channel: delivery.channel,
    });
  }
}

/** Reads a stored Slack question back into a turn for the conversation flow. */
export function readSlackDelivery(adapter: SlackAdapter, entry: InboxEntry): ReadyTurn | null {
  const parsed = slackDeliverySchema.safeParse(entry.payload);
  if (!parsed.success) return null;
  const delivery = parsed.data;
  const responder = slackResponder(adapter, delivery);
  if (delivery.assistantThread) {
    responder.working = (history) => showAssistantStatus(adapter, delivery, history.length === 0);
  }
  return {
    question: {
      text: cleanSlackMessage(delivery.rawText),
      asker: { platform: 'slack', userId: delivery.userId },
      eventId: delivery.eventId,
      threadKey: delivery.historyKey ?? threadKey(delivery.channel, delivery.threadTs),
      publicChannel: delivery.inChannel,
      replyTo: { ...delivery.replyTo },
      forceEscalation: delivery.forceEscalation,
    },
    responder,
  };
}

/** The assistant pane's title (a thread's first question) and "searching…" status; cosmetic, so failures only warn. */
async function showAssistantStatus(adapter: SlackAdapter, delivery: SlackDelivery, firstQuestion: boolean) {
  const thread = { channel_id: delivery.channel, thread_ts: delivery.threadTs ?? '' };
  const { logger } = adapter.ports;
  if (firstQuestion) {
    await bestEffort(logger, 'title', () =>
      adapter.client.assistant.threads.setTitle({
        ...thread,
        title: truncate(cleanSlackMessage(delivery.rawText), 60),
      }),
    );
  }
  await bestEffort(logger, 'status', () =>
    adapter.client.assistant.threads.setStatus({ ...thread, status: searchingStatus }),
  );
}
