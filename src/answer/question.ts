/** Where a question was asked, so a reply (or the Monitoring Officer's answer) can go back there. */
export interface Asker {
  /** `slack`, `teams`, `cli`. */
  platform: string;
  /** Platform user id (Slack `U…`, Teams AAD object id, OS user name). */
  userId: string;
  /** Name to show the Monitoring Officer. */
  displayName?: string;
}

/** A question as the pipeline receives it from any adapter. */
export interface Question {
  /** The message text, as sent (the pipeline cleans it). */
  text: string;
  /** Earlier questions in the same thread or conversation, oldest first, for follow-ups. */
  history?: string[];
  /** Who asked. */
  asker?: Asker;
  /** Platform event id, so a retried event never opens a second case. */
  eventId?: string;
  /** Opaque, platform-specific place to reply (channel + thread, conversation reference). */
  replyTo?: Record<string, unknown>;
  /** True when asked in a public channel (sensitive details must not be shown there). */
  publicChannel?: boolean;
  /** An explicit "Ask the Monitoring Officer" from a button: always escalate. */
  forceEscalation?: boolean;
}
