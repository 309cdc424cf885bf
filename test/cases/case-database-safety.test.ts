import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/app/main.js';
import { type HandoffRuntime, openHandoff } from '../../src/cases/open-handoff.js';
import { damageDatabaseFile } from './damage-database.js';
import {
  bullyingRequest,
  captureIo,
  movableClock,
  recordingLogger,
  tempDataDir,
  testConfig,
} from './handoff-test-kit.js';

const damage = damageDatabaseFile;

async function openWithCases(dir: string, clock: ReturnType<typeof movableClock>): Promise<HandoffRuntime> {
  const handoff = await openHandoff({ config: testConfig(dir), clock, logger: recordingLogger() });
  for (let index = 0; index < 40; index += 1) {
    await handoff.cases.openCase(bullyingRequest({ eventId: `Ev-safety-${index}` }));
  }
  return handoff;
}

describe('the case database health check', () => {
  let data: ReturnType<typeof tempDataDir>;
  let clock: ReturnType<typeof movableClock>;
  let handoff: HandoffRuntime;

  beforeEach(async () => {
    data = tempDataDir();
    clock = movableClock('2026-11-23T10:00:00Z');
    handoff = await openWithCases(data.dir, clock);
  });

  afterEach(async () => {
    await handoff.close();
    data.cleanup();
  });

  it('is ok on a sound database that takes writes', async () => {
    expect(await handoff.health()).toEqual({ ok: true });
  });

  it('fails its integrity check when the file is damaged underneath the running process', async () => {
    const file = join(data.dir, 'cases.db');
    // Everything in the main file, so the damage is where SQLite reads it.
    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    damage(file);
    const health = await handoff.health();
    expect(health.ok).toBe(false);
    expect(health.ok ? '' : health.reason).toMatch(/integrity check|corrupt|malformed/);
  });

  it('fails when the database cannot be written (another process holds the write lock)', async () => {
    const other = new Database(join(data.dir, 'cases.db'));
    other.exec('BEGIN IMMEDIATE');
    try {
      const started = performance.now();
      const health = await handoff.health();
      expect(health.ok).toBe(false);
      expect(health.ok ? '' : health.reason).toMatch(/locked/);
      // A short wait on the acknowledging thread, not the store's 5 s busy timeout.
      expect(performance.now() - started).toBeLessThan(2_000);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    clock.advance(60_000);
    expect(await handoff.health()).toEqual({ ok: true });
  });
});

describe('a damaged case database at start', () => {
  it('stops with what is wrong and how to recover', async () => {
    const data = tempDataDir();
    try {
      const clock = movableClock('2026-11-23T10:00:00Z');
      const handoff = await openWithCases(data.dir, clock);
      await handoff.close();
      damage(join(data.dir, 'cases.db'));
      await expect(
        openHandoff({ config: testConfig(data.dir), clock, logger: recordingLogger() }),
      ).rejects.toThrowError(
        /cases\.db is damaged .*To recover: stop every protocol-bot process.*protocol-bot backup.*\.recover/s,
      );
    } finally {
      data.cleanup();
    }
  });
});

describe('protocol-bot backup FILE', () => {
  it('copies the live database while it is open, and the copy restores every case', async () => {
    const live = tempDataDir();
    const restored = tempDataDir();
    const clock = movableClock('2026-11-23T10:00:00Z');
    const handoff = await openWithCases(live.dir, clock);
    try {
      const target = join(restored.dir, 'cases.db');
      const io = captureIo();
      // The bot keeps its connection open (and its last commits in the -wal file) while the backup runs.
      const code = await main(['backup', target], io, { DATA_DIR: live.dir, LOG_LEVEL: 'error' });
      expect(io.err()).toBe('');
      expect(code).toBe(0);
      expect(io.out()).toMatch(/^Backed up .*cases\.db \(40 cases\) to .*cases\.db\n$/);

      // Restoring is copying the file into a DATA_DIR: the cases are all there.
      const list = captureIo();
      expect(
        await main(['cases', 'list', '--json'], list, { DATA_DIR: restored.dir, LOG_LEVEL: 'error' }),
      ).toBe(0);
      expect(JSON.parse(list.out())).toHaveLength(40);
    } finally {
      await handoff.close();
      live.cleanup();
      restored.cleanup();
    }
  });

  it('needs a file, and never overwrites the live database', async () => {
    const live = tempDataDir();
    try {
      const io = captureIo();
      expect(await main(['backup'], io, { DATA_DIR: live.dir })).toBe(2);
      expect(io.err()).toMatch(/backup needs a file/);
      const same = captureIo();
      expect(await main(['backup', join(live.dir, 'cases.db')], same, { DATA_DIR: live.dir })).toBe(2);
      expect(same.err()).toMatch(/is the live case database/);
    } finally {
      live.cleanup();
    }
  });
});
