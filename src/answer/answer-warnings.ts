import type { Answer, AnswerWarning } from './answer-schema.js';

/** The warnings as the terminal shows them: one `⚠` line each. */
function warningLines(warnings: AnswerWarning[]): string {
  return warnings.map((warning) => `⚠ ${warning.text}`).join('\n');
}

/** Appends the warnings to a reply's text, after a blank line, so a plain-text reader sees them too. */
export function appendWarnings(body: string, warnings: AnswerWarning[]): string {
  return warnings.length > 0 ? `${body}\n\n${warningLines(warnings)}` : body;
}

/**
 * The answer's text without the warning lines `appendWarnings` added: for renderers that draw `answer.warnings`
 * themselves (a Block Kit context block, an Adaptive Card), so the warnings are shown once.
 */
export function answerBody(answer: Answer): string {
  if (answer.warnings.length === 0) return answer.text;
  const suffix = `\n\n${warningLines(answer.warnings)}`;
  return answer.text.endsWith(suffix) ? answer.text.slice(0, -suffix.length) : answer.text;
}
