import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureHandoffBuilt, fixturesDir } from '../cases/compiled-handoff.js';
import { tempDataDir } from '../cases/handoff-test-kit.js';

const crashedAt = '2026-11-27T19:45:00Z';
const withinLease = '2026-11-27T19:45:10Z';
const afterLease = '2026-11-27T19:50:00Z';

function runStep(dataDir: string, step: string, now: string) {
  const result = spawnSync(
    process.execPath,
    [
      join(fixturesDir, 'crash-step.mjs'),
      dataDir,
      step,
      now,
      join(dataDir, 'delivered.jsonl'),
      join(dataDir, 'attempts.jsonl'),
    ],
    { encoding: 'utf8', timeout: 20_000 },
  );
  return result;
}

function lines(file: string): { noticeId: number; reference?: string; kind?: string }[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

function storeState(dataDir: string) {
  const db = new Database(join(dataDir, 'cases.db'), { readonly: true });
  try {
    return {
      cases: db.prepare('SELECT reference FROM cases').all() as { reference: string }[],
      outbox: db.prepare(`SELECT id, state, attempts FROM outbox WHERE platform = 'recording'`).all() as {
        id: number;
        state: string;
        attempts: number;
      }[],
      delivered: db
        .prepare(`SELECT COUNT(*) AS n FROM case_events WHERE kind = 'notice_delivered'`)
        .get() as {
        n: number;
      },
    };
  } finally {
    db.close();
  }
}

describe('crash safety of the case store and outbox (SIGKILL at each step, then restart)', () => {
  beforeAll(() => ensureHandoffBuilt());

  for (const step of ['after-case-write', 'during-delivery', 'after-delivery'] as const) {
    it(`killed ${step}: exactly one case and exactly one notice delivered after restart`, () => {
      const data = tempDataDir();
      try {
        const crashed = runStep(data.dir, step, crashedAt);
        expect(crashed.signal, crashed.stderr).toBe('SIGKILL');

        if (step === 'during-delivery') {
          // Restarted while the dead process's lease still runs: nobody may send it yet.
          const early = runStep(data.dir, 'none', withinLease);
          expect(early.status, early.stderr).toBe(0);
          expect(JSON.parse(early.stdout)).toEqual({ reference: 'MO-2026-0001', delivered: 0 });
          expect(lines(join(data.dir, 'delivered.jsonl'))).toEqual([]);
        }

        const restarted = runStep(data.dir, 'none', afterLease);
        expect(restarted.status, restarted.stderr).toBe(0);
        expect(JSON.parse(restarted.stdout)).toEqual({ reference: 'MO-2026-0001', delivered: 1 });

        const state = storeState(data.dir);
        expect(state.cases).toEqual([{ reference: 'MO-2026-0001' }]);
        expect(state.outbox).toHaveLength(1);
        expect(state.outbox[0]?.state).toBe('delivered');
        expect(state.delivered.n).toBe(1);

        const delivered = lines(join(data.dir, 'delivered.jsonl'));
        expect(delivered).toEqual([
          { noticeId: state.outbox[0]?.id, reference: 'MO-2026-0001', kind: 'case_opened' },
        ]);
        const attempts = lines(join(data.dir, 'attempts.jsonl'));
        // A crash after the platform accepted but before marking re-sends; the notice id lets the deliverer dedupe.
        expect(attempts).toHaveLength(step === 'after-case-write' ? 1 : 2);

        // A further restart sends nothing more.
        const again = runStep(data.dir, 'none', '2026-11-28T09:00:00Z');
        expect(JSON.parse(again.stdout)).toEqual({ reference: 'MO-2026-0001', delivered: 0 });
        expect(lines(join(data.dir, 'attempts.jsonl'))).toHaveLength(attempts.length);
      } finally {
        data.cleanup();
      }
    });
  }
});
