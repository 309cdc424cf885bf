import type { App } from '@slack/bolt';
import { answerSlackQuestion } from './answer-slack-question.js';
import type { SlackAdapter } from './slack-adapter.js';
import {
  eventEnvelopeSchema,
  isFromPerson,
  slashCommandSchema,
  type UserMessageEvent,
  userMessageEventSchema,
} from './slack-payloads.js';
import { ephemeralReply, postReply } from './slack-replies.js';
import { isDirectMessageChannel } from './slack-reply-target.js';

/** The slash command registered in the app manifest. */
export const slashCommand = '/protocol';

/**
 * Registers the three ways to ask: an @mention in a channel (answered in the thread), a direct message (answered
 * there), and `/protocol question` (acknowledged at once, answered ephemerally). Events from bots, edits and
 * retried or duplicated deliveries are ignored.
 */
export function registerQuestionListeners(app: App, adapter: SlackAdapter): void {
  const { logger } = adapter.runtime;

  app.event('app_mention', async ({ event, body, context }) => {
    const mention = readPersonMessage(adapter, event, body, context.retryNum);
    if (!mention) return;
    const threadTs = mention.thread_ts ?? mention.ts;
    await answerSlackQuestion(
      adapter,
      {
        rawText: mention.text,
        userId: mention.user,
        eventId: eventIdOf(body),
        channel: mention.channel,
        threadTs,
        inChannel: !isDirectMessageChannel(mention.channel),
        replyTo: { channel: mention.channel, threadTs },
      },
      postReply(adapter.client, mention.channel, threadTs),
    );
  });

  app.event('message', async ({ event, body, context }) => {
    // Only direct messages: channel threads are followed through @mentions.
    if ((event as { channel_type?: string }).channel_type !== 'im') return;
    const message = readPersonMessage(adapter, event, body, context.retryNum);
    if (!message) return;
    await answerSlackQuestion(
      adapter,
      {
        rawText: message.text,
        userId: message.user,
        eventId: eventIdOf(body),
        channel: message.channel,
        threadTs: message.thread_ts,
        inChannel: false,
        replyTo: { channel: message.channel, threadTs: message.thread_ts },
      },
      postReply(adapter.client, message.channel, message.thread_ts),
    );
  });

  app.command(slashCommand, async ({ command, ack, respond }) => {
    await ack();
    const parsed = slashCommandSchema.safeParse(command);
    if (!parsed.success) {
      logger.warn('unreadable slash command payload', { issues: parsed.error.issues.length });
      return;
    }
    const { text, user_id: userId, channel_id: channel, trigger_id: triggerId } = parsed.data;
    await answerSlackQuestion(
      adapter,
      {
        rawText: text,
        userId,
        eventId: triggerId ? `command:${triggerId}` : undefined,
        channel,
        inChannel: !isDirectMessageChannel(channel),
        // The answer was private, so the Monitoring Officer's answer comes by direct message.
        replyTo: { direct: true },
        historyKey: `${channel}:${userId}`,
      },
      ephemeralReply(respond),
    );
  });
}

/**
 * Parses a message event and decides whether to answer it: only a person's message (no bot, no subtype), and only
 * the first delivery of its event id and of its message (a DM that mentions the bot arrives twice).
 */
export function readPersonMessage(
  adapter: SlackAdapter,
  event: unknown,
  body: unknown,
  retryNum: number | undefined,
): (UserMessageEvent & { user: string }) | null {
  const parsed = userMessageEventSchema.safeParse(event);
  if (!parsed.success) {
    adapter.runtime.logger.warn('unreadable slack message event', { issues: parsed.error.issues.length });
    return null;
  }
  const message = parsed.data;
  if (!isFromPerson(message)) return null;
  const eventId = eventIdOf(body);
  const fresh =
    (eventId === undefined || adapter.events.firstSighting(eventId)) &&
    adapter.events.firstSighting(`message:${message.channel}:${message.ts}`);
  if (!fresh) {
    adapter.runtime.logger.info('ignored a repeated slack event', {
      eventId,
      retryNum,
      channel: message.channel,
    });
    return null;
  }
  return message;
}

/** The Events API `event_id` of a delivery, if it has one. */
export function eventIdOf(body: unknown): string | undefined {
  const parsed = eventEnvelopeSchema.safeParse(body);
  return parsed.success ? parsed.data.event_id : undefined;
}
