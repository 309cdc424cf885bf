import Database from 'better-sqlite3';
import type { Clock } from '../clock.js';
import { describeError } from '../errors.js';
import type { CaseDatabase } from './open-case-database.js';
import { toStoreError } from './store-errors.js';

/** Whether the case database can be trusted right now, and why not. */
export interface CaseDatabaseHealth {
  ok: boolean;
  /** What is wrong, for `/healthz` and the operator. */
  reason?: string;
}

/** Options for {@link caseDatabaseHealth}. */
export interface CaseDatabaseHealthOptions {
  db: CaseDatabase;
  file: string;
  clock: Clock;
  /** How long one result is reused: a load balancer polling `/healthz` must not scan the file each time. */
  cacheMs?: number;
}

/**
 * A health check of the case database: SQLite's `quick_check` over a fresh read-only connection (the open one's page
 * cache would hide damage done to the file underneath it), and a real committed write on the open connection, so a
 * read-only, full or locked database reports failing instead of ok. Results are cached for `cacheMs` (default 10 s).
 */
export function caseDatabaseHealth(options: CaseDatabaseHealthOptions): () => CaseDatabaseHealth {
  const cacheMs = options.cacheMs ?? 10_000;
  let last: { at: number; health: CaseDatabaseHealth } | undefined;
  return () => {
    const now = options.clock.now().getTime();
    if (last && now - last.at < cacheMs) return last.health;
    const health = checkIntegrity(options.file) ?? checkWrite(options.db, options.clock);
    last = { at: now, health: health ?? { ok: true } };
    return last.health;
  };
}

/** Runs `PRAGMA quick_check` on `file`; undefined when it passes, else the failure. */
export function checkIntegrity(file: string): CaseDatabaseHealth | undefined {
  let reader: Database.Database | undefined;
  try {
    reader = new Database(file, { readonly: true, fileMustExist: true });
    const rows = reader.pragma('quick_check') as Array<{ quick_check: string }>;
    const problems = rows.map((row) => row.quick_check).filter((result) => result !== 'ok');
    if (problems.length === 0) return undefined;
    return {
      ok: false,
      reason: `the case database failed its integrity check: ${problems.join('; ').replace(/\s+/g, ' ').slice(0, 300)}`,
    };
  } catch (error) {
    return { ok: false, reason: storeReason(error, 'check the case database') };
  } finally {
    reader?.close();
  }
}

function checkWrite(db: CaseDatabase, clock: Clock): CaseDatabaseHealth | undefined {
  // A short wait: this runs on the thread that acknowledges requests, and a lock held for longer is worth reporting.
  const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 250');
  try {
    db.prepare(
      `INSERT INTO store_meta (key, value) VALUES ('health_checked_at', ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ).run(clock.now().toISOString());
    return undefined;
  } catch (error) {
    return { ok: false, reason: storeReason(error, 'write to the case database') };
  } finally {
    db.pragma(`busy_timeout = ${busyTimeout}`);
  }
}

function storeReason(error: unknown, action: string): string {
  return describeError(toStoreError(error, action)).replace(/^ProtocolBotError: /, '');
}
