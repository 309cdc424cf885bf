import { createHmac, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { citationSchema } from '../answer/index.js';
import type { Clock } from '../clock.js';
import { ProtocolBotError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { LoggedQuestion, QuestionLog, QuestionLogEntry } from './case-types.js';
import type { CaseDatabase } from './open-case-database.js';
import { inStore } from './store-errors.js';
import { londonDate } from './working-days.js';

/** Checks a question before it is logged (entries come from every platform's adapter). */
export const questionLogEntrySchema = z.object({
  platform: z.string().min(1),
  userId: z.string().optional(),
  question: z.string(),
  decision: z.string().min(1),
  citations: z.array(citationSchema),
  caseReference: z.string().optional(),
});

/** Checks feedback on an answer (a comment is free text from a person). */
export const feedbackSchema = z.object({
  rating: z.enum(['up', 'down']),
  userId: z.string().min(1),
  comment: z.string().max(2_000).optional(),
});

/** Options for {@link createQuestionLog}. */
export interface QuestionLogOptions {
  db: CaseDatabase;
  clock: Clock;
  logger: Logger;
  /** QUESTION_RETENTION_DAYS. */
  retentionDays: number;
}

/**
 * Records every question (time, platform, a salted hash of the user id — never the id itself —, decision, cited
 * clauses, case reference, question text) and the feedback on answers.
 */
export function createSqliteQuestionLog(options: QuestionLogOptions): QuestionLog {
  const { db, clock, logger } = options;
  const salt = inStore('read the question-log salt', () => {
    const row = db.prepare(`SELECT value FROM store_meta WHERE key = 'user_hash_salt'`).get() as
      | { value: string }
      | undefined;
    return row?.value ?? '';
  });
  const hashUser = (platform: string, userId: string) => hashAsker(salt, platform, userId);

  return {
    async record(entry: QuestionLogEntry): Promise<string> {
      const parsed = questionLogEntrySchema.parse(entry);
      const id = randomUUID();
      const now = clock.now();
      inStore('record a question', () =>
        db
          .prepare(
            `INSERT INTO questions (id, asked_at, asked_on, platform, user_hash, decision, citations, case_reference, question)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(...questionRowValues(id, parsed, now, salt)),
      );
      return id;
    },

    async recordFeedback(questionId, feedback) {
      const parsed = feedbackSchema.safeParse(feedback);
      if (!parsed.success) {
        throw new ProtocolBotError('input_invalid', `Invalid feedback: ${parsed.error.issues[0]?.message}`);
      }
      inStore('record feedback', () => {
        const question = db.prepare('SELECT platform FROM questions WHERE id = ?').get(questionId) as
          | { platform: string }
          | undefined;
        if (!question) {
          throw new ProtocolBotError(
            'input_invalid',
            `Feedback refers to an unknown question ${questionId}.`,
          );
        }
        db.prepare(
          'INSERT INTO feedback (question_id, at, rating, user_hash, comment) VALUES (?, ?, ?, ?, ?)',
        ).run(
          questionId,
          clock.now().toISOString(),
          parsed.data.rating,
          hashUser(question.platform, parsed.data.userId),
          parsed.data.comment ?? null,
        );
      });
    },

    async purgeExpired() {
      const cutoff = new Date(clock.now().getTime() - options.retentionDays * 86_400_000).toISOString();
      const purge = db.transaction(() => {
        const now = clock.now().toISOString();
        db.prepare(
          `UPDATE feedback SET comment = NULL
           WHERE comment IS NOT NULL AND question_id IN (SELECT id FROM questions WHERE asked_at < ?)`,
        ).run(cutoff);
        return db
          .prepare(
            `UPDATE questions SET question = NULL, purged_at = ? WHERE asked_at < ? AND question IS NOT NULL`,
          )
          .run(now, cutoff).changes;
      });
      const purged = inStore('purge old question text', () => purge.immediate());
      if (purged > 0)
        logger.info('purged old question text', { purged, retentionDays: options.retentionDays });
      return purged;
    },

    async summarise({ from, to }) {
      return inStore('read the question log for the report', () => {
        const rows = db
          .prepare('SELECT decision, citations, user_hash FROM questions WHERE asked_on BETWEEN ? AND ?')
          .all(from, to) as { decision: string; citations: string; user_hash: string | null }[];
        const feedback = db
          .prepare(
            `SELECT f.rating AS rating, COUNT(*) AS count FROM feedback f JOIN questions q ON q.id = f.question_id
             WHERE q.asked_on BETWEEN ? AND ? GROUP BY f.rating`,
          )
          .all(from, to) as { rating: 'up' | 'down'; count: number }[];
        const questions = rows.map(
          (row): LoggedQuestion => ({
            decision: row.decision,
            citations: JSON.parse(row.citations) as LoggedQuestion['citations'],
            userHash: row.user_hash,
          }),
        );
        return {
          questions,
          feedback: {
            up: feedback.find((row) => row.rating === 'up')?.count ?? 0,
            down: feedback.find((row) => row.rating === 'down')?.count ?? 0,
          },
        };
      });
    },
  };
}

/** A salted hash of an asker's id: the log can count distinct askers without naming them. */
export function hashAsker(salt: string, platform: string, userId: string): string {
  return createHmac('sha256', salt).update(`${platform}:${userId}`).digest('hex').slice(0, 32);
}

/**
 * The values of one `questions` row, in the column order both engines insert (id, asked_at, asked_on, platform,
 * user_hash, decision, citations, case_reference, question): only a hash of the asker, only the citations' names.
 */
export function questionRowValues(
  id: string,
  entry: z.infer<typeof questionLogEntrySchema>,
  now: Date,
  salt: string,
): Array<string | null> {
  return [
    id,
    now.toISOString(),
    londonDate(now),
    entry.platform,
    entry.userId === undefined ? null : hashAsker(salt, entry.platform, entry.userId),
    entry.decision,
    JSON.stringify(entry.citations.map(({ document, clause, title }) => ({ document, clause, title }))),
    entry.caseReference ?? null,
    entry.question,
  ];
}
