import { readFileSync } from 'node:fs';
import path, { join } from 'node:path';
import { openHandoff } from '../cases/index.js';
import { teamsAccess } from '../channels/teams/teams-access.js';
import {
  type CliIo,
  processIo,
  runChatCommand,
  terminalAsker,
  terminalPipeline,
} from '../channels/terminal/index.js';
import { type Config, loadConfig } from '../config.js';
import { loadCorpus, parseCorpus } from '../corpus/index.js';
import { ensureDataDir } from '../data-dir.js';
import { ProtocolBotError } from '../errors.js';
import { createLogger } from '../logger.js';
import { terminalPorts } from './chat-platforms.js';
import { runAskCommand } from './commands/ask-command.js';
import { runBackupCommand } from './commands/backup-command.js';
import { runCasesCommand } from './commands/cases-command.js';
import { runEvalCommand } from './commands/eval-command.js';
import { parseArgs } from './commands/parse-args.js';
import { runReportCommand } from './commands/report-command.js';
import { runTrainCommand } from './commands/train-command.js';
import { buildRuntime, openCorpusIndex } from './runtime.js';

const usage = `Usage: protocol-bot <command> [options]

Commands:
  ask "QUESTION" [--json]     Answer one question (with --json and no question: one question per stdin line)
  chat                        Interactive terminal chat
  start                       Serve Slack/Teams when configured, otherwise the terminal chat
  serve                       Start the HTTP server (Teams at /api/messages, Slack, /healthz)
  index [--rebuild]           Build (or check) the clause index under DATA_DIR
  eval FILE.jsonl... [--json] [--gate] [--llm]
                              Score eval files; --gate fails below the thresholds in the README
  train [FILE.jsonl...] [--out FILE] [--json] [--decision-only]
                              Fit the decision classifier and the ranker to labelled messages (evals/train/)
  cases list|show|claim|answer|close ... [--json]
                              The Monitoring Officer's cases
  report --from YYYY-MM-DD --to YYYY-MM-DD [--json]
                              Figures for the Monitoring Officer's annual report
  backup FILE                 Copy the case database to FILE while the bot runs (restore: see the README)
  help                        This text

Configuration is read from the environment; see the README.`;

/** Runs the CLI; resolves with the process exit code (2 for usage errors). */
export async function main(args: string[], io: CliIo = processIo(), env = process.env): Promise<number> {
  const [command, ...rest] = args;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    (command ? io.stdout : io.stderr).write(`${usage}\n`);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === 'version') {
    io.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  try {
    const config = loadConfig(env);
    return await dispatch(command, rest, io, config);
  } catch (error) {
    if (ProtocolBotError.isInstance(error)) {
      io.stderr.write(`protocol-bot: ${error.message}\n`);
      if (error.code === 'usage') io.stderr.write(`Run "protocol-bot help" for usage.\n`);
      return error.code === 'usage' ? 2 : 1;
    }
    throw error;
  }
}

async function dispatch(command: string, args: string[], io: CliIo, config: Config): Promise<number> {
  const logger = createLogger(config.LOG_LEVEL);
  // Every command writes under DATA_DIR (the index or the case database): say so plainly if it cannot.
  ensureDataDir(config.DATA_DIR);
  const progress = io.interactive ? (message: string) => io.stderr.write(`${message}\n`) : undefined;
  switch (command) {
    case 'ask': {
      const parsed = parseArgs(args, [], ['json', 'llm']);
      if (parsed.positional.length > 1) {
        throw new ProtocolBotError(
          'usage',
          'ask takes one question; quote it: protocol-bot ask "How fast…?"',
        );
      }
      const question = parsed.positional[0];
      if (question === undefined && !parsed.flags.has('json')) {
        throw new ProtocolBotError('usage', 'ask needs a question (or --json to read questions from stdin)');
      }
      const runtime = await buildRuntime({ config, logger, onProgress: progress });
      try {
        return await runAskCommand(question, io, terminalPipeline(terminalPorts(runtime)), {
          json: parsed.flags.has('json'),
        });
      } finally {
        await runtime.close();
      }
    }
    case 'chat':
      return withRuntime(config, logger, progress, (runtime) =>
        runChatCommand(io, terminalPipeline(terminalPorts(runtime))),
      );
    case 'start':
      if (config.SLACK_BOT_TOKEN || config.MICROSOFT_APP_ID || config.TEAMS_ALLOW_ANONYMOUS) {
        return serve(config, logger, progress);
      }
      return withRuntime(config, logger, progress, (runtime) =>
        runChatCommand(io, terminalPipeline(terminalPorts(runtime))),
      );
    case 'serve':
      return serve(config, logger, progress);
    case 'index': {
      const parsed = parseArgs(args, [], ['rebuild']);
      const retriever = await openCorpusIndex({
        config,
        logger,
        onProgress: progress,
        rebuild: parsed.flags.has('rebuild'),
      });
      const { stats } = retriever;
      io.stdout.write(
        `${stats.built ? 'Built' : 'Loaded'} the index of ${stats.clauses} clauses from ${retriever.documentCount} documents in ${Math.round(stats.buildMs)} ms (vectors: ${stats.dimension} dimensions) under ${config.DATA_DIR}\n`,
      );
      return 0;
    }
    case 'train': {
      const [{ loadSentenceEncoder }, { createPolicyEngine, loadPolicyFile }] = await Promise.all([
        import('../search/embed/sentence-encoder.js'),
        import('../answer/policy/policy-engine.js'),
      ]);
      const policy = createPolicyEngine(config.POLICY_FILE ? loadPolicyFile(config.POLICY_FILE) : []);
      return await runTrainCommand(args, io, {
        encoder: await loadSentenceEncoder(),
        rules: policy.rules,
        openIndex: () => openCorpusIndex({ config, logger, onProgress: progress }),
        vectorCacheFile: path.join(config.DATA_DIR, 'training-vectors.json'),
      });
    }
    case 'eval': {
      const parsed = parseArgs(args, [], ['json', 'gate', 'llm']);
      const runtime = await buildRuntime({
        config,
        logger,
        onProgress: progress,
        openCases: false,
        generative: parsed.flags.has('llm'),
      });
      try {
        if (parsed.flags.has('llm') && !runtime.generative) {
          throw new ProtocolBotError(
            'usage',
            '--llm needs OPENAI_MODEL (with OPENAI_API_KEY or OPENAI_BASE_URL) or the Azure settings',
          );
        }
        return await runEvalCommand(
          args.filter((arg) => arg !== '--llm'),
          io,
          runtime.pipeline,
        );
      } finally {
        await runtime.close();
      }
    }
    case 'cases': {
      const parsed = parseArgs(args, ['status', 'note'], ['json', 'status', 'overdue', 'note']);
      const handoff = await openHandoff({ config, clock: { now: () => new Date() }, logger });
      try {
        const asker = terminalAsker() ?? { platform: 'cli', userId: 'cli' };
        return await runCasesCommand(args, io, handoff, {
          actor: asker,
          json: parsed.flags.has('json'),
          clauses: () => parseCorpus(loadCorpus(config.CORPUS_DIR)),
        });
      } finally {
        await handoff.close();
      }
    }
    case 'report': {
      const parsed = parseArgs(args, ['from', 'to'], ['json', 'from', 'to']);
      const handoff = await openHandoff({ config, clock: { now: () => new Date() }, logger });
      try {
        return await runReportCommand(args, io, handoff, { json: parsed.flags.has('json') });
      } finally {
        await handoff.close();
      }
    }
    case 'backup': {
      const parsed = parseArgs(args, [], []);
      const handoff = await openHandoff({ config, clock: { now: () => new Date() }, logger });
      try {
        return await runBackupCommand(parsed.positional[0], io, handoff, {
          liveFile: join(config.DATA_DIR, 'cases.db'),
        });
      } finally {
        await handoff.close();
      }
    }
    default:
      throw new ProtocolBotError('usage', `unknown command "${command}"`);
  }
}

async function withRuntime(
  config: Config,
  logger: ReturnType<typeof createLogger>,
  progress: ((message: string) => void) | undefined,
  run: (runtime: Awaited<ReturnType<typeof buildRuntime>>) => Promise<number>,
): Promise<number> {
  const runtime = await buildRuntime({ config, logger, onProgress: progress });
  try {
    return await run(runtime);
  } finally {
    await runtime.close();
  }
}

async function serve(
  config: Config,
  logger: ReturnType<typeof createLogger>,
  progress: ((message: string) => void) | undefined,
): Promise<number> {
  // Loaded lazily: the Slack and Teams SDKs are not needed by ask, eval or the terminal chat.
  const { runServer } = await import('./serve.js');
  // A Teams setting that can never start is reported before the index is loaded and the answer threads started.
  teamsAccess(config);
  const runtime = await buildRuntime({
    config,
    logger,
    onProgress: progress,
    answerWorkers: config.ANSWER_WORKERS,
  });
  return runServer(runtime);
}

function packageVersion(): string {
  const file = new URL('../../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
