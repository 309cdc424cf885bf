import { join } from 'node:path';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { describeError } from '../errors.js';
import type { Logger } from '../logger.js';
import { type AnnualReport, buildAnnualReport } from './annual-report.js';
import { loadBankHolidays } from './bank-holidays.js';
import { createLogNoticeDeliverer } from './log-notice-deliverer.js';
import { NoticeDispatcher, type NoticeDispatcherOptions } from './notice-dispatcher.js';
import { openCaseDatabase } from './open-case-database.js';
import { createCaseService, type SqliteCaseService } from './sqlite-case-service.js';
import { createQuestionLog, type SqliteQuestionLog } from './sqlite-question-log.js';
import { londonDate } from './working-days.js';

/** The case store, question log and notice dispatcher of one process, over one SQLite connection. */
export interface HandoffRuntime {
  /** Cases for the Monitoring Officer; also the answering pipeline's HandoffPort. */
  cases: SqliteCaseService;
  /** Questions and feedback, for the annual report. */
  questions: SqliteQuestionLog;
  /** Delivers queued notices; register Slack/Teams deliverers, then `start()` in a long-running process. */
  dispatcher: NoticeDispatcher;
  /** Today's date in Europe/London by the injected clock (what "overdue" is measured against). */
  today(): string;
  /** Figures for the Monitoring Officer's annual report (inclusive London dates YYYY-MM-DD). */
  report(range: { from: string; to: string }): AnnualReport;
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
 * Opens `DATA_DIR/cases.db` (migrating it), purges question text past QUESTION_RETENTION_DAYS now and daily, and
 * wires the case service, question log and dispatcher (with the built-in `log` deliverer).
 */
export function openHandoff(options: OpenHandoffOptions): HandoffRuntime {
  const { config, clock, logger } = options;
  const holidays = loadBankHolidays(config.BANK_HOLIDAYS_FILE);
  const db = openCaseDatabase(join(config.DATA_DIR, 'cases.db'), { busyTimeoutMs: options.busyTimeoutMs });
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
    };
    purge();
    const retentionTimer = setInterval(purge, dayMs);
    retentionTimer.unref();

    let closed = false;
    return {
      cases,
      questions,
      dispatcher,
      today: () => londonDate(clock.now()),
      report: (range) =>
        buildAnnualReport(db, {
          ...range,
          now: clock.now(),
          serviceStandardWorkingDays: config.SERVICE_STANDARD_WORKING_DAYS,
        }),
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
