import { type Answer, clauseReference } from '../../answer/index.js';

const decisionLabels: Record<Answer['decision'], string> = {
  answer: 'Answer',
  refuse: 'Declined (political neutrality)',
  escalate: 'Passed to the Monitoring Officer',
  out_of_scope: 'Outside what I can help with',
};

/** The answer as a person reads it in a terminal. */
export function renderAnswerText(answer: Answer, options: { color?: boolean } = {}): string {
  const bold = (text: string) => (options.color ? `\u001b[1m${text}\u001b[22m` : text);
  const dim = (text: string) => (options.color ? `\u001b[2m${text}\u001b[22m` : text);
  const lines = [bold(decisionLabels[answer.decision]), '', answer.text];
  if (answer.citations.length > 0) {
    lines.push('', dim('Sources:'));
    answer.citations.forEach((citation, index) => {
      const reference = clauseReference(citation.clause);
      lines.push(
        dim(`  [${index + 1}] ${citation.title}${reference ? ` ${reference}` : ''} (${citation.status})`),
      );
    });
  }
  return `${lines.join('\n')}\n`;
}
