import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureHandoffBuilt, fixturesDir } from './compiled-handoff.js';
import { tempDataDir } from './handoff-test-kit.js';

function runChild(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(fixturesDir, 'create-cases.mjs'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
    });
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('two processes sharing the case store', () => {
  let data: ReturnType<typeof tempDataDir>;
  beforeAll(() => {
    ensureHandoffBuilt();
    data = tempDataDir();
  });
  afterAll(() => data.cleanup());

  it('start at once (both migrating) and create cases concurrently: all present, references unique', async () => {
    const perProcess = 40;
    const startAt = String(Date.now() + 400);
    const [first, second] = await Promise.all([
      runChild([data.dir, 'A', String(perProcess), startAt]),
      runChild([data.dir, 'B', String(perProcess), startAt]),
    ]);
    expect(first.stderr).toBe('');
    expect(second.stderr).toBe('');
    expect([first.code, second.code]).toEqual([0, 0]);
    const references = [...JSON.parse(first.stdout), ...JSON.parse(second.stdout)] as string[];
    expect(new Set(references).size).toBe(perProcess * 2);

    const db = new Database(join(data.dir, 'cases.db'), { readonly: true });
    try {
      const rows = db.prepare('SELECT reference, event_id FROM cases ORDER BY sequence').all() as {
        reference: string;
        event_id: string;
      }[];
      expect(rows).toHaveLength(perProcess * 2);
      expect(rows.map((row) => row.reference)).toEqual(
        Array.from({ length: perProcess * 2 }, (_, index) => `MO-2026-${String(index + 1).padStart(4, '0')}`),
      );
      expect(new Set(rows.map((row) => row.event_id)).size).toBe(perProcess * 2);
      const outbox = db.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number };
      expect(outbox.n).toBe(perProcess * 2);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('user_version', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });
});
