import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InboxItem, InboxStore } from '../../src/cases/inbox-store.js';
import { type CaseDatabase, openCaseDatabase } from '../../src/cases/open-case-database.js';
import { createSqliteInboxStore } from '../../src/cases/sqlite-inbox-store.js';
import { movableClock, tempDataDir } from './handoff-test-kit.js';

/** An escalation mention as the Slack adapter stores it. */
function slackMention(eventId: string): InboxItem {
  return {
    platform: 'slack',
    deliveryId: eventId,
    payload: {
      rawText: '<@U0BOT> A councillor keeps shouting at me in meetings. What can I do?',
      userId: 'U024BE7LH',
      channel: 'C0GENERAL',
    },
    replyTo: { channel: 'C0GENERAL', threadTs: '1732370000.000100' },
    receivedAt: new Date('2026-11-27T19:45:00Z'),
  };
}

const alpha = { workerId: 'host:101:alpha', leaseMs: 30_000 };
const beta = { workerId: 'host:202:beta', leaseMs: 30_000 };

describe('SQLite inbox store', () => {
  let data: ReturnType<typeof tempDataDir>;
  let clock: ReturnType<typeof movableClock>;
  let databases: CaseDatabase[];
  let open: () => InboxStore;
  let inbox: InboxStore;

  beforeEach(() => {
    data = tempDataDir();
    clock = movableClock('2026-11-27T19:45:00Z');
    databases = [];
    open = () => {
      const db = openCaseDatabase(join(data.dir, 'cases.db'));
      databases.push(db);
      return createSqliteInboxStore({ db, clock });
    };
    inbox = open();
  });

  afterEach(() => {
    for (const db of databases) if (db.open) db.close();
    data.cleanup();
  });

  it('accepts a delivery once: the same platform delivery id again is a duplicate', async () => {
    const first = await inbox.accept(slackMention('Ev0001'));
    expect(first.fresh).toBe(true);
    expect(first.entry).toMatchObject({
      platform: 'slack',
      deliveryId: 'Ev0001',
      state: 'pending',
      attempts: 0,
      replyTo: { channel: 'C0GENERAL', threadTs: '1732370000.000100' },
      receivedAt: new Date('2026-11-27T19:45:00Z'),
    });
    expect(first.entry.payload).toMatchObject({ userId: 'U024BE7LH' });

    const retry = await inbox.accept(slackMention('Ev0001'));
    expect(retry).toMatchObject({ fresh: false, entry: { id: first.entry.id, state: 'pending' } });
    // The same id on another platform is another delivery.
    const teams = await inbox.accept({ ...slackMention('Ev0001'), platform: 'teams' });
    expect(teams.fresh).toBe(true);
    expect(await inbox.pendingCount()).toBe(2);
  });

  it('leases a row accepted with claimFor to that worker until the lease runs out', async () => {
    const { entry } = await inbox.accept(slackMention('Ev0002'), alpha);
    expect(entry).toMatchObject({ state: 'processing', attempts: 1, leaseOwner: alpha.workerId });
    expect(entry.leaseExpiresAt).toEqual(new Date('2026-11-27T19:45:30Z'));

    expect(await inbox.claimBatch(beta, 10, ['slack'])).toEqual([]);
    clock.advance(20_000);
    expect(await inbox.renewLease(entry.id, alpha)).toBe(true);
    expect(await inbox.renewLease(entry.id, beta)).toBe(false);
    clock.advance(20_000);
    // Renewed at +20 s for 30 s: still alpha's at +40 s.
    expect(await inbox.claimBatch(beta, 10, ['slack'])).toEqual([]);

    // Alpha dies; once the lease expires, beta takes the row over.
    clock.advance(15_000);
    const [takenOver] = await inbox.claimBatch(beta, 10, ['slack']);
    expect(takenOver).toMatchObject({
      id: entry.id,
      state: 'processing',
      attempts: 2,
      leaseOwner: beta.workerId,
    });
    expect(takenOver?.payload).toMatchObject({ channel: 'C0GENERAL' });
    expect(await inbox.renewLease(entry.id, alpha)).toBe(false);
  });

  it('claims pending rows oldest first, up to the limit, never the same row twice', async () => {
    for (const id of ['Ev1', 'Ev2', 'Ev3']) await inbox.accept(slackMention(id));
    const first = await inbox.claimBatch(alpha, 2, ['slack']);
    expect(first.map((entry) => entry.deliveryId)).toEqual(['Ev1', 'Ev2']);
    const second = await inbox.claimBatch(beta, 2, ['slack']);
    expect(second.map((entry) => entry.deliveryId)).toEqual(['Ev3']);
    expect(await inbox.claimBatch(beta, 2, ['slack'])).toEqual([]);
  });

  it('claims only the platforms asked for', async () => {
    await inbox.accept(slackMention('Ev1'));
    await inbox.accept({ ...slackMention('Ev2'), platform: 'teams' });
    expect(await inbox.claimBatch(alpha, 10, [])).toEqual([]);
    const teams = await inbox.claimBatch(alpha, 10, ['teams']);
    expect(teams.map((entry) => entry.platform)).toEqual(['teams']);
    expect(await inbox.pendingCount()).toBe(2);
  });

  it('two connections to one file (two processes) split the pending rows between them', async () => {
    const other = open();
    for (let index = 0; index < 20; index += 1) await inbox.accept(slackMention(`Ev${index}`));
    const claimed = await Promise.all([
      inbox.claimBatch(alpha, 7, ['slack']),
      other.claimBatch(beta, 7, ['slack']),
      inbox.claimBatch(alpha, 7, ['slack']),
    ]);
    const ids = claimed.flat().map((entry) => entry.id);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
  });

  it('marks a row done, erasing its payload, and still recognises a retry after a restart', async () => {
    const { entry } = await inbox.accept(slackMention('Ev0003'), alpha);
    await inbox.markDone(entry.id);
    expect(await inbox.pendingCount()).toBe(0);

    databases[0]?.close();
    const restarted = open();
    const retry = await restarted.accept(slackMention('Ev0003'));
    expect(retry.fresh).toBe(false);
    expect(retry.entry).toMatchObject({ state: 'done', payload: {}, leaseOwner: null });
    expect(await restarted.claimBatch(beta, 10, ['slack'])).toEqual([]);
  });

  it('puts a failed attempt back for a retry, or gives it up keeping the error', async () => {
    const { entry } = await inbox.accept(slackMention('Ev0004'), alpha);
    await inbox.markFailed(entry.id, alpha.workerId, {
      error: 'slack_webapi_platform_error: ratelimited',
      retryAt: new Date('2026-11-27T19:46:00Z'),
    });
    expect(await inbox.claimBatch(beta, 10, ['slack'])).toEqual([]);
    clock.set('2026-11-27T19:46:00Z');
    const [again] = await inbox.claimBatch(beta, 10, ['slack']);
    expect(again).toMatchObject({
      id: entry.id,
      attempts: 2,
      lastError: 'slack_webapi_platform_error: ratelimited',
    });

    // Only the lease holder can fail the row.
    await inbox.markFailed(entry.id, alpha.workerId, { error: 'stale worker' });
    expect(await inbox.pendingCount()).toBe(1);
    await inbox.markFailed(entry.id, beta.workerId, { error: 'channel_not_found' });
    expect(await inbox.pendingCount()).toBe(0);
    const duplicate = await inbox.accept(slackMention('Ev0004'));
    expect(duplicate.entry).toMatchObject({ state: 'failed', lastError: 'channel_not_found' });
  });

  it('purges finished rows older than the cut-off and keeps the rest', async () => {
    const done = await inbox.accept(slackMention('EvOld'), alpha);
    await inbox.markDone(done.entry.id);
    clock.advance(8 * 86_400_000);
    const recent = await inbox.accept(slackMention('EvNew'), alpha);
    await inbox.markDone(recent.entry.id);
    await inbox.accept(slackMention('EvWaiting'));

    const purged = await inbox.purgeFinished(new Date(clock.now().getTime() - 7 * 86_400_000));
    expect(purged).toBe(1);
    expect((await inbox.accept(slackMention('EvOld'))).fresh).toBe(true);
    expect((await inbox.accept(slackMention('EvNew'))).fresh).toBe(false);
    expect((await inbox.accept(slackMention('EvWaiting'))).fresh).toBe(false);
  });
});
