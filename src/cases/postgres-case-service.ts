import type { OpenedCase } from '../answer/handoff-port.js';
import { ProtocolBotError } from '../errors.js';
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
import type { CaseRecord, CaseService } from './case-types.js';
import {
  answerNoticePlatform,
  newCaseColumns,
  type PlanNewCaseOptions,
  planNewCase,
} from './plan-new-case.js';
import { appendPostgresCaseEvent, enqueuePostgresNotice } from './postgres-case-events.js';
import type { PostgresDatabase, Queryable } from './postgres-database.js';
import { londonDate } from './working-days.js';

/** What the PostgreSQL case service needs. */
export interface PostgresCaseServiceOptions extends PlanNewCaseOptions {
  database: PostgresDatabase;
  /** Platforms whose deliverers tell the Monitoring Officer about a new case. */
  noticePlatforms: string[];
}

/** SQLSTATE of a unique-constraint violation. */
const uniqueViolation = '23505';

/** Runs a SELECT on the cases table, in a transaction or on the pool. */
type SelectCases = (sql: string, params: unknown[]) => Promise<CaseRow[]>;

/** Thrown inside the opening transaction to roll it back when another replica opened the event's case first. */
class OpenedElsewhere extends Error {
  constructor(readonly row: CaseRow) {
    super('the case was opened by another process');
  }
}

/**
 * Cases for the Monitoring Officer in PostgreSQL, shared by every replica. Each change (case row, history, outbox
 * notices) is one transaction. A new case takes its number from the year's counter row in the same transaction:
 * replicas opening cases at once queue on that row, so numbers never repeat, and a rolled-back case returns its
 * number. An event id is unique, so a Slack retry that reaches another replica finds the case the first opened.
 */
export function createPostgresCaseService(options: PostgresCaseServiceOptions): CaseService {
  const { database, clock, logger, noticePlatforms } = options;

  async function load(select: SelectCases, reference: string, lock = false): Promise<CaseRecord> {
    const rows = await select(`SELECT * FROM cases WHERE reference = $1${lock ? ' FOR UPDATE' : ''}`, [
      normaliseCaseReference(reference),
    ]);
    const row = rows[0];
    if (!row) {
      throw new ProtocolBotError('case_not_found', `No case with reference ${reference.trim()} was found.`);
    }
    return toCaseRecord(row);
  }

  const inTransaction =
    (client: Queryable): SelectCases =>
    async (sql, params) =>
      (await client.query<CaseRow>(sql, params)).rows;
  const byEvent = async (select: SelectCases, eventId: string) =>
    (await select('SELECT * FROM cases WHERE event_id = $1', [eventId]))[0];

  async function overdue(): Promise<CaseRecord[]> {
    const rows = await database.query<CaseRow>(
      'list overdue cases',
      `SELECT * FROM cases WHERE status IN ('open', 'claimed') AND due_date < $1 ORDER BY due_date, year, sequence`,
      [londonDate(clock.now())],
    );
    return rows.map(toCaseRecord);
  }

  async function change(
    reference: string,
    action: CaseAction,
    apply: (client: Queryable, record: CaseRecord, at: string) => Promise<void>,
  ): Promise<CaseRecord> {
    return database.transaction(`${action} case ${reference}`, async (client) => {
      // FOR UPDATE: two officers acting on one case through different replicas take turns, and the second sees
      // the status the first left.
      const record = await load(inTransaction(client), reference, true);
      assertTransition(record, action);
      await apply(client, record, clock.now().toISOString());
      return load(inTransaction(client), record.reference);
    });
  }

  function returnExisting(row: CaseRow, eventId: string | null): OpenedCase {
    logger.info('retried event: returning the existing case', { reference: row.reference, eventId });
    return { reference: row.reference, dueDate: row.due_date, assignee: row.assignee };
  }

  return {
    async openCase(request) {
      const plan = planNewCase(request, options);
      const { at, year, eventId } = plan;
      const select: SelectCases = (sql, params) =>
        database.query<CaseRow>('find a case by event', sql, params);
      const found = eventId === null ? undefined : await byEvent(select, eventId);
      if (found) return returnExisting(found, eventId);
      let opened: OpenedCase;
      try {
        opened = await database.transaction('open a case for the Monitoring Officer', async (client) => {
          // The counter row is taken first, so concurrent openings queue here; the event-id check after it then
          // sees a case another replica committed for the same event meanwhile, and the rollback returns the number.
          const counter = await client.query<{ last_sequence: number }>(
            `INSERT INTO case_counters (year, last_sequence) VALUES ($1, 1)
             ON CONFLICT (year) DO UPDATE SET last_sequence = case_counters.last_sequence + 1
             RETURNING last_sequence`,
            [year],
          );
          const raced = eventId === null ? undefined : await byEvent(inTransaction(client), eventId);
          if (raced) throw new OpenedElsewhere(raced);
          const sequence = Number(counter.rows[0]?.last_sequence);
          const reference = formatCaseReference(year, sequence);
          const values = [reference, year, sequence, ...plan.columns];
          await client.query(
            `INSERT INTO cases (reference, year, sequence, ${newCaseColumns.join(', ')})
             VALUES (${values.map((_value, index) => `$${index + 1}`).join(', ')})`,
            values,
          );
          await appendPostgresCaseEvent(client, {
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
            await enqueuePostgresNotice(client, { reference, kind: 'case_opened', platform, at });
          }
          return { reference, dueDate: plan.dueDate, assignee: plan.assignee };
        });
      } catch (error) {
        if (error instanceof OpenedElsewhere) return returnExisting(error.row, eventId);
        // Two replicas opening one event under different years' counters (at midnight on 31 December) meet at the
        // unique event id instead: the loser returns the winner's case.
        const existing =
          (error as { code?: unknown }).code === uniqueViolation && eventId !== null
            ? await byEvent(select, eventId)
            : undefined;
        if (!existing) throw error;
        return returnExisting(existing, eventId);
      }
      logger.info('case opened', { ...opened, topic: request.topic });
      return opened;
    },

    async get(reference) {
      return load((sql, params) => database.query<CaseRow>(`read case ${reference}`, sql, params), reference);
    },

    async list(filter = {}) {
      if (filter.status === 'overdue') return overdue();
      const rows =
        filter.status === undefined
          ? await database.query<CaseRow>('list cases', 'SELECT * FROM cases ORDER BY year, sequence')
          : await database.query<CaseRow>(
              'list cases',
              'SELECT * FROM cases WHERE status = $1 ORDER BY year, sequence',
              [filter.status],
            );
      return rows.map(toCaseRecord);
    },

    overdue,

    async claim(reference, actor) {
      return change(reference, 'claim', async (client, record, at) => {
        await client.query(
          `UPDATE cases SET status = 'claimed', claimed_by = $1, updated_at = $2,
             first_response_at = COALESCE(first_response_at, $2) WHERE reference = $3`,
          [JSON.stringify(actor), at, record.reference],
        );
        await appendPostgresCaseEvent(client, { reference: record.reference, at, kind: 'claimed', actor });
      });
    },

    async answer(reference, actor, text, clauses = []) {
      const reply = text.trim();
      if (reply === '') {
        throw new ProtocolBotError('input_invalid', `The answer to case ${reference} is empty.`);
      }
      return change(reference, 'answer', async (client, record, at) => {
        await client.query(
          `UPDATE cases SET status = 'answered', answer = $1, answer_clauses = $5, answered_at = $2, updated_at = $2,
             claimed_by = COALESCE(claimed_by, $3), first_response_at = COALESCE(first_response_at, $2)
           WHERE reference = $4`,
          [reply, at, JSON.stringify(actor), record.reference, JSON.stringify(clauses)],
        );
        await appendPostgresCaseEvent(client, {
          reference: record.reference,
          at,
          kind: 'answered',
          actor,
          detail: answerDetail(reply, clauses),
        });
        await enqueuePostgresNotice(client, {
          reference: record.reference,
          kind: 'case_answered',
          platform: answerNoticePlatform(record.asker.platform),
          at,
        });
      });
    },

    async close(reference, actor, note) {
      return change(reference, 'close', async (client, record, at) => {
        await client.query(
          `UPDATE cases SET status = 'closed', closed_at = $1, updated_at = $1 WHERE reference = $2`,
          [at, record.reference],
        );
        await appendPostgresCaseEvent(client, {
          reference: record.reference,
          at,
          kind: 'closed',
          actor,
          detail: note === undefined || note.trim() === '' ? {} : { note: note.trim() },
        });
      });
    },

    async answeredClauses() {
      const rows = await database.query<{ reference: string; question: string; answer_clauses: string }>(
        'read the answered cases',
        `SELECT reference, question, answer_clauses FROM cases
         WHERE status IN ('answered', 'closed') AND answer_clauses <> '[]' ORDER BY answered_at, year, sequence`,
      );
      return rows.map(toAnsweredQuestion);
    },

    async history(reference) {
      return database.transaction(`read the history of case ${reference}`, async (client) => {
        const record = await load(inTransaction(client), reference);
        const { rows } = await client.query<CaseEventRow>(
          'SELECT at, kind, actor, detail FROM case_events WHERE case_reference = $1 ORDER BY id',
          [record.reference],
        );
        return rows.map(toCaseEvent);
      });
    },
  };
}
