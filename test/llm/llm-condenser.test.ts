import { ChatOpenAI } from '@langchain/openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createRuleCondenser } from '../../src/answer/follow-up-condenser.js';
import { createLlmCondenser } from '../../src/llm/llm-condenser.js';
import { loadPrompts } from '../../src/llm/prompts.js';
import { silentLogger } from '../../src/logger.js';
import { type StubOpenAi, type StubScript, startStubOpenAi } from './stub-openai-server.js';

const prompts = loadPrompts();
const rule = createRuleCondenser();
const history = ['How quickly must an officer reply to a councillor’s email?'];

let stub: StubOpenAi | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function condenserFor(script: StubScript, timeoutMs = 3_000) {
  stub = await startStubOpenAi(script);
  const model = new ChatOpenAI({
    model: 'stub-model',
    apiKey: 'test-key',
    configuration: { baseURL: stub.url },
    maxRetries: 0,
  });
  return createLlmCondenser({ model, fallback: rule, logger: silentLogger, timeoutMs, retries: 1, prompts });
}

describe('generative follow-up condenser', () => {
  it('rewrites a follow-up into the standalone question the model gives', async () => {
    const standalone = 'How quickly must an officer respond to a councillor’s phone call?';
    const condenser = await condenserFor([{ toolArguments: { question: standalone } }]);

    expect(await condenser.condense('and phone calls?', history)).toBe(standalone);
    const body = stub?.chatRequests()[0]?.body;
    expect(body.tool_choice.function.name).toBe('give_standalone_question');
    expect(body.messages).toHaveLength(1);
    expect(body.messages[0].content).toContain(`<earlier_questions>\n- ${history[0]}\n</earlier_questions>`);
    expect(body.messages[0].content).toContain('<latest_message>\nand phone calls?\n</latest_message>');
  });

  it('does not call the model for a question without history', async () => {
    const condenser = await condenserFor([{ toolArguments: { question: 'unused' } }]);

    expect(await condenser.condense('Can I attend a political group meeting?', [])).toBe(
      'Can I attend a political group meeting?',
    );
    expect(stub?.chatRequests()).toHaveLength(0);
  });

  it.each<[string, StubScript]>([
    ['a server error', [{ status: 503 }]],
    ['an empty rewrite', [{ toolArguments: { question: '  ' } }]],
    ['malformed output', [{ toolArguments: '{"question": ' }]],
    [
      'a rewrite that repeats the instructions',
      [{ toolArguments: { question: prompts.condense.slice(0, 400) } }],
    ],
  ])('falls back to the rule on %s', async (_label, script) => {
    const condenser = await condenserFor(script);

    expect(await condenser.condense('and phone calls?', history)).toBe(
      await rule.condense('and phone calls?', history),
    );
  });

  it('falls back to the rule at its deadline', async () => {
    const condenser = await condenserFor([{ delayMs: 10_000, toolArguments: { question: 'late' } }], 500);
    const started = Date.now();

    expect(await condenser.condense('and phone calls?', history)).toBe(`${history[0]} and phone calls?`);
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});
