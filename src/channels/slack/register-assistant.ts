import { type App, Assistant } from '@slack/bolt';
import { bestEffort } from './best-effort.js';
import { eventIdOf, messageDeliveryId, readPersonMessage } from './register-question-listeners.js';
import type { SlackAdapter } from './slack-adapter.js';
import { receiveSlackQuestion } from './slack-delivery.js';
import { postReply } from './slack-replies.js';
import { plainMessage } from './slack-responder.js';

/** Prompts offered when someone opens the assistant pane. */
export const suggestedPrompts = [
  {
    title: 'Replying to councillors',
    message: 'How quickly must an officer reply to a councillor’s email?',
  },
  {
    title: 'Political group meetings',
    message: 'Can officers attend political group meetings?',
  },
  {
    title: 'Access to information',
    message: 'What information can a councillor ask officers for?',
  },
  {
    title: 'When things go wrong',
    message: 'A councillor keeps pressuring me to change my report. What should I do?',
  },
];

/** Posted when someone opens the assistant pane. */
export const greeting =
  'Hello! Ask me how councillors and officers work together under the member/officer protocols.';

/**
 * Registers the Slack assistant pane (Bolt's `Assistant`): suggested prompts when a thread starts, the thread's
 * title set from its first question and a "searching the protocols…" status while answering (see
 * `slack-delivery.ts`), and the answer in the thread through the same inbox and flow as every other question.
 */
export function registerAssistant(app: App, adapter: SlackAdapter): void {
  const { logger } = adapter.ports;
  // Titles, statuses and prompts are cosmetic: the answer must still go out.
  const attempt = (what: string, call: () => Promise<unknown>) => bestEffort(logger, what, call);

  app.assistant(
    new Assistant({
      threadStarted: async ({ event, setSuggestedPrompts }) => {
        const thread = (event as { assistant_thread?: { channel_id?: string; thread_ts?: string } })
          .assistant_thread;
        if (thread?.channel_id && thread.thread_ts) {
          await attempt('greeting', () =>
            postReply(adapter.client, thread.channel_id as string, thread.thread_ts)(plainMessage(greeting)),
          );
        }
        await attempt('suggested prompts', () =>
          setSuggestedPrompts({ title: 'Try asking', prompts: suggestedPrompts }),
        );
      },
      // Answers do not depend on the channel the user is viewing beside the pane, so the context is not stored
      // (Bolt's default store would rewrite the greeting's metadata on every change).
      threadContextChanged: async () => {},
      userMessage: async ({ message, body, context }) => {
        const question = readPersonMessage(adapter, message);
        if (!question) return;
        const threadTs = question.thread_ts ?? question.ts;
        await receiveSlackQuestion(
          adapter,
          messageDeliveryId(question),
          {
            rawText: question.text,
            userId: question.user,
            eventId: eventIdOf(body),
            channel: question.channel,
            threadTs,
            inChannel: false,
            replyTo: { channel: question.channel, threadTs },
            reply: { kind: 'thread', channel: question.channel, threadTs },
            assistantThread: true,
          },
          context.retryNum,
        );
      },
    }),
  );
}
