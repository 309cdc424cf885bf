import { createInterface } from 'node:readline';
import type { AnsweringPipeline } from '../../answer/answering-pipeline.js';
import { remit } from '../../answer/replies.js';
import { terminalAsker } from '../../app/commands/ask-command.js';
import type { CliIo } from '../../app/commands/cli-io.js';
import { renderAnswerText } from './render-answer-text.js';

/** How many earlier questions a follow-up can lean on. */
const HISTORY_LENGTH = 5;

/**
 * The interactive terminal chat (`protocol-bot chat`, and `npm start` without Slack or Teams). Follow-up questions
 * use the earlier ones; `/new` starts a fresh thread; `/quit` or Ctrl-D ends.
 */
export async function runChatCommand(io: CliIo, pipeline: AnsweringPipeline): Promise<number> {
  const asker = terminalAsker();
  const history: string[] = [];
  io.stdout.write(`Protocol Bot — ${remit}\nType a question, /new for a new topic, /quit to leave.\n\n`);
  const prompt = () => io.stdout.write('? ');
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
  prompt();
  for await (const line of lines) {
    const text = line.trim();
    if (text === '/quit' || text === '/exit') break;
    if (text === '/new') {
      history.length = 0;
      io.stdout.write('Starting a new topic.\n\n');
    } else if (text !== '') {
      const answer = await pipeline.answer({ text, asker, history: [...history] });
      io.stdout.write(`\n${renderAnswerText(answer, { color: io.interactive })}\n`);
      history.push(text);
      if (history.length > HISTORY_LENGTH) history.shift();
    }
    prompt();
  }
  io.stdout.write('\n');
  return 0;
}
