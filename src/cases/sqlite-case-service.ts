import type { HandoffRequest, OpenedCase } from '../answer/handoff-port.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { ProtocolBotError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { BankHolidays } from './bank-holidays.js';
import { chooseAssignee } from './case-assignment.js';
import { formatCaseReference, normaliseCaseReference } from './case-reference.js';
import { type CaseEventRow, type CaseRow, toCaseEvent, toCaseRecord } from './case-row.js';
import { assertTransition, type CaseAction } from './case-transitions.js';
import type { CaseEvent, CaseRecord, CaseService } from './case-types.js';
import type { CaseDatabase } from './open-case-database.js';
import { appendCaseEvent, enqueueNotice } from './outbox.js';
import { inStore } from './store-errors.js';
import { addWorkingDays, beyondHolidayList, londonDate } from './working-days.js';

/** What the case service needs. */
export interface CaseServiceOptions {
  db: CaseDatabase;
  config: Pick<
    Config,
    | 'MONITORING_OFFICER_NAME'
    | 'DEPUTY_MONITORING_OFFICER_NAME'
    | 'MONITORING_OFFICER_ABSENT'
    | 'SERVICE_STANDARD_WORKING_DAYS'
  >;
  clock: Clock;
  logger: Logger;
  holidays: BankHolidays;
  /** Platforms whose deliverers tell the Monitoring Officer about a new case (default `['log']`). */
  noticePlatforms?: string[];
}

/** The case service, with the question of which statuses are outstanding answered in one place. */
export interface SqliteCaseService extends CaseService {
  /** Cases still waiting for a reply (open or claimed) whose due date has passed, as of the clock's London date. */
  overdue(): CaseRecord[];
}

/**
 * Where a `case_answered` notice goes: back to the asker's platform. A terminal (or unknown) asker has no chat to
 * post into, so their answer goes through the `log` deliverer, which every process registers.
 */
export function answerNoticePlatform(askerPlatform: string): string {
  return askerPlatform === 'cli' || askerPlatform === 'unknown' ? 'log' : askerPlatform;
}

/**
 * Cases for the Monitoring Officer in SQLite. Every change (case row, history, outbox notices) is one IMMEDIATE
 * transaction: it either happens whole or not at all, and a crash never leaves a case without its notice.
 */
export function createCaseService(options: CaseServiceOptions): SqliteCaseService {
  const { db, config, clock, logger, holidays } = options;
  const noticePlatforms = [...new Set(options.noticePlatforms ?? ['log'])];

  const selectCase = db.prepare('SELECT * FROM cases WHERE reference = ?');
  const selectByEvent = db.prepare('SELECT * FROM cases WHERE event_id = ?');

  function load(reference: string): CaseRecord {
    const row = selectCase.get(normaliseCaseReference(reference)) as CaseRow | undefined;
    if (!row) {
      throw new ProtocolBotError('case_not_found', `No case with reference ${reference.trim()} was found.`);
    }
    return toCaseRecord(row);
  }

  function overdue(): CaseRecord[] {
    const today = londonDate(clock.now());
    const rows = db
      .prepare(
        `SELECT * FROM cases WHERE status IN ('open', 'claimed') AND due_date < ? ORDER BY due_date, year, sequence`,
      )
      .all(today) as CaseRow[];
    return rows.map(toCaseRecord);
  }

  function openNow(request: HandoffRequest): OpenedCase {
    const now = clock.now();
    const at = now.toISOString();
    const createdOn = londonDate(now);
    const dueDate = addWorkingDays(createdOn, config.SERVICE_STANDARD_WORKING_DAYS, holidays);
    if (beyondHolidayList(dueDate, holidays)) {
      logger.warn('due date is past the bank-holiday list; only weekends were skipped', {
        dueDate,
        lastYear: holidays.lastYear,
      });
    }
    const { assignee, assigneeRole } = chooseAssignee(config, request);
    const question = request.question;
    const asker = question.asker ?? { platform: 'unknown', userId: 'unknown' };
    const eventId = question.eventId ?? null;
    const year = Number(createdOn.slice(0, 4));

    const open = db.transaction((): OpenedCase & { created: boolean } => {
      if (eventId !== null) {
        const existing = selectByEvent.get(eventId) as CaseRow | undefined;
        if (existing) {
          return {
            reference: existing.reference,
            dueDate: existing.due_date,
            assignee: existing.assignee,
            created: false,
          };
        }
      }
      const { next } = db
        .prepare('SELECT COALESCE(MAX(sequence), 0) + 1 AS next FROM cases WHERE year = ?')
        .get(year) as { next: number };
      const reference = formatCaseReference(year, next);
      db.prepare(
        `INSERT INTO cases (reference, year, sequence, status, asker_platform, asker_user_id, asker_display_name,
           reply_to, public_channel, question, reason, topic, sensitive, citations, assignee, assignee_role,
           due_date, created_at, created_on, updated_at, event_id)
         VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        reference,
        year,
        next,
        asker.platform,
        asker.userId,
        asker.displayName ?? null,
        question.replyTo === undefined ? null : JSON.stringify(question.replyTo),
        question.publicChannel ? 1 : 0,
        request.text,
        request.reason,
        request.topic,
        request.sensitive ? 1 : 0,
        JSON.stringify(request.citations),
        assignee,
        assigneeRole,
        dueDate,
        at,
        createdOn,
        at,
        eventId,
      );
      appendCaseEvent(db, {
        reference,
        at,
        kind: 'opened',
        actor: { ...asker },
        detail: { assignee, assigneeRole, dueDate, topic: request.topic, eventId },
      });
      for (const platform of noticePlatforms) {
        enqueueNotice(db, { reference, kind: 'case_opened', platform, at });
      }
      return { reference, dueDate, assignee, created: true };
    });
    const { created, ...opened } = open.immediate();
    if (created) logger.info('case opened', { ...opened, topic: request.topic });
    else logger.info('retried event: returning the existing case', { reference: opened.reference, eventId });
    return opened;
  }

  function change(
    reference: string,
    action: CaseAction,
    apply: (record: CaseRecord, at: string) => void,
  ): CaseRecord {
    return inStore(`${action} case ${reference}`, () => {
      const run = db.transaction(() => {
        const record = load(reference);
        assertTransition(record, action);
        apply(record, clock.now().toISOString());
        return load(record.reference);
      });
      return run.immediate();
    });
  }

  return {
    async openCase(request) {
      return inStore('open a case for the Monitoring Officer', () => openNow(request));
    },

    get(reference) {
      return inStore(`read case ${reference}`, () => load(reference));
    },

    list(filter = {}) {
      return inStore('list cases', () => {
        if (filter.status === 'overdue') return overdue();
        const rows = (
          filter.status === undefined
            ? db.prepare('SELECT * FROM cases ORDER BY year, sequence').all()
            : db.prepare('SELECT * FROM cases WHERE status = ? ORDER BY year, sequence').all(filter.status)
        ) as CaseRow[];
        return rows.map(toCaseRecord);
      });
    },

    overdue() {
      return inStore('list overdue cases', overdue);
    },

    claim(reference, actor) {
      return change(reference, 'claim', (record, at) => {
        db.prepare(
          `UPDATE cases SET status = 'claimed', claimed_by = ?, updated_at = ?,
             first_response_at = COALESCE(first_response_at, ?) WHERE reference = ?`,
        ).run(JSON.stringify(actor), at, at, record.reference);
        appendCaseEvent(db, { reference: record.reference, at, kind: 'claimed', actor });
      });
    },

    answer(reference, actor, text) {
      const reply = text.trim();
      if (reply === '') {
        throw new ProtocolBotError('input_invalid', `The answer to case ${reference} is empty.`);
      }
      return change(reference, 'answer', (record, at) => {
        db.prepare(
          `UPDATE cases SET status = 'answered', answer = ?, answered_at = ?, updated_at = ?,
             claimed_by = COALESCE(claimed_by, ?), first_response_at = COALESCE(first_response_at, ?)
           WHERE reference = ?`,
        ).run(reply, at, at, JSON.stringify(actor), at, record.reference);
        appendCaseEvent(db, {
          reference: record.reference,
          at,
          kind: 'answered',
          actor,
          detail: { text: reply },
        });
        enqueueNotice(db, {
          reference: record.reference,
          kind: 'case_answered',
          platform: answerNoticePlatform(record.asker.platform),
          at,
        });
      });
    },

    close(reference, actor, note) {
      return change(reference, 'close', (record, at) => {
        db.prepare(
          `UPDATE cases SET status = 'closed', closed_at = ?, updated_at = ? WHERE reference = ?`,
        ).run(at, at, record.reference);
        appendCaseEvent(db, {
          reference: record.reference,
          at,
          kind: 'closed',
          actor,
          detail: note === undefined || note.trim() === '' ? {} : { note: note.trim() },
        });
      });
    },

    history(reference) {
      return inStore(`read the history of case ${reference}`, (): CaseEvent[] => {
        const record = load(reference);
        const rows = db
          .prepare('SELECT at, kind, actor, detail FROM case_events WHERE case_reference = ? ORDER BY id')
          .all(record.reference) as CaseEventRow[];
        return rows.map(toCaseEvent);
      });
    },
  };
}
