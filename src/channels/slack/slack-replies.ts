import type { webApi } from '@slack/bolt';
import type { RenderedMessage } from './render-answer-blocks.js';
import { slackCallError } from './slack-platform-error.js';
import type { SlackReply } from './slack-responder.js';

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

/**
 * A reply only the asker sees, posted to the interaction's `response_url` (slash commands, ephemeral answers). The
 * URL is all it needs, so the answer can go out after a restart too (Slack honours it for 30 minutes).
 */
export function ephemeralReply(responseUrl: string): SlackReply {
  return async (message: RenderedMessage) => {
    try {
      const response = await fetch(responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          response_type: 'ephemeral',
          replace_original: false,
          text: message.text,
          blocks: message.blocks,
        }),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status} from the response URL`);
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
