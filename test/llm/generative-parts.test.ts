import { AzureChatOpenAI, ChatOpenAI } from '@langchain/openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createExtractiveComposer } from '../../src/answer/extractive-composer.js';
import { createRuleCondenser } from '../../src/answer/follow-up-condenser.js';
import { loadConfig } from '../../src/config.js';
import { createChatModel } from '../../src/llm/chat-model.js';
import { createGenerativeParts } from '../../src/llm/generative-parts.js';
import { fallbackNotes } from '../../src/llm/llm-composer.js';
import { createLogger, silentLogger } from '../../src/logger.js';
import { composeInput } from './corpus-hits.js';
import { type StubOpenAi, startStubOpenAi } from './stub-openai-server.js';

const input = composeInput('How quickly must an officer reply to a councillor’s email?', [['part5c', '6.2']]);
const goodAnswer = {
  decision: 'answer',
  answer: 'Within two working days (part5c §6.2).',
  citations: [{ document: 'part5c', clause: '6.2', quote: 'must be replied to within two working days' }],
};

let stub: StubOpenAi | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

describe('chat model from configuration', () => {
  it('is off when no model is configured', () => {
    expect(createChatModel(loadConfig({}))).toBeNull();
    expect(createChatModel(loadConfig({ OPENAI_MODEL: 'gpt-4o-mini' }))).toBeNull();
    expect(createGenerativeParts(loadConfig({}), silentLogger)).toBeNull();
  });

  it('talks to a local OpenAI-compatible server without a key, with the model and timeout configured', async () => {
    stub = await startStubOpenAi([{ toolArguments: goodAnswer }]);
    const lines: string[] = [];
    const config = loadConfig({
      OPENAI_MODEL: 'llama3.1',
      OPENAI_BASE_URL: stub.url,
      OPENAI_TIMEOUT_MS: '4000',
    });
    const model = createChatModel(config);
    expect(model).toBeInstanceOf(ChatOpenAI);
    expect((model as ChatOpenAI).timeout).toBe(4000);

    const parts = createGenerativeParts(
      config,
      createLogger('debug', (line) => lines.push(line)),
    );
    const composed = await parts?.composer?.(createExtractiveComposer()).compose(input);

    expect(composed?.text).toContain('Within two working days (part5c §6.2).');
    const [request] = stub.chatRequests();
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.body.model).toBe('llama3.1');
    expect(request?.headers.authorization).toBe('Bearer not-needed');
    expect(lines.join('\n')).toContain('generative answers on');
  });

  it('retries only as often as OPENAI_MAX_RETRIES says: LangChain’s own retry is off', async () => {
    stub = await startStubOpenAi([{ status: 503 }]);
    const config = loadConfig({
      OPENAI_MODEL: 'gpt-4o-mini',
      OPENAI_BASE_URL: stub.url,
      OPENAI_MAX_RETRIES: '1',
    });
    const composed = await createGenerativeParts(config, silentLogger)
      ?.composer?.(createExtractiveComposer())
      .compose(input);

    expect(stub.chatRequests()).toHaveLength(2);
    expect(composed?.note).toBe(fallbackNotes.failed);
  });

  it('uses the OpenAI key when one is set, and never logs it', async () => {
    stub = await startStubOpenAi([{ toolArguments: { question: 'How fast must phone calls be answered?' } }]);
    const lines: string[] = [];
    const config = loadConfig({
      OPENAI_MODEL: 'gpt-4o-mini',
      OPENAI_API_KEY: 'sk-secret-123',
      OPENAI_BASE_URL: stub.url,
    });
    const parts = createGenerativeParts(
      config,
      createLogger('debug', (line) => lines.push(line)),
    );
    const condensed = await parts
      ?.condenser?.(createRuleCondenser())
      .condense('and phone calls?', ['Reply times?']);

    expect(condensed).toBe('How fast must phone calls be answered?');
    expect(stub.chatRequests()[0]?.headers.authorization).toBe('Bearer sk-secret-123');
    expect(lines.join('\n')).not.toContain('sk-secret-123');
  });

  it('talks to Azure OpenAI with the deployment, API version and api-key header', async () => {
    stub = await startStubOpenAi([{ toolArguments: goodAnswer }]);
    const config = loadConfig({
      AZURE_OPENAI_API_KEY: 'azure-key',
      AZURE_OPENAI_ENDPOINT: stub.url.replace(/\/v1$/, '/'),
      AZURE_OPENAI_DEPLOYMENT: 'protocol-gpt',
    });
    expect(createChatModel(config)).toBeInstanceOf(AzureChatOpenAI);

    const composed = await createGenerativeParts(config, silentLogger)
      ?.composer?.(createExtractiveComposer())
      .compose(input);

    expect(composed?.note).toBeUndefined();
    const [request] = stub.chatRequests();
    expect(request?.path).toBe('/openai/deployments/protocol-gpt/chat/completions');
    expect(request?.query['api-version']).toBe('2024-10-21');
    expect(request?.headers['api-key']).toBe('azure-key');
  });
});
