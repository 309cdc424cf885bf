import type { AnsweringPipeline } from '../../answer/index.js';
import type { CliIo } from '../../channels/terminal/index.js';
import { ProtocolBotError } from '../../errors.js';
import {
  checkGate,
  formatEvalReport,
  type GateName,
  gateForFile,
  isGateName,
  loadEvalFile,
  runEval,
} from '../../evals/index.js';
import { parseArgs } from './parse-args.js';

/** Which gate (if any) each file is held to: `--gate=NAME` for all, `--gate` by file name, nothing without. */
function chooseGates(files: string[], gateFlag: string | true | undefined): Map<string, GateName | null> {
  const gates = new Map<string, GateName | null>();
  if (gateFlag !== undefined && gateFlag !== true && !isGateName(gateFlag)) {
    throw new ProtocolBotError('usage', `unknown gate "${gateFlag}" (golden, guardrails or redteam)`);
  }
  for (const file of files) {
    if (gateFlag === undefined) gates.set(file, null);
    else if (gateFlag !== true) gates.set(file, gateFlag);
    else {
      const gate = gateForFile(file);
      if (gate === null) {
        throw new ProtocolBotError(
          'usage',
          `no gate for ${file}: name it after golden, guardrails or redteam, or pass --gate=NAME`,
        );
      }
      gates.set(file, gate);
    }
  }
  return gates;
}

/**
 * `protocol-bot eval FILE.jsonl... [--json] [--gate[=NAME]]`: scores each eval file with the pipeline and prints
 * the metrics (a table, or one JSON object per file with `--json`). With `--gate` it returns 1 when any file misses
 * its gate's thresholds, saying which. Every file is parsed before any question is asked, so a typo in the last
 * file fails fast. Progress goes to stderr on a terminal only.
 */
export async function runEvalCommand(
  args: string[],
  io: CliIo,
  pipeline: AnsweringPipeline,
): Promise<number> {
  const parsed = parseArgs(args, [], ['json', 'gate']);
  const files = parsed.positional;
  if (files.length === 0) throw new ProtocolBotError('usage', 'eval needs at least one FILE.jsonl');
  const json = parsed.flags.has('json');
  const gates = chooseGates(files, parsed.flags.get('gate'));
  const loaded = files.map((file) => ({ file, cases: loadEvalFile(file) }));

  let gateFailed = false;
  for (const { file, cases } of loaded) {
    const onProgress = io.interactive
      ? (done: number, total: number) => {
          io.stderr.write(`\r${file}: ${done}/${total}${done === total ? '\n' : ''}`);
        }
      : undefined;
    const report = await runEval(cases, pipeline, { source: file, onProgress });
    const gate = gates.get(file) ?? null;
    const gateFailures = gate === null ? [] : checkGate(report, gate);
    if (gateFailures.length > 0) gateFailed = true;

    if (json) {
      const verdict =
        gate === null ? null : { name: gate, passed: gateFailures.length === 0, failures: gateFailures };
      io.stdout.write(`${JSON.stringify({ ...report, gate: verdict })}\n`);
      continue;
    }
    io.stdout.write(formatEvalReport(report));
    if (gate !== null) {
      io.stdout.write(
        gateFailures.length === 0
          ? `Gate ${gate}: passed\n\n`
          : `Gate ${gate}: FAILED\n${gateFailures.map((failure) => `  - ${failure}`).join('\n')}\n\n`,
      );
    } else io.stdout.write('\n');
  }
  if (gateFailed && !json) io.stderr.write('protocol-bot: eval gate failed\n');
  return gateFailed ? 1 : 0;
}
