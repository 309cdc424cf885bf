import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { describeError, ProtocolBotError } from '../errors.js';
import type { Logger } from '../logger.js';
import { type AnnualReport, buildAnnualReport } from './annual-report.js';
import { loadBankHolidays } from './bank-holidays.js';
import type { CaseService, NoticeOutbox, QuestionLog, RegistrationStore } from './case-types.js';
import type { DatabaseHealth, DatabaseKind } from './handoff-stores.js';
import type { InboxStore } from './inbox-store.js';
import { createLogNoticeDeliverer } from './log-notice-deliverer.js';
import { NoticeDispatcher, type NoticeDispatcherOptions } from './notice-dispatcher.js';
import { openSqliteStores } from './open-sqlite-stores.js';
import { londonDate } from './working-days.js';

/** The case store, question log, inbox and notice dispatcher of one process, over one database. */
export interface HandoffRuntime {
  /** `sqlite` (DATA_DIR/cases.db) or `postgres` (DATABASE_URL). */
  database: DatabaseKind;
  /** Cases for the Monitoring Officer; also the answering pipeline's HandoffPort. */
  cases: CaseService;
  /** Questions and feedback, for the annual report. */
  questions: QuestionLog;
  /** Monitoring Officers' Teams registrations. */
  registrations: RegistrationStore;
  /** The queued notices, as the dispatcher claims them. */
  outbox: NoticeOutbox;
  /** Accepted chat deliveries waiting for (or done with) their answer; also the retry dedupe. */
  inbox: InboxStore;
  /** Delivers queued notices; register Slack/Teams deliverers, then `start()` in a long-running process. */
  dispatcher: NoticeDispatcher;
  /** Today's date in Europe/London by the injected clock (what "overdue" is measured against). */
  today(): string;
  /** Figures for the Monitoring Officer's annual report (inclusive London dates YYYY-MM-DD). */
  report(range: { from: string; to: string }): Promise<AnnualReport>;
  /** Whether the database answers now (for /healthz). */
  health(): Promise<DatabaseHealth>;
  /**
   * Writes a consistent copy of the case database to `file` while it stays in use (SQLite's online backup); on
   * PostgreSQL it fails saying to use pg_dump.
   */
  backup(file: string): Promise<void>;
  /** Stops the dispatcher and the retention timer and closes the database (idempotent). */
  close(): Promise<void>;
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
  dispatcher?: Omit<NoticeDispatcherOptions, 'outbox' | 'clock' | 'logger' | 'loadCase'>;
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
 * Opens the state store — PostgreSQL when DATABASE_URL is set, else `DATA_DIR/cases.db` — migrating it, purges
 * question text past QUESTION_RETENTION_DAYS now and daily, and wires the case service, question log, inbox and
 * dispatcher (with the built-in `log` deliverer).
 */
export async function openHandoff(options: OpenHandoffOptions): Promise<HandoffRuntime> {
  const { config, clock, logger } = options;
  const holidays = loadBankHolidays(config.BANK_HOLIDAYS_FILE);
  const storeOptions = {
    config,
    clock,
    logger,
    holidays,
    noticePlatforms: [...new Set(options.noticePlatforms ?? ['log'])],
    busyTimeoutMs: options.busyTimeoutMs,
  };
  const stores = config.DATABASE_URL
    ? await (await import('./open-postgres-stores.js')).openPostgresStores({
        ...storeOptions,
        url: config.DATABASE_URL,
      })
    : openSqliteStores(storeOptions);
  const { cases, questions, inbox } = stores;
  try {
    const dispatcher = new NoticeDispatcher({
      ...options.dispatcher,
      outbox: stores.outbox,
      clock,
      logger,
      loadCase: (reference) => cases.get(reference),
    });
    dispatcher.register(createLogNoticeDeliverer({ logger, write: options.writeNotice }));

    const purge = async () => {
      await questions.purgeExpired().catch((error) => {
        logger.error('question retention purge failed', { error: describeError(error) });
      });
      await inbox
        .purgeFinished(new Date(clock.now().getTime() - inboxRetentionDays * dayMs))
        .catch((error) => {
          logger.error('inbox purge failed', { error: describeError(error) });
        });
    };
    await purge();
    const retentionTimer = setInterval(() => void purge(), dayMs);
    retentionTimer.unref();

    let closing: Promise<void> | undefined;
    return {
      database: stores.kind,
      cases,
      questions,
      inbox,
      registrations: stores.registrations,
      outbox: stores.outbox,
      dispatcher,
      health: () => stores.health(),
      async backup(file) {
        if (!stores.backup) {
          throw new ProtocolBotError(
            'usage',
            'backup: the cases are in PostgreSQL (DATABASE_URL); back them up with pg_dump, as the README says',
          );
        }
        await stores.backup(file);
      },
      today: () => londonDate(clock.now()),
      async report(range) {
        const [summary, all] = await Promise.all([questions.summarise(range), cases.list()]);
        return buildAnnualReport(
          { ...summary, cases: all },
          { ...range, now: clock.now(), serviceStandardWorkingDays: config.SERVICE_STANDARD_WORKING_DAYS },
        );
      },
      close() {
        closing ??= (async () => {
          dispatcher.stop();
          clearInterval(retentionTimer);
          await dispatcher.idle();
          await stores.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await stores.close();
    throw error;
  }
}
