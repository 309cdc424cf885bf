import { z } from 'zod';
import type { RegistrationStore } from '../../cases/index.js';
import type { Clock } from '../../clock.js';
import { ProtocolBotError } from '../../errors.js';

/** The part of a Bot Framework conversation reference we store and hand back to `continueConversation`. */
export const conversationReferenceSchema = z.object({
  /** The activity to reply to; absent for a new message in the conversation. */
  activityId: z.string().optional(),
  user: z
    .object({ id: z.string(), name: z.string().optional(), aadObjectId: z.string().optional() })
    .optional(),
  agent: z.object({ id: z.string(), name: z.string().optional() }).optional(),
  conversation: z.object({
    id: z.string(),
    conversationType: z.string().optional(),
    isGroup: z.boolean().optional(),
    tenantId: z.string().optional(),
  }),
  channelId: z.string(),
  serviceUrl: z.string(),
  locale: z.string().optional(),
});

/** A stored conversation reference. */
export type StoredConversationReference = z.infer<typeof conversationReferenceSchema>;

/** One Monitoring Officer who registered their personal chat for case notices. */
export const registrationSchema = z.object({
  /** AAD object id (must be listed in MONITORING_OFFICER_TEAMS_IDS). */
  aadObjectId: z.string(),
  /** Display name when they registered. */
  name: z.string().optional(),
  /** Their personal chat with the bot. */
  reference: conversationReferenceSchema,
  /** ISO timestamp. */
  registeredAt: z.string(),
});

/** One registration. */
export type Registration = z.infer<typeof registrationSchema>;

/**
 * Monitoring Officers' personal chats, kept in the case store (SQLite in DATA_DIR, or PostgreSQL, so every replica
 * sees a registration made through any of them). Registering again replaces the earlier entry.
 */
export class MonitoringOfficerRegistry {
  constructor(
    private readonly store: RegistrationStore,
    private readonly clock: Clock,
  ) {}

  /** Every registration, oldest first; a stored entry that no longer reads as one is an error naming it. */
  async list(): Promise<Registration[]> {
    const stored = await this.store.list();
    return stored.map((entry) => {
      const parsed = registrationSchema.safeParse(entry);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ProtocolBotError(
          'store_unavailable',
          `Teams registration of ${entry.aadObjectId}: ${issue?.path.join('.') ?? '(root)'}: ${issue?.message ?? 'invalid'}`,
        );
      }
      return parsed.data;
    });
  }

  /** Stores (or replaces) the registration of `aadObjectId`. */
  async register(
    aadObjectId: string,
    name: string | undefined,
    reference: StoredConversationReference,
  ): Promise<Registration> {
    const registration: Registration = {
      aadObjectId,
      ...(name ? { name } : {}),
      reference: conversationReferenceSchema.parse(reference),
      registeredAt: this.clock.now().toISOString(),
    };
    await this.store.save(registration);
    return registration;
  }
}
