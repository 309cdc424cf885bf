import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import type { AnsweringPipeline } from '../../answer/answering-pipeline.js';
import type { Question } from '../../answer/question.js';
import { renderAnswerText } from '../../channels/terminal/render-answer-text.js';
import type { CliIo } from './cli-io.js';

/** The asker for questions typed at this terminal. */
export function terminalAsker(): Question['asker'] {
  let name = 'cli';
  try {
    name = userInfo().username;
  } catch {
    // Containers without a passwd entry have no user name; "cli" is the documented fallback.
  }
  return { platform: 'cli', userId: name, displayName: name };
}

/**
 * `ask "QUESTION"` prints one answer (`--json`: one JSON object). `ask --json` with no question reads one question
 * per line from standard input and writes one JSON object per line, in order.
 */
export async function runAskCommand(
  questionText: string | undefined,
  io: CliIo,
  pipeline: AnsweringPipeline,
  options: { json: boolean },
): Promise<number> {
  const asker = terminalAsker();
  if (questionText !== undefined) {
    const answer = await pipeline.answer({ text: questionText, asker });
    io.stdout.write(
      options.json ? `${JSON.stringify(answer)}\n` : renderAnswerText(answer, { color: io.interactive }),
    );
    return 0;
  }
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const answer = await pipeline.answer({ text: line, asker });
    io.stdout.write(options.json ? `${JSON.stringify(answer)}\n` : `${renderAnswerText(answer)}\n`);
  }
  return 0;
}
