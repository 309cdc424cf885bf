import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildRuntime, type Runtime } from '../../src/app/runtime.js';
import { fixedClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { fallbackNotes } from '../../src/llm/llm-composer.js';
import { silentLogger } from '../../src/logger.js';
import {
  type RecordedRequest,
  type StubOpenAi,
  type StubReply,
  startStubOpenAi,
} from './stub-openai-server.js';

/**
 * The whole answering pipeline with the generative composer and condenser, talking to a stub OpenAI-compatible
 * server: what a person finally reads.
 */
const replyTimes = {
  decision: 'answer',
  answer: 'An officer must reply to a councillor’s email within two working days (part5c §6.2).',
  citations: [
    {
      document: 'part5c',
      clause: '6.2',
      quote: 'must be replied to within two working days',
    },
  ],
};

let stub: StubOpenAi;
let runtime: Runtime;
let dataDir: string;
let next: (request: RecordedRequest) => StubReply = () => ({ status: 500 });

/** The shipped corpus in the temporary DATA_DIR, with the chat model served by the stub. */
const stubModelConfig = () =>
  loadConfig({
    DATA_DIR: dataDir,
    CORPUS_DIR: path.resolve(import.meta.dirname, '../../corpus'),
    OPENAI_MODEL: 'stub-model',
    OPENAI_BASE_URL: stub.url,
    OPENAI_TIMEOUT_MS: '1000',
    OPENAI_MAX_RETRIES: '1',
  });

beforeAll(async () => {
  stub = await startStubOpenAi((request) => next(request));
  dataDir = mkdtempSync(path.join(tmpdir(), 'protocol-bot-llm-'));
  runtime = await buildRuntime({
    config: stubModelConfig(),
    logger: silentLogger,
    clock: fixedClock('2026-11-23T10:00:00Z'),
    openCases: false,
  });
});

afterAll(async () => {
  await runtime?.close();
  await stub?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  stub.requests.length = 0;
});

describe('answers through the generative path', () => {
  it('shows the model’s short answer with the clause quoted and cited', async () => {
    next = (request) =>
      request.body.messages[1].content.includes('document: part5c\nclause: 6.2')
        ? { toolArguments: replyTimes }
        : { toolArguments: { decision: 'escalate', answer: 'Not covered.', citations: [] } };
    const answer = await runtime.pipeline.answer({
      text: 'How quickly must an officer reply to a councillor’s email?',
    });

    expect(runtime.generative).toBe(true);
    expect(answer.decision).toBe('answer');
    expect(answer.text).toContain('within two working days (part5c §6.2).');
    expect(answer.text).toContain('> must be replied to within two working days');
    expect(answer.citations[0]).toMatchObject({ document: 'part5c', clause: '6.2', status: 'adopted' });
    expect(answer.text).not.toContain(fallbackNotes.timeout);
    expect(answer.generated).toBe(true);
    expect(stub.chatRequests()).toHaveLength(1);
  });

  it('answers from the protocol with a note when the model is too slow, within the deadline', async () => {
    next = () => ({ delayMs: 10_000, toolArguments: replyTimes });
    const started = Date.now();
    const answer = await runtime.pipeline.answer({
      text: 'How quickly must an officer reply to a councillor’s email?',
    });

    expect(Date.now() - started).toBeLessThan(1_000 + 1_000);
    expect(answer.decision).toBe('answer');
    expect(answer.text).toContain(fallbackNotes.timeout);
    expect(answer.citations.length).toBeGreaterThan(0);
    // The extractive answer shown instead was written by no model.
    expect(answer.generated).toBe(false);
  });

  it('never shows a fabricated clause: the extractive answer replaces it', async () => {
    next = () => ({
      toolArguments: {
        decision: 'answer',
        answer: 'Officers have one working day.',
        citations: [
          { document: 'part5c', clause: '6.2', quote: 'must be replied to within one working day' },
        ],
      },
    });
    const answer = await runtime.pipeline.answer({
      text: 'How quickly must an officer reply to a councillor’s email?',
    });

    expect(answer.text).not.toContain('one working day');
    expect(answer.text).toContain(fallbackNotes.unchecked);
    expect(answer.citations.some((citation) => citation.document === 'part5c')).toBe(true);
    expect(answer.generated).toBe(false);
  });

  it('never sends a request for political advice to the model', async () => {
    next = () => ({ toolArguments: replyTimes });
    const answer = await runtime.pipeline.answer({
      text: 'Which party should I vote for at the next election?',
    });

    expect(answer.decision).toBe('refuse');
    expect(stub.chatRequests()).toHaveLength(0);
  });

  it('condenses a follow-up with one call, then answers it with one more', async () => {
    next = (request) =>
      request.body.tool_choice.function.name === 'give_standalone_question'
        ? {
            toolArguments: {
              question: 'How quickly must an officer respond to a councillor’s telephone call?',
            },
          }
        : {
            toolArguments: {
              decision: 'answer',
              answer:
                'Telephone calls must be answered expeditiously, preferably the same day (part5c §6.4).',
              citations: [
                {
                  document: 'part5c',
                  clause: '6.4',
                  quote:
                    'Telephone calls or queries raised at meetings with Officers must be responded to expeditiously',
                },
              ],
            },
          };
    const answer = await runtime.pipeline.answer({
      text: 'and phone calls?',
      history: ['How quickly must an officer reply to a councillor’s email?'],
    });

    expect(stub.chatRequests().map((request) => request.body.tool_choice.function.name)).toEqual([
      'give_standalone_question',
      'give_answer',
    ]);
    expect(answer.decision).toBe('answer');
    expect(answer.citations[0]).toMatchObject({ document: 'part5c', clause: '6.4' });
  });
});

describe('the generative path on an answer thread, as `serve` runs it', () => {
  let threaded: Runtime;
  beforeAll(async () => {
    threaded = await buildRuntime({
      config: stubModelConfig(),
      logger: silentLogger,
      clock: fixedClock('2026-11-23T10:00:00Z'),
      openCases: false,
      answerWorkers: 1,
    });
  }, 60_000);
  afterAll(async () => {
    await threaded?.close();
  });

  it('asks the model from the thread and shows its checked answer', async () => {
    next = () => ({ toolArguments: replyTimes });
    const answer = await threaded.pipeline.answer({
      text: 'How quickly must an officer reply to a councillor’s email?',
    });
    expect(threaded.answerThreads).toBe(1);
    expect(answer.decision).toBe('answer');
    expect(answer.text).toContain('within two working days (part5c §6.2).');
    expect(stub.chatRequests()).toHaveLength(1);
  });
});
