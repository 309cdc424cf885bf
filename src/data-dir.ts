import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ProtocolBotError } from './errors.js';

const explanations: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'part of the path is a file, not a folder',
  ENOENT: 'part of the path does not exist',
  ENOSPC: 'the disk is full',
  EEXIST: 'a file of that name is in the way',
};

/**
 * Makes sure DATA_DIR exists and can be written (it holds the index and the case database), creating it when
 * missing. Throws one `config_invalid` sentence naming the folder and what is wrong, instead of the raw EACCES the
 * first write deep inside the index or the database would give.
 */
export function ensureDataDir(dataDir: string): void {
  const folder = path.resolve(dataDir);
  const probe = path.join(folder, `.write-test-${process.pid}`);
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const why = explanations[code] ?? (error as Error).message;
    throw new ProtocolBotError(
      'config_invalid',
      `DATA_DIR: cannot write to ${folder} (${why}); point DATA_DIR at a folder this user can write, or create it and give this user write permission.`,
      { cause: error },
    );
  }
}
