import { formatDueDate } from '../../answer/index.js';
import type { CaseRecord } from '../../cases/index.js';
import { caseAction, caseAnswerInputId, caseClausesInputId } from './card-actions.js';
import { citationName, type OutgoingMessage, truncate } from './render-answer-card.js';

/** Longest question shown on a case card. */
const MAX_QUESTION_CHARS = 3_000;

/**
 * The case notice for the Monitoring Officer's personal chat: who asked what, why it was escalated, when a reply
 * is due, the clauses found as interim guidance, and Claim / Answer / Close actions.
 */
export function renderCaseCard(record: CaseRecord): OutgoingMessage {
  const asker = record.asker.displayName ?? record.asker.userId;
  const facts = [
    { title: 'Asked by', value: `${asker} (${record.asker.platform})` },
    { title: 'Reply due', value: formatDueDate(record.dueDate) },
    { title: 'Assigned to', value: record.assignee },
    { title: 'Topic', value: record.topic },
    { title: 'Status', value: record.status },
  ];
  if (record.sensitive) facts.push({ title: 'Sensitive', value: 'yes — reply privately' });
  const guidance = record.citations.map((citation) => `- ${citationName(citation)}`).join('\n');
  return {
    type: 'message',
    text: `New case ${record.reference} for the Monitoring Officer, due ${formatDueDate(record.dueDate)}.`,
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          type: 'AdaptiveCard',
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          version: '1.5',
          body: [
            { type: 'TextBlock', text: `Case ${record.reference}`, weight: 'Bolder', size: 'Large' },
            { type: 'FactSet', facts },
            { type: 'TextBlock', text: 'Question', weight: 'Bolder', spacing: 'Medium' },
            { type: 'TextBlock', text: truncate(record.question, MAX_QUESTION_CHARS), wrap: true },
            { type: 'TextBlock', text: 'Why it was escalated', weight: 'Bolder', spacing: 'Medium' },
            { type: 'TextBlock', text: record.reason, wrap: true },
            ...(guidance
              ? [
                  { type: 'TextBlock', text: 'Clauses found', weight: 'Bolder', spacing: 'Medium' },
                  { type: 'TextBlock', text: guidance, wrap: true },
                ]
              : []),
            {
              type: 'Input.Text',
              id: caseAnswerInputId,
              isMultiline: true,
              placeholder: 'Your answer to the asker',
              maxLength: 10_000,
            },
            {
              type: 'Input.Text',
              id: caseClausesInputId,
              label: 'Clauses that answer it (optional; the bot learns from them)',
              placeholder: 'part5c 6.2; swale-draft-protocol 4.1',
              maxLength: 500,
            },
          ],
          actions: [
            { type: 'Action.Submit', title: 'Claim', data: caseAction('case_claim', record.reference) },
            {
              type: 'Action.Submit',
              title: 'Send answer',
              data: caseAction('case_answer', record.reference),
            },
            { type: 'Action.Submit', title: 'Close', data: caseAction('case_close', record.reference) },
          ],
        },
      },
    ],
  };
}
