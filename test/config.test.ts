import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chatModelConfigured, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('has working defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.DATA_DIR).toBe('./data');
    expect(config.PORT).toBe(3000);
    expect(config.SERVICE_STANDARD_WORKING_DAYS).toBe(2);
    expect(config.MONITORING_OFFICER_SLACK_USERS).toEqual([]);
    expect(chatModelConfigured(config)).toBe(false);
  });

  it('names the key at fault and what is wrong with it', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT: /);
    expect(() => loadConfig({ OPENAI_BASE_URL: 'not a url' })).toThrow(/OPENAI_BASE_URL: must be a URL/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ MONITORING_OFFICER_ABSENT: 'perhaps' })).toThrow(/MONITORING_OFFICER_ABSENT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/bot' })).toThrow(
      /DATABASE_URL: must be a PostgreSQL URL/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'postgres:/db' })).toThrow(
      /DATABASE_URL: must be a PostgreSQL URL/,
    );
  });

  it('keeps state in SQLite unless DATABASE_URL names a PostgreSQL database', () => {
    expect(loadConfig({}).DATABASE_URL).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
    const url = 'postgresql://bot:s3cret@db.council.example:5432/protocol_bot?sslmode=require';
    expect(loadConfig({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });

  it('reads the number of answer threads: auto leaves one CPU to the main thread', () => {
    const auto = loadConfig({}).ANSWER_WORKERS;
    expect(auto).toBe(Math.min(4, Math.max(0, availableParallelism() - 1)));
    expect(loadConfig({ ANSWER_WORKERS: '0' }).ANSWER_WORKERS).toBe(0);
    expect(loadConfig({ ANSWER_WORKERS: '3' }).ANSWER_WORKERS).toBe(3);
    expect(() => loadConfig({ ANSWER_WORKERS: 'lots' })).toThrow(
      /ANSWER_WORKERS: must be auto or a whole number/,
    );
    expect(() => loadConfig({ ANSWER_WORKERS: '-1' })).toThrow(/ANSWER_WORKERS/);
  });

  it('reads lists and flags', () => {
    const config = loadConfig({
      MONITORING_OFFICER_SLACK_USERS: 'U1, U2,',
      MONITORING_OFFICER_ABSENT: 'true',
    });
    expect(config.MONITORING_OFFICER_SLACK_USERS).toEqual(['U1', 'U2']);
    expect(config.MONITORING_OFFICER_ABSENT).toBe(true);
  });

  it('turns the generative path on only with a model and a way to reach it', () => {
    expect(chatModelConfigured(loadConfig({ OPENAI_MODEL: 'gpt-4o-mini' }))).toBe(false);
    expect(
      chatModelConfigured(
        loadConfig({ OPENAI_MODEL: 'llama3', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' }),
      ),
    ).toBe(true);
  });

  it('reads a config file, with the environment winning, and rejects unknown keys', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'config-'));
    const file = path.join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ PORT: 8080, DATA_DIR: '/srv/bot' }));
    const config = loadConfig({ PROTOCOL_BOT_CONFIG: file, DATA_DIR: '/override' });
    expect(config.PORT).toBe(8080);
    expect(config.DATA_DIR).toBe('/override');
    writeFileSync(file, JSON.stringify({ PORTT: 1 }));
    expect(() => loadConfig({ PROTOCOL_BOT_CONFIG: file })).toThrow(/PORTT: unknown setting/);
    writeFileSync(file, '{oops');
    expect(() => loadConfig({ PROTOCOL_BOT_CONFIG: file })).toThrow(/PROTOCOL_BOT_CONFIG: cannot read/);
  });
});
