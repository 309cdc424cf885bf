import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/answer/answer-schema.js';
import type { AnsweringPipeline } from '../../../src/answer/answering-pipeline.js';
import { startPipelineThreads } from '../../../src/app/answer-threads/answer-threads.js';
import { buildRuntime, type Runtime } from '../../../src/app/runtime.js';
import { fixedClock } from '../../../src/clock.js';
import { loadConfig } from '../../../src/config.js';
import { createLogger, silentLogger } from '../../../src/logger.js';
import type { SearchHit } from '../../../src/search/index.js';
import { bullyingRequest } from '../../cases/handoff-test-kit.js';

// The threads run the compiled pipeline (dist/, which `npm test` builds first): a worker cannot load TypeScript.
const clock = fixedClock('2026-11-20T18:00:00Z');
let dataDir: string;
let onThread: Runtime;
let inline: Runtime;
/** Warnings and errors of the threaded runtime: a thread that failed to start would be answered for silently. */
const problems: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'pipeline-threads-'));
  const config = loadConfig({ DATA_DIR: dataDir, CORPUS_DIR: 'corpus', LOG_LEVEL: 'error' });
  inline = await buildRuntime({ config, logger: silentLogger, clock, openCases: false });
  const logger = createLogger('warn', (line) => problems.push(line));
  onThread = await buildRuntime({ config, logger, clock, answerWorkers: 1 });
}, 60_000);

afterAll(async () => {
  expect(problems).toEqual([]);
  await onThread.close();
  await inline.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const asker = { platform: 'slack', userId: 'U0TEST' };

describe('answer threads', () => {
  it('answer exactly as the pipeline on the main thread does, by the runtime clock', async () => {
    expect(onThread.answerThreads).toBe(1);
    const questions = [
      'How quickly must an officer reply to a letter from a councillor?',
      'Within how many working days must enquiries from councillors be replied to?',
      'Which party should I vote for in May?',
      'What is the best recipe for scones?',
      'and what about phone calls?',
    ];
    for (const text of questions) {
      const history = text.startsWith('and') ? [questions[0] as string] : [];
      const here = await inline.pipeline.answer({ text, asker, history });
      const there = await onThread.pipeline.answer({ text, asker, history });
      expect(there).toEqual(here);
    }
    // The stale-document warning is dated by the runtime's (fixed) clock, not the thread's.
    const stale = await onThread.pipeline.answer({ text: questions[0] as string, asker });
    expect(stale.text).toMatch(/due for review in May 2020/);
  });

  it('open cases on the main thread, keeping the reply target and the retried-event check', async () => {
    const question = {
      text: 'A councillor shouted at me in the corridor again today and I feel bullied',
      asker,
      eventId: 'Ev-thread-1',
      replyTo: { channel: 'C0PUBLIC', threadTs: '1700000000.000100' },
      publicChannel: true,
    };
    const first = await onThread.pipeline.answer(question);
    expect(first.decision).toBe('escalate');
    expect(first.handoff?.sensitive).toBe(true);
    const reference = first.handoff?.reference as string;
    expect(reference).toMatch(/^MO-2026-\d{4}$/);
    expect(first.handoff?.dueDate).toBe('2026-11-24');
    const stored = await onThread.handoff.cases.get(reference);
    expect(stored.replyTo).toEqual(question.replyTo);
    expect(stored.eventId).toBe('Ev-thread-1');

    const retried = await onThread.pipeline.answer(question);
    expect(retried.handoff?.reference).toBe(reference);
  });

  it.runIf(process.platform === 'linux')(
    'run below the priority of the thread that acknowledges requests',
    () => {
      const niceOf = (task: string) => {
        const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
      };
      // Relative to the main thread, so the suite also passes when started under `nice`: the answer thread is the
      // one task at the lowest priority (19), below the main thread unless that is already at 19 itself.
      const main = niceOf(String(process.pid));
      const nices = readdirSync('/proc/self/task').map(niceOf);
      expect(nices.filter((nice) => nice === 19).length).toBeGreaterThanOrEqual(1);
      if (main < 19) expect(nices.filter((nice) => nice > main)).toEqual([19]);
    },
  );

  it('answer many questions at once, each with its own answer', async () => {
    const texts = Array.from({ length: 30 }, (_, index) =>
      index % 2 ? 'Can officers attend political group meetings?' : 'Which party should I vote for in May?',
    );
    const answers = await Promise.all(texts.map((text) => onThread.pipeline.answer({ text, asker })));
    answers.forEach((answer, index) => {
      expect(answer.decision).toBe(index % 2 ? 'answer' : 'refuse');
    });
  });
});

describe('a failing answer thread', () => {
  const fallback: AnsweringPipeline = {
    async answer(question): Promise<Answer> {
      return {
        question: question.text,
        decision: 'answer',
        text: 'answered here',
        citations: [],
        handoff: null,
        warnings: [],
        generated: false,
      };
    },
  };
  const config = loadConfig({ LOG_LEVEL: 'debug' });
  /** Threads started from a failing module (test/support), with the log lines they cause. */
  const startFailing = async (module: string, count: number) => {
    const lines: Array<{ level: string; message: string }> = [];
    const threads = await startPipelineThreads({
      config,
      logger: createLogger('debug', (line) => lines.push(JSON.parse(line))),
      clock,
      count,
      generative: false,
      fallback,
      entry: new URL(`../../support/${module}`, import.meta.url),
    });
    return { threads, lines };
  };

  it('hands its questions to the main thread and is restarted after a crash', async () => {
    const { threads, lines } = await startFailing('crashing-pipeline-thread.mjs', 1);
    try {
      const answer = await threads.pipeline.answer({ text: 'Can officers attend group meetings?', asker });
      expect(answer.text).toBe('answered here');
      expect(lines.map((line) => line.message)).toContain('an answer thread stopped; restarting it');
      // Until it is back, questions are answered here at once.
      expect((await threads.pipeline.answer({ text: 'another', asker })).text).toBe('answered here');
      await expect
        .poll(() => lines.map((line) => line.message), { timeout: 5_000 })
        .toContain('answer thread restarted');
    } finally {
      await threads.close();
    }
  });

  it('learn a case the moment it is answered, as the main thread does', async () => {
    const question = 'Can a councillor ask the planning officer for a private briefing on an application?';
    const before = await onThread.pipeline.answer({ text: question, asker });
    expect(before.decision).toBe('answer');
    const target = ((await onThread.retriever.search(question, 10))[5] as SearchHit).clause;
    expect(before.citations[0]?.clause).not.toBe(target.id);
    const { reference } = await onThread.handoff.cases.openCase(
      bullyingRequest({ eventId: 'learn-1', text: question }),
    );
    await onThread.handoff.cases.answer(reference, { platform: 'cli', userId: 'mo' }, 'See the clause.', [
      [target.document, target.id],
    ]);
    expect((await onThread.retriever.search(question, 3))[0]?.clause).toBe(target);
    await expect
      .poll(async () => {
        const [first] = (await onThread.pipeline.answer({ text: question, asker })).citations;
        return `${first?.document} ${first?.clause}`;
      })
      .toBe(`${target.document} ${target.id}`);
  });

  it('that cannot start leaves every question to the main thread', async () => {
    const { threads, lines } = await startFailing('unstartable-pipeline-thread.mjs', 2);
    try {
      expect(
        (await threads.pipeline.answer({ text: 'Can officers attend group meetings?', asker })).text,
      ).toBe('answered here');
      const messages = lines.map((line) => line.message);
      expect(messages).toContain('an answer thread could not start');
      expect(messages).toContain(
        'some answer threads did not start; their share is answered on the main thread',
      );
    } finally {
      await threads.close();
    }
  });
});
