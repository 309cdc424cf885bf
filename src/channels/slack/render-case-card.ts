import type { types } from '@slack/bolt';
import { type Asker, clauseReference, formatDueDate } from '../../answer/index.js';
import type { CaseRecord } from '../../cases/index.js';
import { button, context, header, sections } from './block-builders.js';
import type { RenderedMessage } from './render-answer-blocks.js';
import { caseAnswerInput, caseAnswerViewId, caseClausesInput, slackActionIds } from './slack-action-ids.js';
import { escapeSlackText, truncate } from './slack-mrkdwn.js';

const statusLabels: Record<CaseRecord['status'], string> = {
  open: ':large_yellow_circle: Open',
  claimed: ':large_blue_circle: Claimed',
  answered: ':white_check_mark: Answered',
  closed: ':black_circle: Closed',
};

/**
 * The case card posted in the Monitoring Officer's channel. A sensitive case shows only its reference, topic, due
 * date and status there; the question, the asker and the guidance appear only in the "View" modal, which only an
 * authorised officer can open. Buttons follow the case's status (Claim while open, Answer until answered, Close
 * until closed). Pure.
 */
export function renderCaseCard(record: CaseRecord): RenderedMessage {
  const blocks: types.KnownBlock[] = [
    header(`Case ${record.reference}${record.sensitive ? ' (sensitive)' : ''}`),
  ];
  blocks.push({
    type: 'section',
    fields: [
      { type: 'mrkdwn', text: `*Status*\n${statusLabels[record.status]}` },
      { type: 'mrkdwn', text: `*Reply due*\n${escapeSlackText(formatDueDate(record.dueDate))}` },
      { type: 'mrkdwn', text: `*Topic*\n${escapeSlackText(topicLabel(record.topic))}` },
      { type: 'mrkdwn', text: `*Assigned to*\n${escapeSlackText(record.assignee)}` },
    ],
  });
  if (!record.sensitive) blocks.push(...detailBlocks(record));
  else
    blocks.push(
      context([':lock: Sensitive case: details are kept out of this channel. Use *View* to read them.']),
    );
  blocks.push(...progressBlocks(record));

  const actions = caseButtons(record);
  if (actions.length > 0) blocks.push({ type: 'actions', elements: actions });
  const text = record.sensitive
    ? `Case ${record.reference} (sensitive, ${topicLabel(record.topic)}) — reply due by ${formatDueDate(record.dueDate)}`
    : `Case ${record.reference}: ${truncate(record.question, 200)}`;
  return { text, blocks };
}

/** The "View" modal with the full details of a (sensitive) case, for an authorised officer only. */
export function renderCaseDetailsModal(record: CaseRecord): types.ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: truncate(`Case ${record.reference}`, 24) },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [...detailBlocks(record), ...progressBlocks(record)].slice(0, 100),
  };
}

/** The modal in which the Monitoring Officer writes the answer; `privateMetadata` carries the card's location. */
export function renderCaseAnswerModal(record: CaseRecord, privateMetadata: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: caseAnswerViewId,
    private_metadata: privateMetadata,
    title: { type: 'plain_text', text: truncate(`Answer ${record.reference}`, 24) },
    submit: { type: 'plain_text', text: 'Send answer' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      ...(record.sensitive ? [] : sections(`*Question*\n${quote(record.question)}`)),
      {
        type: 'input',
        block_id: caseAnswerInput.block,
        label: { type: 'plain_text', text: 'Your answer (sent to the person who asked)' },
        element: {
          type: 'plain_text_input',
          action_id: caseAnswerInput.action,
          multiline: true,
          min_length: 1,
          max_length: 3000,
        },
      },
      {
        type: 'input',
        block_id: caseClausesInput.block,
        optional: true,
        label: { type: 'plain_text', text: 'Clauses that answer it (the bot learns from them)' },
        hint: { type: 'plain_text', text: clausesHint },
        element: {
          type: 'plain_text_input',
          action_id: caseClausesInput.action,
          max_length: 500,
          placeholder: { type: 'plain_text', text: 'part5c 6.2; swale-draft-protocol 4.1' },
        },
      },
    ],
  };
}

/** How to fill in the clauses, on both platforms' answer forms. */
export const clausesHint =
  'Document id and clause number, separated by semicolons; a document id alone for a whole document. Questions worded like this one will find these clauses first.';

/** How an asker is named to the Monitoring Officer: a Slack mention when the question came from Slack. */
export function askerMention(asker: Asker): string {
  if (asker.platform === 'slack' && /^[UW][A-Z0-9]+$/.test(asker.userId)) return `<@${asker.userId}>`;
  return escapeSlackText(`${asker.displayName ?? asker.userId} (${asker.platform})`);
}

function detailBlocks(record: CaseRecord): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [
    ...sections(`*Asked by* ${askerMention(record.asker)}\n*Question*\n${quote(record.question)}`),
    ...sections(`*Why it came to you*\n${escapeSlackText(record.reason)}`),
  ];
  if (record.citations.length > 0) {
    const guidance = record.citations
      .map((citation) => {
        const reference = clauseReference(citation.clause);
        return `• ${escapeSlackText(citation.title)}${reference ? `, ${escapeSlackText(reference)}` : ''}`;
      })
      .join('\n');
    blocks.push(...sections(`*Clauses given as interim guidance*\n${guidance}`));
  }
  return blocks;
}

function progressBlocks(record: CaseRecord): types.KnownBlock[] {
  const lines: string[] = [];
  if (record.claimedBy) lines.push(`Claimed by ${actorName(record.claimedBy)}`);
  if (record.answeredAt) lines.push(`Answered ${record.answeredAt.slice(0, 10)}`);
  if (record.closedAt) lines.push(`Closed ${record.closedAt.slice(0, 10)}`);
  return lines.length > 0 ? [context(lines)] : [];
}

function caseButtons(record: CaseRecord): types.Button[] {
  const value = record.reference;
  const buttons: types.Button[] = [];
  if (record.status === 'open')
    buttons.push(button({ actionId: slackActionIds.caseClaim, label: 'Claim', value }));
  if (record.status === 'open' || record.status === 'claimed') {
    buttons.push(button({ actionId: slackActionIds.caseAnswer, label: 'Answer', value, style: 'primary' }));
  }
  if (record.status !== 'closed') {
    buttons.push(button({ actionId: slackActionIds.caseClose, label: 'Close', value, style: 'danger' }));
  }
  if (record.sensitive) buttons.push(button({ actionId: slackActionIds.caseView, label: 'View', value }));
  return buttons;
}

function actorName(actor: { platform: string; userId: string; displayName?: string }): string {
  return askerMention(actor);
}

function quote(text: string): string {
  return escapeSlackText(text)
    .split('\n')
    .map((line) => `&gt; ${line}`)
    .join('\n');
}

function topicLabel(topic: string): string {
  return topic.replace(/_/g, ' ');
}
