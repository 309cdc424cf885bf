import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { parseCorpus } from '../../src/corpus/clause-parser.js';
import { loadCorpus } from '../../src/corpus/document-manifest.js';
import { silentLogger } from '../../src/logger.js';
import { type OpenedRetriever, openRetriever } from '../../src/search/open-retriever.js';

/**
 * Opens a retriever over the shipped corpus in a temporary DATA_DIR for the enclosing describe block, and removes
 * the folder afterwards. Call inside `describe`; read `.current` inside tests.
 */
export function useShippedRetriever(prefix: string): { current: OpenedRetriever } {
  const handle = {} as { current: OpenedRetriever };
  let dataDir = '';
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), prefix));
    const documents = loadCorpus(path.resolve('corpus'));
    handle.current = await openRetriever({
      config: loadConfig({ DATA_DIR: dataDir }),
      logger: silentLogger,
      documents,
      clauses: parseCorpus(documents),
    });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  return handle;
}
