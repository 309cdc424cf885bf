import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import { ProtocolBotError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { LoggedQuestion, QuestionLog } from './case-types.js';
import type { PostgresDatabase } from './postgres-database.js';
import {
  feedbackSchema,
  hashAsker,
  questionLogEntrySchema,
  questionRowValues,
} from './sqlite-question-log.js';

/** Options for {@link createPostgresQuestionLog}. */
export interface PostgresQuestionLogOptions {
  database: PostgresDatabase;
  clock: Clock;
  logger: Logger;
  /** QUESTION_RETENTION_DAYS. */
  retentionDays: number;
}

/**
 * The question log in PostgreSQL: the same rows, hashing and retention as in SQLite. A question's id is made here,
 * so a retried insert after a lost connection cannot log the question twice (ON CONFLICT DO NOTHING).
 */
export async function createPostgresQuestionLog(options: PostgresQuestionLogOptions): Promise<QuestionLog> {
  const { database, clock, logger } = options;
  const [meta] = await database.query<{ value: string }>(
    'read the question-log salt',
    `SELECT value FROM store_meta WHERE key = 'user_hash_salt'`,
  );
  const salt = meta?.value ?? '';

  return {
    async record(entry) {
      const parsed = questionLogEntrySchema.parse(entry);
      const id = randomUUID();
      const now = clock.now();
      await database.query(
        'record a question',
        `INSERT INTO questions (id, asked_at, asked_on, platform, user_hash, decision, citations, case_reference, question)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
        questionRowValues(id, parsed, now, salt),
      );
      return id;
    },

    async recordFeedback(questionId, feedback) {
      const parsed = feedbackSchema.safeParse(feedback);
      if (!parsed.success) {
        throw new ProtocolBotError('input_invalid', `Invalid feedback: ${parsed.error.issues[0]?.message}`);
      }
      const [question] = await database.query<{ platform: string }>(
        'record feedback',
        'SELECT platform FROM questions WHERE id = $1',
        [questionId],
      );
      if (!question) {
        throw new ProtocolBotError('input_invalid', `Feedback refers to an unknown question ${questionId}.`);
      }
      await database.query(
        'record feedback',
        'INSERT INTO feedback (question_id, at, rating, user_hash, comment) VALUES ($1, $2, $3, $4, $5)',
        [
          questionId,
          clock.now().toISOString(),
          parsed.data.rating,
          hashAsker(salt, question.platform, parsed.data.userId),
          parsed.data.comment ?? null,
        ],
      );
    },

    async purgeExpired() {
      const now = clock.now();
      const cutoff = new Date(now.getTime() - options.retentionDays * 86_400_000).toISOString();
      const purged = await database.transaction('purge old question text', async (client) => {
        await client.query(
          `UPDATE feedback SET comment = NULL
           WHERE comment IS NOT NULL AND question_id IN (SELECT id FROM questions WHERE asked_at < $1)`,
          [cutoff],
        );
        const result = await client.query(
          `UPDATE questions SET question = NULL, purged_at = $1 WHERE asked_at < $2 AND question IS NOT NULL`,
          [now.toISOString(), cutoff],
        );
        return result.rowCount ?? 0;
      });
      if (purged > 0)
        logger.info('purged old question text', { purged, retentionDays: options.retentionDays });
      return purged;
    },

    async summarise({ from, to }) {
      const rows = await database.query<{ decision: string; citations: string; user_hash: string | null }>(
        'read the question log for the report',
        'SELECT decision, citations, user_hash FROM questions WHERE asked_on BETWEEN $1 AND $2',
        [from, to],
      );
      const feedback = await database.query<{ rating: 'up' | 'down'; count: string }>(
        'read the feedback for the report',
        `SELECT f.rating AS rating, COUNT(*) AS count FROM feedback f JOIN questions q ON q.id = f.question_id
         WHERE q.asked_on BETWEEN $1 AND $2 GROUP BY f.rating`,
        [from, to],
      );
      return {
        questions: rows.map(
          (row): LoggedQuestion => ({
            decision: row.decision,
            citations: JSON.parse(row.citations) as LoggedQuestion['citations'],
            userHash: row.user_hash,
          }),
        ),
        feedback: {
          up: Number(feedback.find((row) => row.rating === 'up')?.count ?? 0),
          down: Number(feedback.find((row) => row.rating === 'down')?.count ?? 0),
        },
      };
    },
  };
}
