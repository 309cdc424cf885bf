import { randomUUID } from 'node:crypto';
import type { App } from '@slack/bolt';
import type { SlackAdapter } from './slack-adapter.js';
import { receiveSlackQuestion } from './slack-delivery.js';
import {
  eventEnvelopeSchema,
  isFromPerson,
  slashCommandSchema,
  type UserMessageEvent,
  userMessageEventSchema,
} from './slack-payloads.js';
import { isDirectMessageChannel } from './slack-reply-target.js';

/** The slash command registered in the app manifest. */
export const slashCommand = '/protocol';

/**
 * Registers the three ways to ask: an @mention in a channel (answered in the thread), a direct message (answered
 * there), and `/protocol question` (answered ephemerally). Each question is written to the durable inbox before
 * Slack is acknowledged; events from bots and edits are ignored, and the inbox ignores retried or duplicated
 * deliveries.
 */
export function registerQuestionListeners(app: App, adapter: SlackAdapter): void {
  const { logger } = adapter.ports;

  app.event('app_mention', async ({ event, body, context }) => {
    const mention = readPersonMessage(adapter, event);
    if (!mention) return;
    const threadTs = mention.thread_ts ?? mention.ts;
    await receiveSlackQuestion(
      adapter,
      messageDeliveryId(mention),
      {
        rawText: mention.text,
        userId: mention.user,
        eventId: eventIdOf(body),
        channel: mention.channel,
        threadTs,
        inChannel: !isDirectMessageChannel(mention.channel),
        replyTo: { channel: mention.channel, threadTs },
        reply: { kind: 'thread', channel: mention.channel, threadTs },
      },
      context.retryNum,
    );
  });

  app.event('message', async ({ event, body, context }) => {
    // Only direct messages: channel threads are followed through @mentions.
    if ((event as { channel_type?: string }).channel_type !== 'im') return;
    const message = readPersonMessage(adapter, event);
    if (!message) return;
    await receiveSlackQuestion(
      adapter,
      messageDeliveryId(message),
      {
        rawText: message.text,
        userId: message.user,
        eventId: eventIdOf(body),
        channel: message.channel,
        threadTs: message.thread_ts,
        inChannel: false,
        replyTo: { channel: message.channel, threadTs: message.thread_ts },
        reply: { kind: 'thread', channel: message.channel, threadTs: message.thread_ts },
      },
      context.retryNum,
    );
  });

  app.command(slashCommand, async ({ command, ack }) => {
    const parsed = slashCommandSchema.safeParse(command);
    if (!parsed.success || !parsed.data.response_url) {
      await ack();
      logger.warn('unreadable slash command payload', {
        issues: parsed.success ? 0 : parsed.error.issues.length,
      });
      return;
    }
    const { text, user_id: userId, channel_id: channel, trigger_id: triggerId } = parsed.data;
    const eventId = `command:${triggerId ?? randomUUID()}`;
    await receiveSlackQuestion(adapter, eventId, {
      rawText: text,
      userId,
      eventId: triggerId ? eventId : undefined,
      channel,
      inChannel: !isDirectMessageChannel(channel),
      // The answer was private, so the Monitoring Officer's answer comes by direct message.
      replyTo: { direct: true },
      historyKey: `${channel}:${userId}`,
      reply: { kind: 'ephemeral', responseUrl: parsed.data.response_url },
    });
    await ack();
  });
}

/**
 * Parses a message event and decides whether it is a question: only a person's message (no bot, no subtype).
 * Repeats are the inbox's business (see {@link messageDeliveryId}).
 */
export function readPersonMessage(
  adapter: SlackAdapter,
  event: unknown,
): (UserMessageEvent & { user: string }) | null {
  const parsed = userMessageEventSchema.safeParse(event);
  if (!parsed.success) {
    adapter.ports.logger.warn('unreadable slack message event', { issues: parsed.error.issues.length });
    return null;
  }
  return isFromPerson(parsed.data) ? parsed.data : null;
}

/**
 * The inbox delivery id of a message: its channel and timestamp, the same on every retry and on both events a
 * message can arrive as (a DM that mentions the bot comes as `message.im` and `app_mention`).
 */
export function messageDeliveryId(message: UserMessageEvent): string {
  return `message:${message.channel}:${message.ts}`;
}

/** The Events API `event_id` of a delivery, if it has one. */
export function eventIdOf(body: unknown): string | undefined {
  const parsed = eventEnvelopeSchema.safeParse(body);
  return parsed.success ? parsed.data.event_id : undefined;
}
