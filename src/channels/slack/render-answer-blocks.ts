import type { types } from '@slack/bolt';
import { type Answer, type Citation, clauseReference, formatDueDate } from '../../answer/index.js';
import type { Clock } from '../../clock.js';
import { type DocumentMeta, documentWarnings } from '../../corpus/index.js';
import { button, context, sections } from './block-builders.js';
import { slackActionIds } from './slack-action-ids.js';
import { askMonitoringOfficerValue, showClauseValue } from './slack-button-values.js';
import { escapeSlackText, MAX_MESSAGE_BLOCKS, toPlainText, toSlackMrkdwn } from './slack-mrkdwn.js';

/** One Slack message: notification text plus Block Kit blocks. */
export interface RenderedMessage {
  /** Fallback and notification text (plain). */
  text: string;
  blocks: types.KnownBlock[];
}

/** What rendering needs besides the answer. */
export interface RenderAnswerOptions {
  /** Document metadata by id (draft / review warnings). */
  documents: ReadonlyMap<string, DocumentMeta>;
  clock: Clock;
  /** Question-log id: when present, 👍/👎 buttons record feedback against it. */
  questionId?: string;
}

/** Notification text is kept short; the blocks carry the whole answer. */
const MAX_NOTIFICATION_CHARS = 3000;

/**
 * Renders an answer as Slack messages: the answer in mrkdwn, the case reference and due date for escalations,
 * draft / out-of-date warnings, each citation with a "Show clause" button, and — for answers — 👍/👎 and "Ask the
 * Monitoring Officer". Usually one message; a very long answer is split so every message stays within Slack's
 * limits (3000 characters a section, 50 blocks a message). Pure: no I/O.
 */
export function renderAnswerBlocks(answer: Answer, options: RenderAnswerOptions): RenderedMessage[] {
  const warnings = citedDocumentWarnings(answer.citations, options);
  const body = toSlackMrkdwn(withoutWarningLines(answer.text, warnings));
  const blocks: types.KnownBlock[] = [...sections(body)];

  if (answer.decision === 'escalate' && answer.handoff?.reference) {
    blocks.push(
      context([
        `:ticket: Case *${escapeSlackText(answer.handoff.reference)}* · reply due by ${escapeSlackText(formatDueDate(answer.handoff.dueDate))}`,
      ]),
    );
  }
  if (answer.decision !== 'out_of_scope') {
    if (warnings.length > 0)
      blocks.push(context(warnings.map((warning) => `:warning: ${escapeSlackText(warning)}`)));
    blocks.push(...citationBlocks(answer.citations));
  }
  const actions = actionButtons(answer, options.questionId);
  if (actions.length > 0) blocks.push({ type: 'actions', elements: actions });

  return chunk(blocks, MAX_MESSAGE_BLOCKS).map((part, index) => ({
    text: index === 0 ? toPlainText(answer.text, MAX_NOTIFICATION_CHARS) : '(continued)',
    blocks: part,
  }));
}

/** Draft and past-review warnings for each cited document, once per document. */
function citedDocumentWarnings(citations: Citation[], options: RenderAnswerOptions): string[] {
  const seen = new Set<string>();
  const warnings: string[] = [];
  for (const citation of citations) {
    if (seen.has(citation.document)) continue;
    seen.add(citation.document);
    const meta = options.documents.get(citation.document);
    if (meta) warnings.push(...documentWarnings(meta, options.clock));
  }
  return warnings;
}

/** The pipeline appends "⚠ warning" lines to the text; Slack shows them in a context block instead. */
function withoutWarningLines(text: string, warnings: string[]): string {
  const shown = new Set(warnings.map((warning) => `⚠ ${warning}`));
  return text
    .split('\n')
    .filter((line) => !shown.has(line.trim()))
    .join('\n')
    .trim();
}

function citationBlocks(citations: Citation[]): types.KnownBlock[] {
  if (citations.length === 0) return [];
  const blocks: types.KnownBlock[] = [{ type: 'divider' }, context(['*Sources*'])];
  for (const citation of citations) {
    const reference = clauseReference(citation.clause);
    const draft = citation.status === 'draft' ? ' _(draft — not adopted policy)_' : '';
    const section: types.SectionBlock = {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*${escapeSlackText(citation.title)}*${reference ? `, ${escapeSlackText(reference)}` : ''}${draft}`,
      },
    };
    if (citation.clause) {
      section.accessory = button({
        actionId: slackActionIds.showClause,
        label: 'Show clause',
        value: showClauseValue({ document: citation.document, clause: citation.clause }),
      });
    }
    blocks.push(section);
  }
  return blocks;
}

function actionButtons(answer: Answer, questionId: string | undefined): types.Button[] {
  const elements: types.Button[] = [];
  const feedback = questionId !== undefined && (answer.decision === 'answer' || answer.decision === 'refuse');
  if (feedback) {
    elements.push(
      button({ actionId: slackActionIds.feedbackUp, label: '👍 Helpful', value: questionId }),
      button({ actionId: slackActionIds.feedbackDown, label: '👎 Not helpful', value: questionId }),
    );
  }
  if (answer.decision === 'answer' && answer.question) {
    elements.push(
      button({
        actionId: slackActionIds.askMonitoringOfficer,
        label: 'Ask the Monitoring Officer',
        value: askMonitoringOfficerValue({ question: answer.question, questionId }),
      }),
    );
  }
  return elements;
}

function chunk<T>(items: T[], size: number): T[][] {
  const parts: T[][] = [];
  for (let start = 0; start < items.length; start += size) parts.push(items.slice(start, start + size));
  return parts.length > 0 ? parts : [[]];
}
