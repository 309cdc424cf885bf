import { z } from 'zod';
import {
  conversationReferenceSchema,
  type StoredConversationReference,
} from './monitoring-officer-registry.js';

/**
 * What the Teams adapter stores in `Question.replyTo` (and so in the case record): the conversation reference of
 * the question, so the Monitoring Officer's answer can be delivered there, plus the asker's Teams id and tenant so a
 * sensitive case can continue in a personal chat.
 */
export const teamsReplyTargetSchema = z.object({
  platform: z.literal('teams'),
  /** The question's conversation, with the question's activity id (answers go into its reply chain). */
  reference: conversationReferenceSchema,
  /** Teams user id of the asker (`29:…`), for a personal chat. */
  userId: z.string(),
  tenantId: z.string().optional(),
});

/** A parsed Teams reply target. */
export type TeamsReplyTarget = z.infer<typeof teamsReplyTargetSchema>;

/** Builds the reply target stored with a question. */
export function teamsReplyTarget(
  reference: StoredConversationReference,
  userId: string,
  tenantId: string | undefined,
): TeamsReplyTarget {
  return { platform: 'teams', reference, userId, ...(tenantId ? { tenantId } : {}) };
}

/** Reads a stored reply target; undefined when the case came from elsewhere or the record is malformed. */
export function parseTeamsReplyTarget(value: unknown): TeamsReplyTarget | undefined {
  const parsed = teamsReplyTargetSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
