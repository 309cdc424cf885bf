import type { ComposeInput } from '../answer/index.js';

/**
 * The supplied clauses as the model sees them: each with its document id, clause id, document title, council and
 * status, then its text exactly as stored (quotes are checked against that same text).
 */
export function formatClauseContext(input: ComposeInput): string {
  return input.hits
    .map((hit, index) => {
      const { clause } = hit;
      const meta = input.documents.get(clause.document);
      const heading = clause.headings.at(-1);
      return [
        `<clause number="${index + 1}">`,
        `document: ${clause.document}`,
        `clause: ${clause.id}`,
        `title: ${meta?.title ?? clause.document}`,
        `council: ${meta?.council ?? 'unknown'}`,
        `status: ${meta?.status ?? 'unknown'}`,
        ...(heading ? [`heading: ${heading}`] : []),
        `text: ${clause.text}`,
        '</clause>',
      ].join('\n');
    })
    .join('\n\n');
}

/**
 * A user's words made safe to place inside the prompt's tags: angle brackets become look-alikes so a message cannot
 * close `<question>` and pose as instructions.
 */
export function neutraliseUserText(text: string): string {
  return text.replace(/</g, '‹').replace(/>/g, '›');
}
