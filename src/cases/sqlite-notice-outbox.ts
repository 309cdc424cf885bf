import type { NoticeOutbox } from './case-types.js';
import type { CaseDatabase } from './open-case-database.js';
import { claimDueNotices, markNoticeDelivered, markNoticeFailed, scheduleNoticeRetry } from './outbox.js';
import { inStore } from './store-errors.js';

/**
 * The notice outbox in SQLite. A claim is one IMMEDIATE transaction, which SQLite serialises across processes, so
 * two dispatchers on one file never lease the same row.
 */
export function createSqliteNoticeOutbox(db: CaseDatabase): NoticeOutbox {
  return {
    async claimDue(options) {
      return inStore('claim queued notices', () => claimDueNotices(db, options));
    },
    async markDelivered(notice, at) {
      inStore('mark a notice delivered', () => markNoticeDelivered(db, notice, at));
    },
    async scheduleRetry(notice, nextAttemptAt, error) {
      inStore('reschedule a notice', () => scheduleNoticeRetry(db, notice, nextAttemptAt, error));
    },
    async markFailed(notice, at, error) {
      inStore('record a failed notice', () => markNoticeFailed(db, notice, at, error));
    },
  };
}
