import { format } from 'node:util';
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../logger.js';

/**
 * Bolt's logger interface over ours, so Bolt's own messages (connection state, signature failures) land in the
 * same JSON log lines. Bolt's info-level chatter is logged at debug.
 */
export function boltLogger(logger: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const text = (parts: unknown[]) => format(...parts);
  return {
    debug: (...parts: unknown[]) => logger.debug(text(parts), { source: 'bolt' }),
    info: (...parts: unknown[]) => logger.debug(text(parts), { source: 'bolt' }),
    warn: (...parts: unknown[]) => logger.warn(text(parts), { source: 'bolt' }),
    error: (...parts: unknown[]) => logger.error(text(parts), { source: 'bolt' }),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
