import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openHandoff } from '../../src/cases/open-handoff.js';
import {
  movableClock,
  recordingLogger,
  responseTimesClause,
  tempDataDir,
  testConfig,
} from './handoff-test-kit.js';

describe('QuestionLog', () => {
  let data: ReturnType<typeof tempDataDir>;
  beforeEach(async () => {
    data = tempDataDir();
  });
  afterEach(() => data.cleanup());

  const rows = () => {
    const db = new Database(join(data.dir, 'cases.db'), { readonly: true });
    try {
      return {
        questions: db.prepare('SELECT * FROM questions ORDER BY asked_at').all() as Record<string, unknown>[],
        feedback: db.prepare('SELECT * FROM feedback').all() as Record<string, unknown>[],
      };
    } finally {
      db.close();
    }
  };

  it('records questions with a hashed user id, never the id itself, and feedback by question id', async () => {
    const clock = movableClock('2026-11-23T10:00:00Z');
    const handoff = await openHandoff({ config: testConfig(data.dir), clock, logger: recordingLogger() });
    try {
      const id = await handoff.questions.record({
        platform: 'slack',
        userId: 'U024BE7LH',
        question: 'How fast must I answer a councillor’s email?',
        decision: 'answer',
        citations: [responseTimesClause],
      });
      await handoff.questions.record({
        platform: 'slack',
        userId: 'U024BE7LH',
        question: 'Who should I vote for?',
        decision: 'refuse',
        citations: [],
      });
      await handoff.questions.recordFeedback(id, { rating: 'up', userId: 'U024BE7LH', comment: 'clear' });
      await expect(
        handoff.questions.recordFeedback('no-such-id', { rating: 'down', userId: 'U1' }),
      ).rejects.toThrowError(expect.objectContaining({ code: 'input_invalid' }));
      await expect(
        handoff.questions.recordFeedback(id, { rating: 'meh' as 'up', userId: 'U024BE7LH' }),
      ).rejects.toThrowError(expect.objectContaining({ code: 'input_invalid' }));
    } finally {
      await handoff.close();
    }
    const { questions, feedback } = rows();
    expect(questions).toHaveLength(2);
    expect(questions[0]).toMatchObject({ platform: 'slack', decision: 'answer', asked_on: '2026-11-23' });
    expect(JSON.stringify(questions)).not.toContain('U024BE7LH');
    expect(questions[0]?.user_hash).toBe(questions[1]?.user_hash);
    expect(JSON.parse(String(questions[0]?.citations))).toEqual([
      { document: 'part5c', clause: '6.2', title: responseTimesClause.title },
    ]);
    expect(feedback).toHaveLength(1);
    expect(feedback[0]).toMatchObject({ rating: 'up', comment: 'clear' });
    expect(JSON.stringify(feedback)).not.toContain('U024BE7LH');
  });

  it('purges question text past QUESTION_RETENTION_DAYS on open, keeping what the report counts', async () => {
    const clock = movableClock('2026-01-10T10:00:00Z');
    const config = testConfig(data.dir, { QUESTION_RETENTION_DAYS: '30' });
    let handoff = await openHandoff({ config, clock, logger: recordingLogger() });
    const old = await handoff.questions.record({
      platform: 'teams',
      userId: 'aad-1',
      question: 'Can I attend the Labour group meeting?',
      decision: 'answer',
      citations: [responseTimesClause],
    });
    await handoff.questions.recordFeedback(old, {
      rating: 'down',
      userId: 'aad-1',
      comment: 'my colleague Jo said…',
    });
    clock.set('2026-02-08T10:00:00Z');
    await handoff.questions.record({
      platform: 'teams',
      userId: 'aad-2',
      question: 'Recent question',
      decision: 'answer',
      citations: [],
    });
    await handoff.close();

    clock.set('2026-02-10T10:00:00Z'); // 31 days after the first question, 2 after the second
    handoff = await openHandoff({ config, clock, logger: recordingLogger() });
    try {
      expect(await handoff.questions.purgeExpired()).toBe(0); // already purged on open
      const report = await handoff.report({ from: '2026-01-01', to: '2026-02-28' });
      expect(report.questions.asked).toBe(2);
      expect(report.questions.feedback.down).toBe(1);
      expect(report.topSections[0]).toMatchObject({ document: 'part5c', clause: '6.2', questions: 1 });
    } finally {
      await handoff.close();
    }
    const { questions, feedback } = rows();
    expect(questions[0]).toMatchObject({ question: null, purged_at: '2026-02-10T10:00:00.000Z' });
    expect(questions[1]).toMatchObject({ question: 'Recent question', purged_at: null });
    expect(feedback[0]).toMatchObject({ rating: 'down', comment: null });
  });

  it('purges again every day while the process runs', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const clock = movableClock('2026-01-10T10:00:00Z');
    const handoff = await openHandoff({
      config: testConfig(data.dir, { QUESTION_RETENTION_DAYS: '1' }),
      clock,
      logger: recordingLogger(),
    });
    try {
      await handoff.questions.record({ platform: 'cli', question: 'old', decision: 'answer', citations: [] });
      clock.advance(2 * 86_400_000);
      vi.advanceTimersByTime(86_400_000);
      expect(rows().questions[0]).toMatchObject({ question: null });
    } finally {
      await handoff.close();
      vi.useRealTimers();
    }
  });
});
