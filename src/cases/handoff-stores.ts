import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { BankHolidays } from './bank-holidays.js';
import type { CaseService, NoticeOutbox, QuestionLog, RegistrationStore } from './case-types.js';
import type { InboxStore } from './inbox-store.js';

/** Which engine holds the state: SQLite in DATA_DIR, or PostgreSQL at DATABASE_URL. */
export type DatabaseKind = 'sqlite' | 'postgres';

/** Whether the database answers now; `reason` says what is wrong when it does not. */
export type DatabaseHealth = { ok: true } | { ok: false; reason: string };

/**
 * Every store of one process, over one database: one interface per concern, implemented on SQLite and on
 * PostgreSQL alike (test/cases/store-contract.test.ts runs the same suite against both).
 */
export interface HandoffStores {
  kind: DatabaseKind;
  cases: CaseService;
  questions: QuestionLog;
  inbox: InboxStore;
  outbox: NoticeOutbox;
  registrations: RegistrationStore;
  /** Asks the database a trivial question, within a short timeout (SQLite: integrity check and a real write). */
  health(): Promise<DatabaseHealth>;
  /** Writes a consistent copy while the database stays in use (SQLite's online backup; PostgreSQL: use pg_dump). */
  backup?(file: string): Promise<void>;
  /** Closes the connection(s). */
  close(): Promise<void>;
}

/** What opening either store needs. */
export interface OpenStoresOptions {
  config: Config;
  clock: Clock;
  logger: Logger;
  holidays: BankHolidays;
  /** Platforms that get a `case_opened` notice for the Monitoring Officer. */
  noticePlatforms: string[];
  /** Busy timeout for the SQLite lock (default 5 s). */
  busyTimeoutMs?: number;
}
