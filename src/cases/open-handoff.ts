import { join } from 'node:path';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { describeError } from '../errors.js';
import type { Logger } from '../logger.js';
import { type AnnualReport, buildAnnualReport } from './annual-report.js';
import { loadBankHolidays } from './bank-holidays.js';
import { type CaseDatabaseHealth, caseDatabaseHealth } from './case-database-health.js';
import type { InboxStore } from './inbox-store.js';
import { createLogNoticeDeliverer } from './log-notice-deliverer.js';
import { NoticeDispatcher, type NoticeDispatcherOptions } from './notice-dispatcher.js';
import { openCaseDatabase } from './open-case-database.js';
import { createCaseService, type SqliteCaseService } from './sqlite-case-service.js';
import { createSqliteInboxStore } from './sqlite-inbox-store.js';
import { createQuestionLog, type SqliteQuestionLog } from './sqlite-question-log.js';
import { inStore } from './store-errors.js';
import { londonDate } from './working-days.js';

/** The case store, question log and notice dispatcher of one process, over one SQLite connection. */
export interface HandoffRuntime {
  /** Cases for the Monitoring Officer; also the answering pipeline's HandoffPort. */
  cases: SqliteCaseService;
  /** Questions and feedback, for the annual report. */
  questions: SqliteQuestionLog;
  /** Accepted chat deliveries waiting for (or done with) their answer; also the retry dedupe. */
  inbox: InboxStore;
  /** Delivers queued notices; register Slack/Teams deliverers, then `start()` in a long-running process. */
  dispatcher: NoticeDispatcher;
  /** Today's date in Europe/London by the injected clock (what "overdue" is measured against). */
  today(): string;
  /** Figures for the Monitoring Officer's annual report (inclusive London dates YYYY-MM-DD). */
  report(range: { from: string; to: string }): AnnualReport;
  /** Whether the case database passes its integrity check and takes writes (cached for a few seconds). */
  health(): CaseDatabaseHealth;
  /** Writes a consistent copy of the case database to `file` while it stays in use (SQLite's online backup). */
  backup(file: string): Promise<void>;
  /** Stops the dispatcher and the retention timer and closes the database. */
  close(): void;
}

/** Options for {@link openHandoff}. */
export interface OpenHandoffOptions {
  config: Config;
  clock: Clock;
  logger: Logger;
  /**
   * Platforms that get a `case_opened` notice for the Monitoring Officer (default `['log']`). Each needs a
   * registered deliverer in some process; the `log` deliverer is registered here.
   */
  noticePlatforms?: string[];
  /** Dispatcher tuning (poll interval, attempts, backoff, lease). */
  dispatcher?: Omit<NoticeDispatcherOptions, 'db' | 'clock' | 'logger' | 'loadCase'>;
  /** Busy timeout for the SQLite lock (default 5 s). */
  busyTimeoutMs?: number;
  /** Where the `log` deliverer writes readable notices besides the logger (e.g. a terminal). */
  writeNotice?: (text: string) => void;
}

const dayMs = 86_400_000;
/**
 * Days a finished inbox row (its delivery id only: the payload is erased when done) is kept to recognise a late
 * retry. Slack retries within the hour and Teams within minutes, so a week is ample.
 */
const inboxRetentionDays = 7;

/**
 * Opens `DATA_DIR/cases.db` (migrating it), purges question text past QUESTION_RETENTION_DAYS now and daily, and
 * wires the case service, question log and dispatcher (with the built-in `log` deliverer).
 */
export function openHandoff(options: OpenHandoffOptions): HandoffRuntime {
  const { config, clock, logger } = options;
  const holidays = loadBankHolidays(config.BANK_HOLIDAYS_FILE);
  const file = join(config.DATA_DIR, 'cases.db');
  const db = openCaseDatabase(file, { busyTimeoutMs: options.busyTimeoutMs });
  try {
    const cases = createCaseService({
      db,
      config,
      clock,
      logger,
      holidays,
      noticePlatforms: options.noticePlatforms,
    });
    const questions = createQuestionLog({ db, clock, logger, retentionDays: config.QUESTION_RETENTION_DAYS });
    const inbox = createSqliteInboxStore({ db, clock });
    const dispatcher = new NoticeDispatcher({
      ...options.dispatcher,
      db,
      clock,
      logger,
      loadCase: (reference) => cases.get(reference),
    });
    dispatcher.register(createLogNoticeDeliverer({ logger, write: options.writeNotice }));

    const purge = () => {
      try {
        questions.purgeExpired();
      } catch (error) {
        logger.error('question retention purge failed', { error: describeError(error) });
      }
      inbox.purgeFinished(new Date(clock.now().getTime() - inboxRetentionDays * dayMs)).catch((error) => {
        logger.error('inbox purge failed', { error: describeError(error) });
      });
    };
    purge();
    const retentionTimer = setInterval(purge, dayMs);
    retentionTimer.unref();

    let closed = false;
    const health = caseDatabaseHealth({ db, file, clock });
    return {
      cases,
      questions,
      inbox,
      dispatcher,
      today: () => londonDate(clock.now()),
      report: (range) =>
        buildAnnualReport(db, {
          ...range,
          now: clock.now(),
          serviceStandardWorkingDays: config.SERVICE_STANDARD_WORKING_DAYS,
        }),
      health,
      async backup(target) {
        await inStore(`back up the case database to ${target}`, () => db.backup(target));
      },
      close() {
        if (closed) return;
        closed = true;
        dispatcher.stop();
        clearInterval(retentionTimer);
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
