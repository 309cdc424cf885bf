import { type Answer, formatDueDate } from '../../answer/index.js';
import type { OutgoingMessage } from './render-answer-card.js';

/** Said in a channel or group chat when a sensitive question continues in personal chat. */
export const neutralPublicReply =
  'Thanks — I’ve passed this on to the Monitoring Officer and will follow up with you in a private chat.';

/**
 * Refusals, out-of-scope replies and escalations as short plain messages. An escalation leads with the case
 * reference and the date a reply is due; the interim guidance follows.
 */
export function renderPlainReply(answer: Answer): OutgoingMessage {
  if (answer.decision !== 'escalate') return { type: 'message', text: answer.text, textFormat: 'markdown' };
  const handoff = answer.handoff;
  // The pipeline's escalation text normally names the case already; lead with it only when it does not.
  const header =
    handoff?.reference && !answer.text.includes(handoff.reference)
      ? `**Case ${handoff.reference}** — a reply is due by ${formatDueDate(handoff.dueDate)}.`
      : undefined;
  return {
    type: 'message',
    text: header ? `${header}\n\n${answer.text}` : answer.text,
    textFormat: 'markdown',
  };
}

/** The Monitoring Officer's answer, delivered to the asker's conversation. */
export function renderCaseAnswered(reference: string, assignee: string, answerText: string): OutgoingMessage {
  return {
    type: 'message',
    text: `**${assignee} has answered your question (case ${reference}):**\n\n${answerText}`,
    textFormat: 'markdown',
  };
}

/** Tells the asker a case was closed (without an answer through the bot). */
export function renderCaseClosed(reference: string, dueDate: string): OutgoingMessage {
  return {
    type: 'message',
    text: `Case ${reference} (due ${formatDueDate(dueDate)}) has been closed by the Monitoring Officer’s office.`,
    textFormat: 'markdown',
  };
}
