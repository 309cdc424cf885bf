import { type ChildProcess, spawn } from 'node:child_process';

/** A child process started by a test, with its output kept line by line. */
export interface StartedChild {
  child: ChildProcess;
  /** Every line written to stdout and stderr so far. */
  lines: string[];
  /** Resolves with the first line matching `pattern` (or rejects when the process exits first or time runs out). */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** SIGTERM, then SIGKILL after a grace period; resolves once the process has exited. */
  stop(): Promise<void>;
}

/** Starts `node SCRIPT ARGS` with exactly `env` (nothing inherited), in `cwd`. */
export function startChild(
  script: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string },
) {
  const child = spawn(process.execPath, [script, ...args], {
    env: options.env,
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const listeners = new Set<() => void>();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const complete = buffered.split('\n');
      buffered = complete.pop() ?? '';
      lines.push(...complete);
      for (const listener of listeners) listener();
    });
  }

  const waitForLine = (pattern: RegExp, timeoutMs: number) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const finish = (error?: Error, match?: RegExpMatchArray) => {
        listeners.delete(check);
        clearTimeout(timer);
        if (match) resolve(match);
        else reject(error);
      };
      const check = () => {
        for (const line of lines) {
          const match = line.match(pattern);
          if (match) return finish(undefined, match);
        }
        if (child.exitCode !== null || child.signalCode !== null) {
          finish(new Error(`${script} exited (${child.exitCode ?? child.signalCode}):\n${lines.join('\n')}`));
        }
      };
      const timer = setTimeout(
        () => finish(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${lines.join('\n')}`)),
        timeoutMs,
      );
      listeners.add(check);
      exited.then(check);
      check();
    });

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const grace = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(grace);
  };

  return { child, lines, waitForLine, stop } satisfies StartedChild;
}
