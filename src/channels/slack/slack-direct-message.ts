import type { webApi } from '@slack/bolt';
import { slackCallError } from './slack-platform-error.js';

/** Opens (or finds) the bot's direct-message conversation with `userId` and returns its channel id. */
export async function openDirectMessage(client: webApi.WebClient, userId: string): Promise<string> {
  let opened: webApi.ConversationsOpenResponse;
  try {
    opened = await client.conversations.open({ users: userId });
  } catch (error) {
    throw slackCallError('conversations.open', error);
  }
  const channel = opened.channel?.id;
  if (!channel) throw slackCallError('conversations.open', new Error('no channel id in the answer'));
  return channel;
}
