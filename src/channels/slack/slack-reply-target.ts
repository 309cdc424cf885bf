import { z } from 'zod';

/**
 * Where the Monitoring Officer's answer to a Slack case goes, stored with the case as `replyTo`: the channel and
 * thread the question was asked in, or a direct message (`direct`, for slash commands whose answer was private).
 */
export const slackReplyToSchema = z.object({
  /** Channel (C…, G…) or DM (D…) id the question was asked in. */
  channel: z.string().min(1).optional(),
  /** Root timestamp of the thread to answer in. */
  threadTs: z.string().min(1).optional(),
  /** Answer by direct message rather than in the channel. */
  direct: z.boolean().optional(),
});

/** Where a Slack case's answer goes. */
export type SlackReplyTo = z.infer<typeof slackReplyToSchema>;

/** True for a Slack conversation id that is a direct message (D…), where details can never be seen by others. */
export function isDirectMessageChannel(channel: string): boolean {
  return channel.startsWith('D');
}
