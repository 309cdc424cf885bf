import type { types } from '@slack/bolt';
import { clauseReference } from '../../answer/index.js';
import type { Clock } from '../../clock.js';
import { type Clause, type DocumentMeta, documentWarnings } from '../../corpus/index.js';
import { context, header, sections } from './block-builders.js';
import { escapeSlackText, truncate } from './slack-mrkdwn.js';

/** Slack's limit on blocks in a modal. */
const MAX_MODAL_BLOCKS = 100;

/**
 * The "Show clause" modal: the document title, the headings above the clause, the whole clause text, and the
 * document's draft / out-of-date warnings. Pure.
 */
export function renderClauseModal(
  clause: Clause,
  meta: DocumentMeta | undefined,
  clock: Clock,
): types.ModalView {
  const title = meta?.title ?? clause.document;
  const reference = clauseReference(clause.id);
  const blocks: types.KnownBlock[] = [header(`${title}${reference ? `, ${reference}` : ''}`)];
  if (clause.headings.length > 0) {
    blocks.push(context([escapeSlackText(clause.headings.join(' › '))]));
  }
  blocks.push(...sections(escapeSlackText(clause.text)));
  const warnings = meta ? documentWarnings(meta, clock) : [];
  if (warnings.length > 0) {
    blocks.push(context(warnings.map((warning) => `:warning: ${escapeSlackText(warning)}`)));
  }
  return {
    type: 'modal',
    title: { type: 'plain_text', text: truncate(`Clause ${clause.id}`, 24) },
    close: { type: 'plain_text', text: 'Close' },
    blocks: blocks.slice(0, MAX_MODAL_BLOCKS),
  };
}

/** The modal shown when a cited clause is no longer in the loaded corpus (the index changed since the answer). */
export function renderMissingClauseModal(document: string, clauseId: string): types.ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Clause not found' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: sections(
      `I couldn’t find clause ${escapeSlackText(clauseId)} of ${escapeSlackText(document)} in the current documents. They may have been updated since this answer was given — please ask again.`,
    ),
  };
}
