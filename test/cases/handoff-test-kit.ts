import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Citation } from '../../src/answer/answer-schema.js';
import type { HandoffRequest } from '../../src/answer/handoff-port.js';
import type { CliIo } from '../../src/channels/terminal/cli-io.js';
import type { Clock } from '../../src/clock.js';
import { type Config, configSchema } from '../../src/config.js';
import type { Logger } from '../../src/logger.js';

/** A temp DATA_DIR, removed by `cleanup()`. */
export function tempDataDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'protocol-bot-handoff-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Configuration as loadConfig would build it from these environment values. */
export function testConfig(dataDir: string, env: Record<string, string> = {}): Config {
  return configSchema.parse({
    DATA_DIR: dataDir,
    MONITORING_OFFICER_NAME: 'Priya Shah',
    DEPUTY_MONITORING_OFFICER_NAME: 'Tom Evans',
    ...env,
  });
}

/** A clock the test moves by hand. */
export function movableClock(start: string): Clock & { set(at: string): void; advance(ms: number): void } {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (at) => {
      now = new Date(at);
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

/** A logger that keeps every line for assertions. */
export function recordingLogger(): Logger & {
  lines: { level: string; message: string; context?: object }[];
} {
  const lines: { level: string; message: string; context?: object }[] = [];
  const at = (level: string) => (message: string, context?: Record<string, unknown>) => {
    lines.push({ level, message, context });
  };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Part 5C §6.2, as the retriever would cite it. */
export const responseTimesClause: Citation = {
  document: 'part5c',
  clause: '6.2',
  title: 'Constitution Part 5C: Member/Officer Protocol',
  status: 'adopted',
  quote: 'Officers will respond to members’ enquiries within two working days.',
};

/** An escalation as the pipeline sends it (a bullying complaint from Slack). */
export function bullyingRequest(
  overrides: Partial<HandoffRequest> & { eventId?: string } = {},
): HandoffRequest {
  const { eventId = 'Ev0001', ...rest } = overrides;
  return {
    question: {
      text: 'A councillor keeps shouting at me in meetings. What can I do?',
      asker: { platform: 'slack', userId: 'U024BE7LH', displayName: 'Sam Officer' },
      eventId,
      replyTo: { channel: 'D0123', threadTs: '1732370000.000100' },
      publicChannel: false,
    },
    text: 'A councillor keeps shouting at me in meetings. What can I do?',
    reason: 'Bullying or harassment by a member is a matter for the Monitoring Officer.',
    topic: 'bullying',
    sensitive: true,
    citations: [responseTimesClause],
    concernsMonitoringOfficer: false,
    ...rest,
  };
}

/** A CLI terminal whose output the test reads. */
export function captureIo(stdinText = ''): CliIo & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => {
    out += String(chunk);
  });
  stderr.on('data', (chunk) => {
    err += String(chunk);
  });
  const stdin = new PassThrough();
  stdin.end(stdinText);
  return { stdin, stdout, stderr, interactive: false, out: () => out, err: () => err };
}
