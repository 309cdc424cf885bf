import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { createLogger, silentLogger } from '../../../src/logger.js';
import { createRemoteEmbeddings, remoteBatchSize } from '../../../src/search/embed/remote-embeddings.js';
import { openRetriever } from '../../../src/search/open-retriever.js';
import { fixtureClauses, fixtureDocuments } from '../fixtures.js';
import {
  type StubEmbeddingsServer,
  startStubEmbeddingsServer,
  stubDimension,
  stubVector,
} from '../stub-embeddings-server.js';

describe('remote embeddings (OpenAI-compatible stub on 127.0.0.1)', () => {
  let stub: StubEmbeddingsServer;
  let dataDir: string;
  beforeAll(async () => {
    stub = await startStubEmbeddingsServer();
  });
  afterAll(() => stub.close());
  beforeEach(() => {
    stub.requests.length = 0;
    stub.failWith = 0;
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'remote-embeddings-'));
    return () => rmSync(dataDir, { recursive: true, force: true });
  });

  const config = (extra: Record<string, string> = {}) =>
    loadConfig({
      DATA_DIR: dataDir,
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: stub.baseUrl,
      OPENAI_EMBEDDING_MODEL: 'stub-embedding-3',
      OPENAI_MAX_RETRIES: '0',
      ...extra,
    });

  it('embeds documents and queries through OpenAIEmbeddings with the key and model', async () => {
    const remote = await createRemoteEmbeddings(config());
    expect(remote?.identity).toBe(`openai:stub-embedding-3@${stub.baseUrl}`);
    const vector = await remote?.embeddings.embedQuery('Political group meetings');
    expect(vector).toEqual(stubVector('Political group meetings'));
    expect(stub.requests[0]).toMatchObject({ model: 'stub-embedding-3', authorization: 'Bearer sk-test' });
  });

  it('builds the index with the remote vectors, in batches, and loads it without calling the model again', async () => {
    const clauses = fixtureClauses(
      'fixture-protocol',
      Array.from(
        { length: remoteBatchSize },
        (_, index) => `Extra clause number ${index} about hospitality.`,
      ),
    );
    const options = { config: config(), logger: silentLogger, documents: fixtureDocuments(clauses), clauses };
    const first = await openRetriever(options);
    expect(first.stats).toMatchObject({ built: true, dimension: stubDimension, clauses: clauses.length });
    expect(stub.requests.length).toBe(2);
    expect(stub.requests.every((request) => request.inputs.length <= remoteBatchSize)).toBe(true);

    stub.requests.length = 0;
    const second = await openRetriever(options);
    expect(second.stats.built).toBe(false);
    expect(stub.requests).toEqual([]);
    const [top] = await second.search('political group meetings', 1);
    expect(top?.clause.id).toBe('11.5');
    expect(stub.requests).toHaveLength(1);
    expect(top?.dense).toBeGreaterThan(0);
  });

  it('keys the index by the embedding model, so switching models rebuilds', async () => {
    const clauses = fixtureClauses();
    const options = { logger: silentLogger, documents: fixtureDocuments(clauses), clauses };
    const remote = await openRetriever({ ...options, config: config() });
    const offline = await openRetriever({ ...options, config: loadConfig({ DATA_DIR: dataDir }) });
    expect(offline.stats.built).toBe(true);
    expect(offline.folder).not.toBe(remote.folder);
  });

  it('fails the build with a ProtocolBotError when the model fails', async () => {
    stub.failWith = 500;
    const clauses = fixtureClauses();
    await expect(
      openRetriever({
        config: config(),
        logger: silentLogger,
        documents: fixtureDocuments(clauses),
        clauses,
      }),
    ).rejects.toMatchObject({ name: 'ProtocolBotError', code: 'index_build_failed' });
  });

  it('ranks lexically, with a warning, when the model fails at question time', async () => {
    const clauses = fixtureClauses();
    const lines: { level: string; message: string }[] = [];
    const logger = createLogger('warn', (line) => lines.push(JSON.parse(line)));
    const retriever = await openRetriever({
      config: config(),
      logger,
      documents: fixtureDocuments(clauses),
      clauses,
    });
    stub.failWith = 503;
    const [top] = await retriever.search('council stationery for campaigning', 1);
    expect(top?.clause.id).toBe('12.1');
    expect(top?.dense).toBe(0);
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'warn', message: expect.stringMatching(/lexically/) }),
    );
  });

  it('leaves the offline embedder in place when only a chat model is configured', async () => {
    const chatOnly = loadConfig({
      DATA_DIR: dataDir,
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: stub.baseUrl,
      OPENAI_MODEL: 'gpt-stub',
    });
    expect(await createRemoteEmbeddings(chatOnly)).toBeNull();
    const clauses = fixtureClauses();
    const retriever = await openRetriever({
      config: chatOnly,
      logger: silentLogger,
      documents: fixtureDocuments(clauses),
      clauses,
    });
    expect(retriever.stats.dimension).not.toBe(stubDimension);
    expect(stub.requests).toEqual([]);
  });

  it('uses AzureOpenAIEmbeddings for an Azure embedding deployment', async () => {
    const endpoint = stub.baseUrl.replace(/\/v1$/, '/');
    const azure = await createRemoteEmbeddings(
      loadConfig({
        DATA_DIR: dataDir,
        AZURE_OPENAI_API_KEY: 'azure-key',
        AZURE_OPENAI_ENDPOINT: endpoint,
        AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'embeddings-prod',
        OPENAI_MAX_RETRIES: '0',
      }),
    );
    expect(azure?.identity).toBe(`azure:embeddings-prod@${endpoint.replace(/\/$/, '')}`);
    expect(await azure?.embeddings.embedQuery('dispensation')).toEqual(stubVector('dispensation'));
    expect(stub.requests[0]).toMatchObject({
      path: '/openai/deployments/embeddings-prod/embeddings',
      apiKey: 'azure-key',
    });
  });
});
