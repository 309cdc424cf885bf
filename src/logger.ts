/** Log levels in increasing severity. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** The logger every module receives; structured fields go in `context`. */
export interface Logger {
  debug(message: string, context?: Record<string, unknown>): void;
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

/** Severity order: a logger at one level writes that level and those above it. */
export const logLevelRank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * A JSON-lines logger that writes to standard error, so standard output stays clean for `--json` modes.
 */
export function createLogger(
  level: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Logger {
  const emit = (at: LogLevel, message: string, context?: Record<string, unknown>) => {
    if (logLevelRank[at] < logLevelRank[level]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: at, message, ...keepOwnFields(context) }));
  };
  return {
    debug: (message, context) => emit('debug', message, context),
    info: (message, context) => emit('info', message, context),
    warn: (message, context) => emit('warn', message, context),
    error: (message, context) => emit('error', message, context),
  };
}

/** The fields every line carries; a context field of the same name is kept under `context.NAME` instead. */
const ownFields = new Set(['time', 'level', 'message']);

function keepOwnFields(context: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!context || !Object.keys(context).some((key) => ownFields.has(key))) return context;
  return Object.fromEntries(
    Object.entries(context).map(([key, value]) => [ownFields.has(key) ? `context.${key}` : key, value]),
  );
}

/** A logger that drops everything (tests that do not assert on logs). */
export const silentLogger: Logger = createLogger('error', () => {});
