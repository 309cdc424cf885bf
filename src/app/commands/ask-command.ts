import { createInterface } from 'node:readline';
import type { AnsweringPipeline } from '../../answer/index.js';
import { type CliIo, renderAnswerText, terminalAsker } from '../../channels/terminal/index.js';

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
