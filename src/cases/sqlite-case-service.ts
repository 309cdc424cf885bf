import type { HandoffRequest, OpenedCase } from '../answer/index.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { ProtocolBotError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { BankHolidays } from './bank-holidays.js';
import { formatCaseReference, normaliseCaseReference } from './case-reference.js';
import {
  answerDetail,
  type CaseEventRow,
  type CaseRow,
  toAnsweredQuestion,
  toCaseEvent,
  toCaseRecord,
} from './case-row.js';
import { assertTransition, type CaseAction } from './case-transitions.js';
import type { CaseEvent, CaseRecord, CaseService } from './case-types.js';
import type { CaseDatabase } from './open-case-database.js';
import { appendCaseEvent, enqueueNotice } from './outbox.js';
import { answerNoticePlatform, newCaseColumns, planNewCase } from './plan-new-case.js';
import { inStore } from './store-errors.js';
import { londonDate } from './working-days.js';

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

/**
 * Cases for the Monitoring Officer in SQLite. Every change (case row, history, outbox notices) is one IMMEDIATE
 * transaction: it either happens whole or not at all, and a crash never leaves a case without its notice.
 */
export function createSqliteCaseService(options: CaseServiceOptions): CaseService {
  const { db, clock, logger } = options;
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
    const plan = planNewCase(request, options);
    const { at, year, eventId } = plan;
    const insert = db.prepare(
      `INSERT INTO cases (reference, year, sequence, ${newCaseColumns.join(', ')})
       VALUES (?, ?, ?, ${newCaseColumns.map(() => '?').join(', ')})`,
    );

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
      insert.run(reference, year, next, ...plan.columns);
      appendCaseEvent(db, {
        reference,
        at,
        kind: 'opened',
        actor: { ...plan.asker },
        detail: {
          assignee: plan.assignee,
          assigneeRole: plan.assigneeRole,
          dueDate: plan.dueDate,
          topic: request.topic,
          eventId,
        },
      });
      for (const platform of noticePlatforms) {
        enqueueNotice(db, { reference, kind: 'case_opened', platform, at });
      }
      return { reference, dueDate: plan.dueDate, assignee: plan.assignee, created: true };
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

    async get(reference) {
      return inStore(`read case ${reference}`, () => load(reference));
    },

    async list(filter = {}) {
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

    async overdue() {
      return inStore('list overdue cases', overdue);
    },

    async claim(reference, actor) {
      return change(reference, 'claim', (record, at) => {
        db.prepare(
          `UPDATE cases SET status = 'claimed', claimed_by = ?, updated_at = ?,
             first_response_at = COALESCE(first_response_at, ?) WHERE reference = ?`,
        ).run(JSON.stringify(actor), at, at, record.reference);
        appendCaseEvent(db, { reference: record.reference, at, kind: 'claimed', actor });
      });
    },

    async answer(reference, actor, text, clauses = []) {
      const reply = text.trim();
      if (reply === '') {
        throw new ProtocolBotError('input_invalid', `The answer to case ${reference} is empty.`);
      }
      return change(reference, 'answer', (record, at) => {
        db.prepare(
          `UPDATE cases SET status = 'answered', answer = ?, answer_clauses = ?, answered_at = ?, updated_at = ?,
             claimed_by = COALESCE(claimed_by, ?), first_response_at = COALESCE(first_response_at, ?)
           WHERE reference = ?`,
        ).run(reply, JSON.stringify(clauses), at, at, JSON.stringify(actor), at, record.reference);
        appendCaseEvent(db, {
          reference: record.reference,
          at,
          kind: 'answered',
          actor,
          detail: answerDetail(reply, clauses),
        });
        enqueueNotice(db, {
          reference: record.reference,
          kind: 'case_answered',
          platform: answerNoticePlatform(record.asker.platform),
          at,
        });
      });
    },

    async close(reference, actor, note) {
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

    async answeredClauses() {
      return inStore('read the answered cases', () => {
        const rows = db
          .prepare(
            `SELECT reference, question, answer_clauses FROM cases
             WHERE status IN ('answered', 'closed') AND answer_clauses <> '[]' ORDER BY answered_at, year, sequence`,
          )
          .all() as Array<{ reference: string; question: string; answer_clauses: string }>;
        return rows.map(toAnsweredQuestion);
      });
    },

    async history(reference) {
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
