import { OpenAIEmbeddings } from '@langchain/openai';
import { afterEach, describe, expect, it } from 'vitest';
import { deterministicVector, type StubOpenAi, startStubOpenAi } from './stub-openai-server.js';

let stub: StubOpenAi | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

describe('stub OpenAI-compatible server', () => {
  it('serves deterministic unit vectors to the real embeddings client', async () => {
    stub = await startStubOpenAi();
    const embeddings = new OpenAIEmbeddings({
      model: 'text-embedding-3-small',
      apiKey: 'test-key',
      configuration: { baseURL: stub.url },
      dimensions: 8,
      maxRetries: 0,
    });
    const [first, second] = await embeddings.embedDocuments(['two working days', 'political groups']);
    const again = await embeddings.embedQuery('two working days');

    expect(first).toHaveLength(8);
    expect(again).toEqual(first);
    expect(second).not.toEqual(first);
    expect(Math.hypot(...(first ?? []))).toBeCloseTo(1, 5);
    for (const [index, value] of deterministicVector('two working days', 8).entries()) {
      expect(first?.[index]).toBeCloseTo(value, 6);
    }
    expect(stub.requests.every((request) => request.path === '/v1/embeddings')).toBe(true);
  });
});
