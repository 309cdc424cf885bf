import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

/** A `protocol-bot serve` child process (the compiled CLI, which `npm test` builds first), listening. */
export interface ServeChild {
  child: ChildProcess;
  port: number;
  /** Its JSON log lines so far (unparseable lines as `{ message }`). */
  logLines: Array<Record<string, unknown>>;
}

/**
 * Starts `serve` as an operator would, on port 0 with the repository's corpus and `env` on top, and resolves once
 * it logs that it listens; rejects with its log if it exits first.
 */
export function startServeChild(env: Record<string, string>): Promise<ServeChild> {
  const child = spawn(process.execPath, ['bin/protocol-bot.js', 'serve'], {
    env: { PATH: process.env.PATH, PORT: '0', CORPUS_DIR: path.resolve('corpus'), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const logLines: Array<Record<string, unknown>> = [];
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        let entry: Record<string, unknown>;
        try {
          entry = JSON.parse(line) as Record<string, unknown>;
        } catch {
          entry = { message: line };
        }
        logLines.push(entry);
        if (entry.message === 'http server listening') resolve({ child, port: Number(entry.port), logLines });
      }
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`serve exited (${code ?? signal}) before listening: ${JSON.stringify(logLines)}`)),
    );
  });
}
