import { z } from 'zod';

/** The fields of a user message (`app_mention`, `message.im`, assistant thread message) the adapter reads. */
export const userMessageEventSchema = z.object({
  /** Author; absent on some system messages. */
  user: z.string().optional(),
  text: z.string().default(''),
  ts: z.string(),
  channel: z.string(),
  /** `im` for a direct message; absent on `app_mention`. */
  channel_type: z.string().optional(),
  thread_ts: z.string().optional(),
  /** Present when another app (or this one) wrote the message. */
  bot_id: z.string().optional(),
  /** Edits, joins, bot messages …: never questions. */
  subtype: z.string().optional(),
});

/** A user message event. */
export type UserMessageEvent = z.infer<typeof userMessageEventSchema>;

/** The envelope fields of an Events API delivery. */
export const eventEnvelopeSchema = z.object({
  /** Unique per event; the same on every retry. */
  event_id: z.string().optional(),
});

/** The fields of a `/protocol` slash command. */
export const slashCommandSchema = z.object({
  text: z.string().default(''),
  user_id: z.string(),
  channel_id: z.string(),
  trigger_id: z.string().optional(),
  /** Where the ephemeral answer goes (valid for 30 minutes, so also after a quick restart). */
  response_url: z.string().optional(),
});

/** The fields of a `block_actions` payload the adapter reads. */
export const blockActionBodySchema = z.object({
  user: z.object({ id: z.string() }),
  trigger_id: z.string().optional(),
  response_url: z.string().optional(),
  container: z
    .object({
      message_ts: z.string().optional(),
      channel_id: z.string().optional(),
      thread_ts: z.string().optional(),
      is_ephemeral: z.boolean().optional(),
    })
    .default({}),
  channel: z.object({ id: z.string() }).optional(),
  message: z.object({ ts: z.string(), thread_ts: z.string().optional() }).optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).min(1),
});

/** A `block_actions` payload. */
export type BlockActionBody = z.infer<typeof blockActionBodySchema>;

/** Where a case card lives, carried through the answer modal's `private_metadata`. */
export const caseCardLocationSchema = z.object({
  reference: z.string(),
  channel: z.string().optional(),
  ts: z.string().optional(),
});

/** The fields of the answer modal's `view_submission` the adapter reads. */
export const caseAnswerSubmissionSchema = z.object({
  user: z.object({ id: z.string() }),
  view: z.object({
    private_metadata: z.string(),
    state: z.object({
      values: z.record(z.string(), z.record(z.string(), z.object({ value: z.string().nullish() }))),
    }),
  }),
});

/** True when a message event is a person's question, not a bot post, an edit or a system message. */
export function isFromPerson(event: UserMessageEvent): event is UserMessageEvent & { user: string } {
  return event.user !== undefined && event.bot_id === undefined && event.subtype === undefined;
}
