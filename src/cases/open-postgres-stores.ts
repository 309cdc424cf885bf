import type { HandoffStores, OpenStoresOptions } from './handoff-stores.js';
import { createPostgresCaseService } from './postgres-case-service.js';
import { openPostgresDatabase } from './postgres-database.js';
import { createPostgresInboxStore } from './postgres-inbox-store.js';
import { createPostgresNoticeOutbox } from './postgres-notice-outbox.js';
import { createPostgresQuestionLog } from './postgres-question-log.js';
import { createPostgresRegistrationStore } from './postgres-registration-store.js';

/** How long /healthz waits for the database before reporting it unreachable. */
const healthTimeoutMs = 2_000;

/**
 * Connects to DATABASE_URL (waiting, with backoff, for a database still starting), migrates it under an advisory
 * lock, and opens every store over one connection pool.
 */
export async function openPostgresStores(
  options: OpenStoresOptions & { url: string },
): Promise<HandoffStores> {
  const { config, clock, logger } = options;
  const database = await openPostgresDatabase({ url: options.url, logger });
  try {
    return {
      kind: 'postgres',
      cases: createPostgresCaseService({ ...options, database }),
      questions: await createPostgresQuestionLog({
        database,
        clock,
        logger,
        retentionDays: config.QUESTION_RETENTION_DAYS,
      }),
      inbox: createPostgresInboxStore({ database, clock }),
      outbox: createPostgresNoticeOutbox(database),
      registrations: createPostgresRegistrationStore(database),
      health: () => database.health(healthTimeoutMs),
      close: () => database.close(),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
