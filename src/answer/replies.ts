import type { Citation } from './answer-schema.js';
import { formatQuote } from './citation-format.js';

/** What the bot is for, in one line (out-of-scope and help replies). */
export const remit =
  'I answer questions about how councillors and council officers work together under the council’s member/officer protocols — for example response times, political groups, access to information, and what to do when things go wrong.';

/** Reply for an empty or unreadable message. */
export function unreadableReply(problem: 'empty' | 'binary' | 'no_words'): string {
  const opening =
    problem === 'binary'
      ? 'I can only read text messages.'
      : problem === 'empty'
        ? 'Your message was empty.'
        : 'I couldn’t find a question in that message.';
  return `${opening} ${remit} Try asking, for example: “How quickly must an officer reply to a councillor’s email?”`;
}

/** Reply for a question outside the remit. */
export function outOfScopeReply(reason?: string): string {
  return reason ? `${reason} ${remit}` : `That’s outside what I can help with. ${remit}`;
}

/** Reply for a refusal: why, the clause behind it, and what the bot can do instead. */
export function refusalReply(reason: string, citations: Citation[]): string {
  const basis = citations[0] ? `\n\n${formatQuote(citations[0])}` : '';
  return `${reason}${basis}\n\nI can tell you what the protocols say about political groups, campaigning with council resources, publicity, or officers’ political neutrality.`;
}

/** Reply for an escalation: the case reference and due date (when a case was opened) and interim guidance. */
export function escalationReply(options: {
  reason: string;
  reference?: string;
  dueDate?: string;
  assignee?: string;
  citations: Citation[];
}): string {
  const handedOff = options.reference
    ? `I’ve passed this to ${options.assignee ?? 'the Monitoring Officer'} as case ${options.reference}. A reply is due by ${formatDueDate(options.dueDate)}.`
    : 'Please contact the Monitoring Officer about this; I could not open a case automatically.';
  const guidance =
    options.citations.length > 0
      ? `\n\nIn the meantime, this is what the protocols say:\n\n${options.citations.map(formatQuote).join('\n\n')}`
      : '';
  return `${options.reason} ${handedOff}${guidance}`;
}

/** "Tuesday 25 November 2026" for a YYYY-MM-DD date. */
export function formatDueDate(date: string | undefined): string {
  if (!date) return 'the next working days';
  const parsed = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return longDate.format(parsed);
}

const longDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
