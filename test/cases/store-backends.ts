import { afterAll, afterEach, beforeEach } from 'vitest';
import { type HandoffRuntime, type OpenHandoffOptions, openHandoff } from '../../src/cases/open-handoff.js';
import type { Clock } from '../../src/clock.js';
import { type PostgresCluster, startPostgresCluster } from '../support/postgres-cluster.js';
import { recordingLogger, tempDataDir, testConfig } from './handoff-test-kit.js';

/** The two engines every store is implemented on. */
export const storeKinds = ['sqlite', 'postgres'] as const;

/** Opens the handoff runtime on this test's store (the same store on every call within one test). */
export interface StoreBackend {
  /** This test's DATA_DIR (the index, and the SQLite file when the engine is SQLite). */
  readonly dataDir: string;
  /** The environment that points a process at this test's store (DATA_DIR, and DATABASE_URL on PostgreSQL). */
  readonly env: Record<string, string>;
  open(
    options: { env?: Record<string, string>; clock: Clock } & Partial<
      Omit<OpenHandoffOptions, 'config' | 'clock'>
    >,
  ): Promise<HandoffRuntime>;
}

let cluster: Promise<PostgresCluster> | undefined;

/** The test file's one throwaway cluster, started on first use (a database per test is cheap; a cluster is not). */
export function sharedPostgresCluster(): Promise<PostgresCluster> {
  cluster ??= startPostgresCluster();
  return cluster;
}

// Registered when a test file imports this module: the file's cluster goes when the file's tests are done.
afterAll(async () => {
  const started = cluster;
  cluster = undefined;
  await (await started)?.stop();
});

/**
 * Registers the hooks that give each test a fresh store of `kind`: a temporary DATA_DIR for SQLite; for
 * PostgreSQL, a new database per test in the test file's one throwaway cluster. Runtimes opened through the
 * backend are closed after each test.
 */
export function useStoreBackend(kind: (typeof storeKinds)[number]): StoreBackend {
  let data: ReturnType<typeof tempDataDir> | undefined;
  let databaseUrl: string | undefined;
  const opened: HandoffRuntime[] = [];

  beforeEach(async () => {
    data = tempDataDir();
    databaseUrl = kind === 'postgres' ? await (await sharedPostgresCluster()).createDatabase() : undefined;
  });
  afterEach(async () => {
    for (const handoff of opened.splice(0)) await handoff.close();
    data?.cleanup();
  });

  const backend: StoreBackend = {
    get dataDir() {
      if (!data) throw new Error('the store backend is only available inside a test');
      return data.dir;
    },
    get env() {
      return { DATA_DIR: backend.dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
    },
    async open({ env = {}, ...options }) {
      const handoff = await openHandoff({
        logger: recordingLogger(),
        ...options,
        config: testConfig(backend.dataDir, {
          ...env,
          ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        }),
      });
      opened.push(handoff);
      return handoff;
    },
  };
  return backend;
}
