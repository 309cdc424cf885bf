import type { types } from '@slack/bolt';
import type { CaseRecord } from '../../cases/index.js';
import { context, sections } from './block-builders.js';
import type { RenderedMessage } from './render-answer-blocks.js';
import { escapeSlackText, toSlackMrkdwn, truncate } from './slack-mrkdwn.js';

/**
 * The message that brings the Monitoring Officer's answer (or the closing of a case) back to the person who asked.
 * Pure.
 */
export function renderCaseReply(record: CaseRecord, kind: 'case_answered' | 'case_closed'): RenderedMessage {
  const who = escapeSlackText(record.assignee);
  const blocks: types.KnownBlock[] =
    kind === 'case_answered'
      ? [
          ...sections(`*${who} has answered your question* (case ${escapeSlackText(record.reference)}):`),
          ...sections(toSlackMrkdwn(record.answer ?? '')),
          context([`Your question: ${escapeSlackText(truncate(record.question, 300))}`]),
        ]
      : sections(`Case ${escapeSlackText(record.reference)} has been closed by ${who}.`);
  const text =
    kind === 'case_answered'
      ? `${record.assignee} has answered your question (case ${record.reference}): ${truncate(record.answer ?? '', 2000)}`
      : `Case ${record.reference} has been closed.`;
  return { text, blocks };
}
