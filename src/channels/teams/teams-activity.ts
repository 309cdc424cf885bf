import { z } from 'zod';

const account = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  /** Entra (AAD) object id of a Teams user. */
  aadObjectId: z.string().optional(),
});

/**
 * The fields of an incoming Teams activity that the adapter reads (messages, card submits and the feedback
 * invoke). Parsed once at the edge; anything else in the payload is left to the SDK.
 */
export const teamsActivitySchema = z.looseObject({
  type: z.string(),
  /** Activity id; Teams sends the same id when it redelivers. */
  id: z.string().optional(),
  /** Invoke name (`message/submitAction`). */
  name: z.string().optional(),
  text: z.string().optional(),
  /** Action.Submit data (messages) or the invoke payload. */
  value: z.unknown().optional(),
  /** For the feedback invoke: the bot message the feedback is about. */
  replyToId: z.string().optional(),
  from: account,
  recipient: account,
  conversation: z.looseObject({
    id: z.string(),
    /** `personal`, `groupChat` or `channel`. */
    conversationType: z.string().optional(),
    isGroup: z.boolean().optional(),
    tenantId: z.string().optional(),
  }),
  channelData: z
    .looseObject({
      tenant: z.object({ id: z.string() }).optional(),
    })
    .optional(),
  entities: z
    .array(
      z.looseObject({
        type: z.string(),
        text: z.string().optional(),
        mentioned: z.object({ id: z.string().optional(), name: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});

/** An incoming Teams activity, as the adapter reads it. */
export type TeamsActivity = z.infer<typeof teamsActivitySchema>;

/** The `message/submitAction` invoke sent by Teams' thumbs up / down (feedback loop). */
export const feedbackInvokeSchema = z.object({
  actionName: z.literal('feedback'),
  actionValue: z.object({
    reaction: z.enum(['like', 'dislike']),
    /** JSON text such as `{"feedbackText":"…"}`. */
    feedback: z.string().optional(),
  }),
});

/** The free text of a feedback invoke, if the user wrote any. */
export function feedbackComment(feedback: string | undefined): string | undefined {
  if (!feedback) return undefined;
  try {
    const parsed = z.object({ feedbackText: z.string() }).safeParse(JSON.parse(feedback));
    const text = parsed.success ? parsed.data.feedbackText.trim() : '';
    return text === '' ? undefined : text.slice(0, 2_000);
  } catch {
    // Not JSON: Teams clients have sent the bare text.
    return feedback.trim().slice(0, 2_000) || undefined;
  }
}

/** True outside a one-to-one chat: what is said there is seen by others. */
export function isPublicConversation(activity: TeamsActivity): boolean {
  const type = activity.conversation.conversationType;
  return type ? type !== 'personal' : activity.conversation.isGroup === true;
}

/** The tenant of the conversation, from wherever Teams put it. */
export function tenantOf(activity: TeamsActivity): string | undefined {
  return activity.conversation.tenantId ?? activity.channelData?.tenant?.id;
}
