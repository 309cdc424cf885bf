import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

/** One log line of the child (JSON lines on standard error; anything else kept as `message`). */
export type LogLine = Record<string, unknown>;

/** A `protocol-bot serve` process started as an operator starts it (the compiled CLI, which `npm test` builds). */
export interface ServeProcess {
  child: ChildProcess;
  logs: LogLine[];
  /** Standard error as written (for messages that are not JSON lines). */
  stderr(): string;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  /** Resolves with the bound port once `http server listening` is logged; rejects if the process exits first. */
  listening(): Promise<number>;
  /** SIGTERM, then SIGKILL after 5 s; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `node bin/protocol-bot.js serve` with exactly `env` (plus PATH and the repository's corpus). */
export function startServeProcess(env: Record<string, string>): ServeProcess {
  const child = spawn(process.execPath, ['bin/protocol-bot.js', 'serve'], {
    env: { PATH: process.env.PATH, CORPUS_DIR: path.resolve('corpus'), LOG_LEVEL: 'info', PORT: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const logs: LogLine[] = [];
  let raw = '';
  let buffered = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    raw += chunk.toString('utf8');
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        logs.push({ message: line });
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    logs,
    stderr: () => raw,
    exited,
    listening: () =>
      new Promise<number>((resolve, reject) => {
        const check = setInterval(() => {
          const line = logs.find((entry) => entry.message === 'http server listening');
          if (line) {
            clearInterval(check);
            resolve(Number(line.port));
          }
        }, 20);
        void exited.then((code) => {
          clearInterval(check);
          reject(new Error(`serve exited with ${code}: ${raw}`));
        });
      }),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
