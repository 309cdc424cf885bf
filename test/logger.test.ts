import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';

describe('the JSON-lines logger', () => {
  it('keeps its own fields when extra fields use the same names', () => {
    const lines: string[] = [];
    const logger = createLogger('debug', (line) => lines.push(line));
    logger.warn('teams feedback for an unknown message', {
      message: '1732000000123',
      level: 'debug',
      time: 'yesterday',
      conversation: 'a:1personal',
    });
    const line = JSON.parse(lines[0] ?? '{}');
    expect(line.message).toBe('teams feedback for an unknown message');
    expect(line.level).toBe('warn');
    expect(Number.isNaN(Date.parse(line.time))).toBe(false);
    expect(line).toMatchObject({
      'context.message': '1732000000123',
      'context.level': 'debug',
      'context.time': 'yesterday',
      conversation: 'a:1personal',
    });
  });

  it('writes only the levels at or above its own', () => {
    const lines: string[] = [];
    const logger = createLogger('warn', (line) => lines.push(line));
    logger.info('not written');
    logger.error('written', { code: 'store_unavailable' });
    expect(lines.map((line) => JSON.parse(line).message)).toEqual(['written']);
  });
});
