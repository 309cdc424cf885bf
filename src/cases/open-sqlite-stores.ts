import { join } from 'node:path';
import { caseDatabaseHealth } from './case-database-health.js';
import type { HandoffStores, OpenStoresOptions } from './handoff-stores.js';
import { openCaseDatabase } from './open-case-database.js';
import { createSqliteCaseService } from './sqlite-case-service.js';
import { createSqliteInboxStore } from './sqlite-inbox-store.js';
import { createSqliteNoticeOutbox } from './sqlite-notice-outbox.js';
import { createSqliteQuestionLog } from './sqlite-question-log.js';
import { createSqliteRegistrationStore, importRegistrationsFile } from './sqlite-registration-store.js';
import { inStore, toStoreError } from './store-errors.js';

/** The file, under DATA_DIR, where releases before the case database kept Teams registrations. */
export const legacyRegistrationsFileName = 'teams-registrations.json';

/** Opens `DATA_DIR/cases.db` (migrating it) and every store over that one connection. */
export function openSqliteStores(options: OpenStoresOptions): HandoffStores {
  const { config, clock, logger } = options;
  const file = join(config.DATA_DIR, 'cases.db');
  const db = openCaseDatabase(file, { busyTimeoutMs: options.busyTimeoutMs });
  // quick_check on a fresh read-only connection and a real write, cached for a few seconds (case-database-health.ts).
  const integrityAndWrite = caseDatabaseHealth({ db, file, clock });
  try {
    const imported = importRegistrationsFile(db, join(config.DATA_DIR, legacyRegistrationsFileName));
    if (imported > 0) logger.info('moved Teams registrations into the case database', { imported });
    return {
      kind: 'sqlite',
      cases: createSqliteCaseService({ ...options, db }),
      questions: createSqliteQuestionLog({
        db,
        clock,
        logger,
        retentionDays: config.QUESTION_RETENTION_DAYS,
      }),
      inbox: createSqliteInboxStore({ db, clock }),
      outbox: createSqliteNoticeOutbox(db),
      registrations: createSqliteRegistrationStore(db),
      async health() {
        try {
          const checked = integrityAndWrite();
          return checked.ok
            ? { ok: true }
            : { ok: false, reason: checked.reason ?? 'the case database failed' };
        } catch (error) {
          const reported = toStoreError(error, 'reach the case database');
          return { ok: false, reason: reported instanceof Error ? reported.message : String(reported) };
        }
      },
      async backup(target) {
        await inStore(`back up the case database to ${target}`, () => db.backup(target));
      },
      async close() {
        if (db.open) db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
