import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/app/main.js';
import { captureIo } from './cases/handoff-test-kit.js';

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'protocol-bot-data-dir-'));
  chmodSync(root, 0o755);
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('a DATA_DIR that cannot be used', () => {
  it('that cannot be created (a file is in the way) gives one clear sentence, not a raw error', async () => {
    writeFileSync(path.join(root, 'not-a-folder'), '');
    const dataDir = path.join(root, 'not-a-folder', 'data');
    const io = captureIo();
    const code = await main(['ask', 'How fast must I reply?'], io, {
      DATA_DIR: dataDir,
      CORPUS_DIR: path.resolve('corpus'),
    });
    expect(code).toBe(1);
    expect(io.err()).toBe(
      `protocol-bot: DATA_DIR: cannot write to ${dataDir} (part of the path is a file, not a folder); point DATA_DIR at a folder this user can write, or create it and give this user write permission.\n`,
    );
  });

  it('that is read-only for the user running the bot gives one clear sentence, not a raw EACCES', () => {
    const dataDir = path.join(root, 'read-only');
    mkdirSync(dataDir, { mode: 0o555 });
    chmodSync(dataDir, 0o555);
    // Permissions do not bind root: run the CLI as an unprivileged user then, as an operator's service account would.
    const asRoot = process.getuid?.() === 0;
    const result = spawnSync(process.execPath, ['bin/protocol-bot.js', 'ask', 'How fast must I reply?'], {
      env: { PATH: process.env.PATH, DATA_DIR: dataDir, CORPUS_DIR: path.resolve('corpus') },
      encoding: 'utf8',
      timeout: 30_000,
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `protocol-bot: DATA_DIR: cannot write to ${dataDir} (permission denied); point DATA_DIR at a folder this user can write, or create it and give this user write permission.\n`,
    );
    expect(result.stderr).not.toMatch(/EACCES|\n\s+at /);
  });
});
