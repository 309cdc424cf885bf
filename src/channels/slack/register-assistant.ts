import { type App, Assistant } from '@slack/bolt';
import { describeError } from '../../errors.js';
import { answerSlackQuestion, plainMessage } from './answer-slack-question.js';
import { eventIdOf, readPersonMessage } from './register-question-listeners.js';
import type { SlackAdapter } from './slack-adapter.js';
import { cleanSlackMessage } from './slack-message-text.js';
import { truncate } from './slack-mrkdwn.js';
import { slackErrorCode } from './slack-platform-error.js';
import { postReply } from './slack-replies.js';
import { threadKey } from './thread-memory.js';

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

/** Shown while the pipeline runs. */
export const searchingStatus = 'is searching the protocols…';

/**
 * Registers the Slack assistant pane (Bolt's `Assistant`): suggested prompts when a thread starts, the thread's
 * title set from its first question, a "searching the protocols…" status while answering, and the answer in the
 * thread through the same path as every other question.
 */
export function registerAssistant(app: App, adapter: SlackAdapter): void {
  const { logger } = adapter.runtime;
  const bestEffort = async (what: string, call: () => Promise<unknown>) => {
    try {
      await call();
    } catch (error) {
      // Titles, statuses and prompts are cosmetic: the answer must still go out.
      logger.warn(`assistant ${what} failed`, {
        error: describeError(error),
        slackError: slackErrorCode(error),
      });
    }
  };

  app.assistant(
    new Assistant({
      threadStarted: async ({ event, setSuggestedPrompts }) => {
        const thread = (event as { assistant_thread?: { channel_id?: string; thread_ts?: string } })
          .assistant_thread;
        if (thread?.channel_id && thread.thread_ts) {
          await bestEffort('greeting', () =>
            postReply(adapter.client, thread.channel_id as string, thread.thread_ts)(plainMessage(greeting)),
          );
        }
        await bestEffort('suggested prompts', () =>
          setSuggestedPrompts({ title: 'Try asking', prompts: suggestedPrompts }),
        );
      },
      // Answers do not depend on the channel the user is viewing beside the pane, so the context is not stored
      // (Bolt's default store would rewrite the greeting's metadata on every change).
      threadContextChanged: async () => {},
      userMessage: async ({ message, body, context, setStatus, setTitle }) => {
        const question = readPersonMessage(adapter, message, body, context.retryNum);
        if (!question) return;
        const threadTs = question.thread_ts ?? question.ts;
        if (adapter.memory.history(threadKey(question.channel, threadTs)).length === 0) {
          await bestEffort('title', () => setTitle(truncate(cleanSlackMessage(question.text), 60)));
        }
        await bestEffort('status', () => setStatus(searchingStatus));
        await answerSlackQuestion(
          adapter,
          {
            rawText: question.text,
            userId: question.user,
            eventId: eventIdOf(body),
            channel: question.channel,
            threadTs,
            inChannel: false,
            replyTo: { channel: question.channel, threadTs },
          },
          postReply(adapter.client, question.channel, threadTs),
        );
      },
    }),
  );
}
