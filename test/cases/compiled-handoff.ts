import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Child-process fixtures (plain .mjs importing the compiled code from dist/). */
export const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url));

function sourcesNewerThanBuild(): boolean {
  const sources = readdirSync(join(repositoryRoot, 'src/cases'))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `cases/${name}`)
    .concat(['config.ts', 'errors.ts', 'logger.ts', 'clock.ts', 'answer/answer-schema.ts']);
  return sources.some((source) => {
    const built = join(repositoryRoot, 'dist/src', source.replace(/\.ts$/, '.js'));
    return (
      !existsSync(built) || statSync(built).mtimeMs < statSync(join(repositoryRoot, 'src', source)).mtimeMs
    );
  });
}

/**
 * Child processes run the compiled code. `npm test` builds before testing; when the build is missing or older than
 * the handoff sources (a lone `vitest run`), this builds it, one test file at a time (a lock directory).
 */
export function ensureHandoffBuilt(): void {
  if (!sourcesNewerThanBuild()) return;
  const lock = join(tmpdir(), `protocol-bot-build-${Buffer.from(repositoryRoot).toString('hex').slice(-24)}`);
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`timed out waiting for the build lock ${lock}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (!sourcesNewerThanBuild()) return;
    const tsc = join(repositoryRoot, 'node_modules/typescript/bin/tsc');
    try {
      execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
        cwd: repositoryRoot,
        stdio: 'pipe',
      });
    } catch {
      // Type errors elsewhere in the tree still emit JavaScript; only a missing output is fatal.
    }
    if (sourcesNewerThanBuild()) throw new Error('npm run build did not produce dist/src/cases');
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
