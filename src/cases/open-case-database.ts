import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ProtocolBotError } from '../errors.js';
import { checkIntegrity } from './case-database-health.js';
import { latestSchemaVersion, migrations } from './migrations.js';
import { inStore } from './store-errors.js';

/** The case store's SQLite connection (better-sqlite3 is synchronous: one connection is this process's writer). */
export type CaseDatabase = Database.Database;

/** Options for {@link openCaseDatabase}. */
export interface OpenCaseDatabaseOptions {
  /** How long a write waits for another process's lock before failing with `store_unavailable`. */
  busyTimeoutMs?: number;
  /** Open without writing (reports from a read-only copy); the schema must already be current. */
  readonly?: boolean;
}

/**
 * Opens (creating when missing) the case database: WAL journal (synchronous NORMAL) so readers never block the
 * writer and commits do not wait for the disk, a busy timeout
 * so two processes take turns instead of failing, foreign keys on, and the numbered migrations applied inside one
 * IMMEDIATE transaction, so two processes starting at once cannot both migrate.
 */
export function openCaseDatabase(file: string, options: OpenCaseDatabaseOptions = {}): CaseDatabase {
  try {
    return openChecked(file, options);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const cause = ProtocolBotError.isInstance(error) ? error.cause : error;
    const sqliteCode = (cause as { code?: unknown } | undefined)?.code;
    if (
      code === 'store_unavailable' &&
      typeof sqliteCode === 'string' &&
      /^SQLITE_(CORRUPT|NOTADB)/.test(sqliteCode)
    ) {
      // The store error's own words ("the case database file is not a SQLite database (SQLITE_NOTADB)").
      const problem = (error as Error).message.replace(/^Cannot [^:]*: /, '').replace(/\.$/, '');
      throw damagedDatabase(file, problem, cause);
    }
    throw error;
  }
}

/**
 * The message for a damaged case database: what is wrong and how to recover, since the bot must not run on it (a
 * corrupt page can lose or misfile cases).
 */
function damagedDatabase(file: string, problem: string, cause?: unknown): ProtocolBotError {
  return new ProtocolBotError(
    'store_unavailable',
    `The case database ${file} is damaged (${problem}). To recover: stop every protocol-bot process; move ${file} and any ${file}-wal and ${file}-shm aside; copy your latest backup (made with "protocol-bot backup FILE") to ${file}, or salvage what is readable with the sqlite3 shell: sqlite3 DAMAGED-COPY ".recover" | sqlite3 ${file}; then start the bot again.`,
    { cause },
  );
}

function openChecked(file: string, options: OpenCaseDatabaseOptions): CaseDatabase {
  return inStore(`open the case database ${file}`, () => {
    if (!options.readonly) mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
    });
    try {
      const busyTimeoutMs = Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5_000));
      db.pragma(`busy_timeout = ${busyTimeoutMs}`);
      db.pragma('foreign_keys = ON');
      if (options.readonly) {
        assertCurrentSchema(db, file);
      } else {
        switchToWal(db, busyTimeoutMs);
        // In WAL mode NORMAL still survives a crash of this process (every commit is in the log before it returns)
        // and never corrupts the file; it skips the fsync on each commit, which blocked the event loop for every
        // question logged. Only an operating-system crash or power cut can lose the last commits.
        db.pragma('synchronous = NORMAL');
        migrate(db);
        // Opening reads only the first pages: damage further in would surface later, in the middle of a case.
        const damage = checkIntegrity(file);
        if (damage) throw damagedDatabase(file, damage.reason ?? 'failed its integrity check');
      }
      return reusePreparedStatements(db);
    } catch (error) {
      db.close();
      throw error;
    }
  });
}

/**
 * Puts a new database in WAL mode. The switch needs the database to itself, and SQLite answers SQLITE_BUSY at once
 * rather than wait for it (waiting there could deadlock two openers), so when two processes open a new database
 * together one of them retries here, with short growing pauses, until the busy timeout is spent.
 */
export function switchToWal(db: Pick<CaseDatabase, 'pragma'>, busyTimeoutMs: number): void {
  const deadline = Date.now() + busyTimeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() >= deadline) throw error;
      pause(Math.min(100, 5 * 2 ** attempt));
    }
  }
}

/** Blocks this thread for `ms` (opening the store is synchronous, and happens once, at start). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Makes `db.prepare` return the statement already prepared for the same SQL. The store runs a few dozen fixed
 * statements for the life of the process; compiling each on every question cost more than running it. Safe because
 * no caller changes a statement's mode (`pluck`, `raw`, `expand`) or iterates one while another call runs it.
 */
function reusePreparedStatements(db: CaseDatabase): CaseDatabase {
  const prepare = db.prepare.bind(db);
  const prepared = new Map<string, ReturnType<typeof prepare>>();
  db.prepare = ((sql: string) => {
    let statement = prepared.get(sql);
    if (!statement) {
      statement = prepare(sql);
      prepared.set(sql, statement);
    }
    return statement;
  }) as typeof db.prepare;
  return db;
}

function migrate(db: CaseDatabase): void {
  const apply = db.transaction(() => {
    // Read again inside the lock: another process may have migrated while this one waited.
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > latestSchemaVersion) {
      throw new ProtocolBotError(
        'store_unavailable',
        `The case database is at schema version ${current}, newer than this program (${latestSchemaVersion}); upgrade Protocol Bot.`,
      );
    }
    for (const step of migrations) {
      if (step.version <= current) continue;
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    }
  });
  if ((db.pragma('user_version', { simple: true }) as number) !== latestSchemaVersion) apply.immediate();
}

function assertCurrentSchema(db: CaseDatabase, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current !== latestSchemaVersion) {
    throw new ProtocolBotError(
      'store_unavailable',
      `The read-only case database ${file} is at schema version ${current}, not ${latestSchemaVersion}.`,
    );
  }
}
