import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { describeError, ProtocolBotError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { DatabaseHealth } from './handoff-stores.js';
import { latestPostgresSchemaVersion, postgresMigrations } from './postgres-migrations.js';
import { isLostConnection, toStoreError } from './store-errors.js';

/** A client inside a transaction (or the pool, for a single statement). */
export type Queryable = Pick<pg.PoolClient, 'query'>;

/** The PostgreSQL connection pool of one process, with the few ways the stores use it. */
export interface PostgresDatabase {
  /**
   * Runs one statement. A lost connection is retried with backoff (the statement either ran whole or not at all;
   * every single statement the stores run is safe to repeat).
   */
  query<Row extends pg.QueryResultRow>(action: string, sql: string, params?: unknown[]): Promise<Row[]>;
  /**
   * Runs `work` in one READ COMMITTED transaction. A connection lost before COMMIT was sent rolls it back on the
   * server, so the whole transaction is tried again with backoff; any other error rolls back and is thrown.
   */
  transaction<T>(action: string, work: (client: Queryable) => Promise<T>): Promise<T>;
  /** Asks the database `SELECT 1` once (no retries), within `timeoutMs`. */
  health(timeoutMs: number): Promise<DatabaseHealth>;
  /** Closes every connection. */
  close(): Promise<void>;
}

/** Options for {@link openPostgresDatabase}. */
export interface OpenPostgresOptions {
  url: string;
  logger: Logger;
  /** Connections per process (default 10). */
  maxConnections?: number;
  /**
   * How long an operation keeps retrying a lost connection before failing with `store_unavailable` (default 2 s:
   * a chat platform waits about 3 s for its acknowledgement, and a failure there makes it deliver again).
   */
  retryForMs?: number;
  /** How long opening waits for a database that is still starting (default 60 s). */
  connectForMs?: number;
}

/** Key of the advisory lock that serialises migrations across replicas (any constant shared by all of them). */
const migrationLockKey = 7_262_015_001;

/**
 * Opens a pool on DATABASE_URL and brings the schema up to date under `pg_advisory_lock`, so replicas starting
 * together take turns: the first applies the steps, the others find them applied. Waits (with backoff) for a
 * database that is still starting.
 */
export async function openPostgresDatabase(options: OpenPostgresOptions): Promise<PostgresDatabase> {
  const { logger } = options;
  const retryForMs = options.retryForMs ?? 2_000;
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'protocol-bot',
  });
  // An idle connection that the server drops emits 'error' on the pool; unhandled, it would end the process.
  pool.on('error', (error) => logger.warn('database connection lost', { error: describeError(error) }));

  const retrying = async <T>(action: string, attempt: () => Promise<T>, forMs = retryForMs): Promise<T> => {
    const deadline = Date.now() + forMs;
    for (let tries = 0; ; tries += 1) {
      try {
        return await attempt();
      } catch (error) {
        if (!isLostConnection(error) || Date.now() >= deadline) throw toStoreError(error, action);
        const delay = Math.min(100 * 2 ** tries, 2_000);
        logger.warn('database unreachable; retrying', {
          action,
          delayMs: delay,
          error: describeError(error),
        });
        await sleep(delay);
      }
    }
  };

  const database: PostgresDatabase = {
    async query<Row extends pg.QueryResultRow>(action: string, sql: string, params: unknown[] = []) {
      return retrying(action, async () => (await pool.query<Row>(sql, params)).rows);
    },
    async transaction(action, work) {
      let committing = false;
      return retrying(action, async () => {
        const client = await pool.connect();
        let broken = false;
        try {
          await client.query('BEGIN');
          const result = await work(client);
          committing = true;
          await client.query('COMMIT');
          return result;
        } catch (error) {
          broken = isLostConnection(error);
          if (!broken) await client.query('ROLLBACK').catch(() => undefined);
          // A connection lost after COMMIT was sent may have committed: do not repeat the work.
          if (committing) throw toStoreError(error, action);
          throw error;
        } finally {
          client.release(broken);
        }
      });
    },
    async health(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([pool.query('SELECT 1'), timeout]);
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: `the database cannot be reached: ${describeError(error)}` };
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await pool.end();
    },
  };

  try {
    await retrying('connect to the database', () => migrate(pool, logger), options.connectForMs ?? 60_000);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return database;
}

async function migrate(pool: pg.Pool, logger: Logger): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [migrationLockKey]);
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS schema_migrations (
           version INTEGER PRIMARY KEY,
           description TEXT NOT NULL,
           applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
         )`,
      );
      // Read inside the lock: another replica may have migrated while this one waited.
      const { rows } = await client.query<{ version: number | null }>(
        'SELECT max(version) AS version FROM schema_migrations',
      );
      const current = rows[0]?.version ?? 0;
      if (current > latestPostgresSchemaVersion) {
        throw new ProtocolBotError(
          'store_unavailable',
          `The database is at schema version ${current}, newer than this program (${latestPostgresSchemaVersion}); upgrade Protocol Bot.`,
        );
      }
      for (const step of postgresMigrations) {
        if (step.version <= current) continue;
        await client.query('BEGIN');
        try {
          await client.query(step.sql);
          await client.query('INSERT INTO schema_migrations (version, description) VALUES ($1, $2)', [
            step.version,
            step.description,
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
        logger.info('database migrated', { version: step.version, description: step.description });
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [migrationLockKey]).catch(() => undefined);
    }
  } finally {
    client.release();
  }
}
