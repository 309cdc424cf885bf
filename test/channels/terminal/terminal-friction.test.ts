import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/app/main.js';
import { captureIo } from '../../cases/handoff-test-kit.js';

// The compiled CLI (`npm test` builds it first), as a person runs it.
let dataDir: string;
const env = () => ({ PATH: process.env.PATH, DATA_DIR: dataDir, CORPUS_DIR: path.resolve('corpus') });

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'protocol-bot-terminal-'));
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

/** util-linux `script` gives the chat a real pseudo-terminal, as a person's terminal would. */
const hasScript = spawnSync('script', ['--version']).status === 0;

describe('the terminal chat in a pseudo-terminal', () => {
  it.runIf(hasScript).each(['/quit', '/exit'])(
    'leaves at once on %s, with standard input still open',
    async (command) => {
      const child = spawn('script', ['-qfec', 'node bin/protocol-bot.js chat', '/dev/null'], {
        env: env(),
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let output = '';
      let sentAt = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (!sentAt && output.includes('? ')) {
          sentAt = Date.now();
          // Typed as in a terminal (Enter sends a carriage return); the pipe to `script` stays open after it.
          child.stdin.write(`${command}\r`);
        }
      });
      try {
        const code = await new Promise<number | null>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`still running 15 s after ${command}: ${output}`)),
            15_000,
          );
          child.once('exit', (exitCode) => {
            clearTimeout(timer);
            resolve(exitCode);
          });
        });
        expect(sentAt).toBeGreaterThan(0);
        expect(code).toBe(0);
        expect(Date.now() - sentAt).toBeLessThan(5_000);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    },
    30_000,
  );
});

describe('protocol-bot ask --json in batch mode', () => {
  it('writes exactly one line per input line, blank lines included, in order', async () => {
    const input = [
      'How quickly must an officer reply to a councillor’s email?',
      '',
      '   ',
      'Which party should I vote for in May?',
      '',
    ].join('\n');
    const io = captureIo(`${input}\n`);
    const code = await main(['ask', '--json'], io, { ...env(), LOG_LEVEL: 'error' });
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const lines = io.out().trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    const answers = lines.map((line) => JSON.parse(line));
    expect(answers.map((answer) => answer.decision)).toEqual([
      'answer',
      'out_of_scope',
      'out_of_scope',
      'refuse',
      'out_of_scope',
    ]);
    expect(answers[1].text).toMatch(/empty/);
  }, 60_000);
});
