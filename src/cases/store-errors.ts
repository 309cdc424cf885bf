import { describeError, ProtocolBotError } from '../errors.js';

/** SQLite result codes that mean the store cannot be used right now (locked, read-only, full, broken). */
const unavailablePrefixes = [
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_READONLY',
  'SQLITE_FULL',
  'SQLITE_IOERR',
  'SQLITE_CANTOPEN',
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_PERM',
];

const explanations: Record<string, string> = {
  SQLITE_BUSY: 'the case database is locked by another process (gave up after the busy timeout)',
  SQLITE_LOCKED: 'the case database is locked',
  SQLITE_READONLY: 'the case database is read-only',
  SQLITE_FULL: 'the disk holding the case database is full',
  SQLITE_IOERR: 'the case database could not be read or written (I/O error)',
  SQLITE_CANTOPEN: 'the case database cannot be opened',
  SQLITE_CORRUPT: 'the case database is corrupt',
  SQLITE_NOTADB: 'the case database file is not a SQLite database',
  SQLITE_PERM: 'the case database cannot be written (permission denied)',
};

/**
 * Network errors and PostgreSQL SQLSTATE codes that mean the database cannot be reached or is going away: the
 * operation did not happen (or was rolled back) and may succeed on a later try.
 */
const lostConnectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down)
  '53300', // too_many_connections
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);

/** Whether a PostgreSQL (or network) error means the database was unreachable rather than the request wrong. */
export function isLostConnection(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string') return lostConnectionCodes.has(code) || code.startsWith('08');
  // node-postgres reports a socket closed under it, and a connect timeout, without a code.
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message);
}

/**
 * Turns a SQLite or PostgreSQL failure into a `store_unavailable` ProtocolBotError that says what is wrong;
 * nothing is half-written because every write runs in one transaction. Any other error is returned unchanged.
 */
export function toStoreError(error: unknown, action: string): unknown {
  if (ProtocolBotError.isInstance(error)) return error;
  if (isLostConnection(error)) {
    return new ProtocolBotError(
      'store_unavailable',
      `Cannot ${action}: the database cannot be reached (${describeError(error)}).`,
      { cause: error, retryable: true },
    );
  }
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code !== 'string') return error;
  const prefix = unavailablePrefixes.find((known) => code.startsWith(known));
  if (!prefix) return error;
  return new ProtocolBotError('store_unavailable', `Cannot ${action}: ${explanations[prefix]} (${code}).`, {
    cause: error,
    retryable: prefix === 'SQLITE_BUSY' || prefix === 'SQLITE_LOCKED',
  });
}

/** Runs a store operation, translating SQLite failures into `store_unavailable`. */
export function inStore<T>(action: string, operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    throw toStoreError(error, action);
  }
}

/** {@link inStore} for an async operation (PostgreSQL). */
export async function inStoreAsync<T>(action: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toStoreError(error, action);
  }
}
