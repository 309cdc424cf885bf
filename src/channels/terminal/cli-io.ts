import type { Readable, Writable } from 'node:stream';

/** The terminal a CLI command talks to (injected so tests can capture it). */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** True when stdout is a terminal: show progress; false when piped: stay quiet. */
  interactive: boolean;
}

/** The real process streams. */
export function processIo(): CliIo {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    interactive: Boolean(process.stdout.isTTY),
  };
}
