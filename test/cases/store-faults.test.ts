import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBankHolidays } from '../../src/cases/bank-holidays.js';
import { latestSchemaVersion, migrations } from '../../src/cases/migrations.js';
import { openCaseDatabase, switchToWal } from '../../src/cases/open-case-database.js';
import { openHandoff } from '../../src/cases/open-handoff.js';
import { createSqliteCaseService } from '../../src/cases/sqlite-case-service.js';
import { createSqliteQuestionLog } from '../../src/cases/sqlite-question-log.js';
import {
  bullyingRequest,
  movableClock,
  recordingLogger,
  tempDataDir,
  testConfig,
} from './handoff-test-kit.js';

const clock = movableClock('2026-11-23T10:00:00Z');
const officer = { platform: 'cli', userId: 'pshah' };

function counts(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const count = (table: string) =>
      (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { cases: count('cases'), events: count('case_events'), outbox: count('outbox') };
  } finally {
    db.close();
  }
}

describe('case store faults', () => {
  let data: ReturnType<typeof tempDataDir>;
  let file: string;
  beforeEach(async () => {
    data = tempDataDir();
    file = join(data.dir, 'cases.db');
  });
  afterEach(() => data.cleanup());

  it('a database locked by another process: waits the busy timeout, then store_unavailable (retryable)', async () => {
    const handoff = await openHandoff({
      config: testConfig(data.dir),
      clock,
      logger: recordingLogger(),
      busyTimeoutMs: 150,
    });
    const other = new Database(file);
    try {
      other.exec('BEGIN IMMEDIATE');
      const started = Date.now();
      await expect(handoff.cases.openCase(bullyingRequest())).rejects.toMatchObject({
        code: 'store_unavailable',
        retryable: true,
        message: expect.stringContaining('locked by another process'),
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
      expect(await handoff.cases.list()).toEqual([]); // readers are not blocked (WAL)
      other.exec('ROLLBACK');
      expect((await handoff.cases.openCase(bullyingRequest())).reference).toBe('MO-2026-0001');
    } finally {
      other.close();
      await handoff.close();
    }
  });

  it('a read-only database: writes fail with store_unavailable and nothing changes; reads still work', async () => {
    const writer = await openHandoff({ config: testConfig(data.dir), clock, logger: recordingLogger() });
    const { reference } = await writer.cases.openCase(bullyingRequest({ eventId: 'first' }));
    await writer.close();
    const before = counts(file);

    // Tests run as root, where chmod does not stop writes; the read-only connection is what SQLite sees on a
    // read-only mount or file.
    const db = openCaseDatabase(file, { readonly: true });
    try {
      const cases = createSqliteCaseService({
        db,
        config: testConfig(data.dir),
        clock,
        logger: recordingLogger(),
        holidays: loadBankHolidays(),
      });
      expect((await cases.get(reference)).status).toBe('open');
      await expect(cases.openCase(bullyingRequest({ eventId: 'second' }))).rejects.toMatchObject({
        code: 'store_unavailable',
        message: expect.stringContaining('read-only'),
      });
      await expect(cases.claim(reference, officer)).rejects.toThrowError(
        expect.objectContaining({
          code: 'store_unavailable',
          message: expect.stringContaining('SQLITE_READONLY'),
        }),
      );
      const questions = createSqliteQuestionLog({ db, clock, logger: recordingLogger(), retentionDays: 30 });
      await expect(
        questions.record({ platform: 'cli', question: 'q', decision: 'answer', citations: [] }),
      ).rejects.toThrowError(expect.objectContaining({ code: 'store_unavailable' }));
    } finally {
      db.close();
    }
    expect(counts(file)).toEqual(before);
  });

  it('a full disk: store_unavailable, and the case, its history and its notice are all or nothing', async () => {
    const db = openCaseDatabase(file);
    try {
      const cases = createSqliteCaseService({
        db,
        config: testConfig(data.dir),
        clock,
        logger: recordingLogger(),
        holidays: loadBankHolidays(),
        noticePlatforms: ['log', 'slack'],
      });
      // Cap the file at its current size, as a full disk would.
      const pages = db.pragma('page_count', { simple: true }) as number;
      db.pragma(`max_page_count = ${pages}`);
      const huge = bullyingRequest({ text: 'x'.repeat(200_000) });
      await expect(cases.openCase(huge)).rejects.toMatchObject({
        code: 'store_unavailable',
        message: expect.stringContaining('full'),
      });
      expect(counts(file)).toEqual({ cases: 0, events: 0, outbox: 0 });

      db.pragma('max_page_count = 1073741823');
      expect((await cases.openCase(huge)).reference).toBe('MO-2026-0001');
      expect(counts(file)).toEqual({ cases: 1, events: 3, outbox: 2 });
    } finally {
      db.close();
    }
  });

  it('a file that is not a SQLite database: store_unavailable naming it', async () => {
    writeFileSync(file, 'this is not a database, it is a spreadsheet export'.repeat(100));
    await expect(
      openHandoff({ config: testConfig(data.dir), clock, logger: recordingLogger() }),
    ).rejects.toThrowError(
      expect.objectContaining({
        code: 'store_unavailable',
        message: expect.stringContaining('not a SQLite database'),
      }),
    );
  });

  it('a database from a newer version of the program is refused, not downgraded', async () => {
    (await openHandoff({ config: testConfig(data.dir), clock, logger: recordingLogger() })).close();
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    await expect(
      openHandoff({ config: testConfig(data.dir), clock, logger: recordingLogger() }),
    ).rejects.toThrowError(
      expect.objectContaining({ code: 'store_unavailable', message: expect.stringContaining('version 99') }),
    );
  });

  it('brings a schema-3 database forward; an answer stored without clauses (as older versions did) names none', async () => {
    const db = new Database(file);
    for (const step of migrations.filter((migration) => migration.version <= 3)) db.exec(step.sql);
    db.pragma('user_version = 3');
    db.close();
    let handoff = await openHandoff({ config: testConfig(data.dir), clock, logger: recordingLogger() });
    const { reference } = await handoff.cases.openCase(bullyingRequest());
    handoff.close();
    const old = new Database(file);
    old
      .prepare(`UPDATE cases SET status = 'answered', answer = 'Old answer.' WHERE reference = ?`)
      .run(reference);
    old.close();
    handoff = await openHandoff({ config: testConfig(data.dir), clock, logger: recordingLogger() });
    try {
      expect(await handoff.cases.get(reference)).toMatchObject({ answer: 'Old answer.', answerClauses: [] });
      expect(await handoff.cases.answeredClauses()).toEqual([]);
    } finally {
      handoff.close();
    }
  });

  it('migrates with PRAGMA user_version and WAL mode', async () => {
    (await openHandoff({ config: testConfig(data.dir), clock, logger: recordingLogger() })).close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });
});

describe('switching a new database to WAL while another process does the same', () => {
  const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

  it('retries the switch SQLite refuses without waiting, until it is taken', () => {
    let calls = 0;
    switchToWal(
      {
        pragma: ((sql: string) => {
          expect(sql).toBe('journal_mode = WAL');
          calls += 1;
          if (calls < 3) throw busy();
          return 'wal';
        }) as never,
      },
      1_000,
    );
    expect(calls).toBe(3);
  });

  it('gives up with the lock error once the busy timeout is spent, and never retries other errors', () => {
    let calls = 0;
    const started = Date.now();
    const alwaysBusy = {
      pragma: (() => {
        calls += 1;
        throw busy();
      }) as never,
    };
    expect(() => switchToWal(alwaysBusy, 60)).toThrow('database is locked');
    expect(Date.now() - started).toBeGreaterThanOrEqual(60);
    expect(calls).toBeGreaterThan(1);
    calls = 0;
    const broken = {
      pragma: (() => {
        calls += 1;
        throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
      }) as never,
    };
    expect(() => switchToWal(broken, 1_000)).toThrow('disk I/O error');
    expect(calls).toBe(1);
  });
});
