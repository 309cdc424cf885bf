import type { HandoffRequest } from '../answer/handoff-port.js';
import type { Asker } from '../answer/question.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { BankHolidays } from './bank-holidays.js';
import { chooseAssignee } from './case-assignment.js';
import type { CaseRecord } from './case-types.js';
import { addWorkingDays, beyondHolidayList, londonDate } from './working-days.js';

/** Everything about a new case that does not depend on the store: both stores insert exactly this. */
export interface NewCasePlan {
  at: string;
  createdOn: string;
  year: number;
  dueDate: string;
  assignee: string;
  assigneeRole: CaseRecord['assigneeRole'];
  asker: Asker;
  eventId: string | null;
  /** The values of the `cases` columns after reference, year and sequence, in the order both stores insert them. */
  columns: unknown[];
}

/** What {@link planNewCase} needs. */
export interface PlanNewCaseOptions {
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
}

/** Column names matching {@link NewCasePlan.columns}. */
export const newCaseColumns = [
  'status',
  'asker_platform',
  'asker_user_id',
  'asker_display_name',
  'reply_to',
  'public_channel',
  'question',
  'reason',
  'topic',
  'sensitive',
  'citations',
  'assignee',
  'assignee_role',
  'due_date',
  'created_at',
  'created_on',
  'updated_at',
  'event_id',
] as const;

/**
 * Works out a new case: its due date in working days from today in London (bank holidays skipped), who it goes to
 * (the deputy when the Monitoring Officer is its subject or absent), and the row to store.
 */
export function planNewCase(request: HandoffRequest, options: PlanNewCaseOptions): NewCasePlan {
  const { config, clock, logger, holidays } = options;
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
  return {
    at,
    createdOn,
    year: Number(createdOn.slice(0, 4)),
    dueDate,
    assignee,
    assigneeRole,
    asker,
    eventId,
    columns: [
      'open',
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
    ],
  };
}

/** Where a `case_answered` notice goes: the asker's platform, or `log` for a terminal (or unknown) asker. */
export function answerNoticePlatform(askerPlatform: string): string {
  return askerPlatform === 'cli' || askerPlatform === 'unknown' ? 'log' : askerPlatform;
}
