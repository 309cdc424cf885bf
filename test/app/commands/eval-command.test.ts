import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { AnsweringPipeline } from '../../../src/answer/answering-pipeline.js';
import { runEvalCommand } from '../../../src/app/commands/eval-command.js';
import type { CliIo } from '../../../src/channels/terminal/cli-io.js';

// These paths must fail before any question is asked, so the pipeline must never be reached.
const neverAsked: AnsweringPipeline = {
  answer: () => {
    throw new Error('the pipeline must not be called');
  },
};

function terminal(): CliIo & { output: () => string } {
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  return {
    stdin: new PassThrough(),
    stdout,
    stderr: new PassThrough(),
    interactive: false,
    output: () => Buffer.concat(chunks).toString('utf8'),
  };
}

const dir = mkdtempSync(path.join(tmpdir(), 'eval-command-'));
const goodFile = path.join(dir, 'mine.jsonl');
writeFileSync(goodFile, '{"id":"g001","question":"How fast must I reply?","accept":["answer"]}\n');
const badFile = path.join(dir, 'golden.jsonl');
writeFileSync(
  badFile,
  '{"id":"g001","question":"x","accept":["answer"]}\n{"id":"g002","question":"x","accept":["maybe"]}\n',
);

describe('runEvalCommand usage', () => {
  it('needs at least one file', async () => {
    await expect(runEvalCommand(['--json'], terminal(), neverAsked)).rejects.toMatchObject({ code: 'usage' });
  });

  it('rejects an unknown gate name and unknown options', async () => {
    await expect(runEvalCommand([goodFile, '--gate=strict'], terminal(), neverAsked)).rejects.toMatchObject({
      code: 'usage',
      message: expect.stringContaining('unknown gate "strict"'),
    });
    await expect(runEvalCommand([goodFile, '--verbose'], terminal(), neverAsked)).rejects.toMatchObject({
      code: 'usage',
    });
  });

  it('asks for --gate=NAME when the file name does not say which gate', async () => {
    await expect(runEvalCommand([goodFile, '--gate'], terminal(), neverAsked)).rejects.toMatchObject({
      code: 'usage',
      message: expect.stringContaining('no gate for'),
    });
  });

  it('parses every file before asking anything, naming the bad line', async () => {
    const io = terminal();
    await expect(runEvalCommand([goodFile, badFile], io, neverAsked)).rejects.toMatchObject({
      code: 'input_invalid',
      message: expect.stringContaining(`${badFile}:2: accept.0`),
    });
    expect(io.output()).toBe('');
  });
});
