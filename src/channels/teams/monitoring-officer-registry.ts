import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
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

const fileSchema = z.object({ registrations: z.array(registrationSchema) });

/** The file, under DATA_DIR, where registrations are kept. */
export const registrationsFileName = 'teams-registrations.json';

/**
 * Monitoring Officers' personal chats, kept durably in `DATA_DIR/teams-registrations.json` (written to a temporary
 * file and renamed, so a crash never leaves half a file). Registering again replaces the earlier entry.
 */
export class MonitoringOfficerRegistry {
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly clock: Clock,
  ) {
    this.file = path.join(dataDir, registrationsFileName);
  }

  /** Every registration, oldest first. */
  list(): Registration[] {
    let raw: string;
    try {
      raw = readFileSync(this.file, 'utf8');
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new ProtocolBotError(
        'store_unavailable',
        `${this.file}: cannot read (${(cause as Error).message})`,
        {
          cause,
        },
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (cause) {
      throw new ProtocolBotError('store_unavailable', `${this.file}: not valid JSON`, { cause });
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ProtocolBotError(
        'store_unavailable',
        `${this.file}: ${issue?.path.join('.') ?? '(root)'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    return parsed.data.registrations;
  }

  /** Stores (or replaces) the registration of `aadObjectId`. */
  register(
    aadObjectId: string,
    name: string | undefined,
    reference: StoredConversationReference,
  ): Registration {
    const registration: Registration = {
      aadObjectId,
      ...(name ? { name } : {}),
      reference: conversationReferenceSchema.parse(reference),
      registeredAt: this.clock.now().toISOString(),
    };
    const registrations = [
      ...this.list().filter((existing) => existing.aadObjectId !== aadObjectId),
      registration,
    ];
    this.write(registrations);
    return registration;
  }

  private write(registrations: Registration[]): void {
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileSync(temporary, `${JSON.stringify({ registrations }, null, 2)}\n`, { mode: 0o600 });
      renameSync(temporary, this.file);
    } catch (cause) {
      throw new ProtocolBotError(
        'store_unavailable',
        `${this.file}: cannot write (${(cause as Error).message})`,
        {
          cause,
          retryable: true,
        },
      );
    }
  }
}
