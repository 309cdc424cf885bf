import { createInterface } from 'node:readline';
import { remit } from '../../answer/index.js';
import type { CliIo } from './cli-io.js';
import { renderAnswerText } from './render-answer-text.js';
import { terminalAsker } from './terminal-asker.js';
import type { TerminalPipeline } from './terminal-pipeline.js';

/**
 * The interactive terminal chat (`protocol-bot chat`, and `npm start` without Slack or Teams). Follow-up questions
 * use the earlier ones; `/new` starts a fresh thread; `/quit` or Ctrl-D ends.
 */
export async function runChatCommand(io: CliIo, pipeline: TerminalPipeline): Promise<number> {
  const asker = terminalAsker();
  // Follow-ups lean on the conversation flow's memory of this topic; /new starts another.
  let topic = 1;
  io.stdout.write(`Protocol Bot — ${remit}\nType a question, /new for a new topic, /quit to leave.\n\n`);
  const prompt = () => io.stdout.write('? ');
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
  prompt();
  for await (const line of lines) {
    const text = line.trim();
    if (text === '/quit' || text === '/exit') break;
    if (text === '/new') {
      topic += 1;
      io.stdout.write('Starting a new topic.\n\n');
    } else if (text !== '') {
      const answer = await pipeline.answer({ text, asker }, `terminal:${topic}`);
      io.stdout.write(`\n${renderAnswerText(answer, { color: io.interactive })}\n`);
    }
    prompt();
  }
  io.stdout.write('\n');
  return 0;
}
