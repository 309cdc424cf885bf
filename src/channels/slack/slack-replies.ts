import type { RespondFn, webApi } from '@slack/bolt';
import type { SlackReply } from './answer-slack-question.js';
import type { RenderedMessage } from './render-answer-blocks.js';
import { slackCallError } from './slack-platform-error.js';

/** A reply posted in a channel or DM, in `threadTs`'s thread when given. */
export function postReply(
  client: webApi.WebClient,
  channel: string,
  threadTs: string | undefined,
): SlackReply {
  return async (message: RenderedMessage) => {
    try {
      await client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks,
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
    } catch (error) {
      throw slackCallError('chat.postMessage', error);
    }
  };
}

/** A reply only the asker sees, through the interaction's `response_url` (slash commands, ephemeral answers). */
export function ephemeralReply(respond: RespondFn): SlackReply {
  return async (message: RenderedMessage) => {
    try {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: message.text,
        blocks: message.blocks,
      });
    } catch (error) {
      throw slackCallError('response_url', error);
    }
  };
}

/** A short private notice to one user in a channel (chat.postEphemeral), e.g. "only the Monitoring Officer can…". */
export async function tellPrivately(
  client: webApi.WebClient,
  channel: string,
  user: string,
  text: string,
): Promise<void> {
  try {
    await client.chat.postEphemeral({ channel, user, text });
  } catch (error) {
    throw slackCallError('chat.postEphemeral', error);
  }
}
