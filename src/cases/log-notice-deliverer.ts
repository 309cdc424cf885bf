import type { Logger } from '../logger.js';
import type { CaseRecord, Notice, NoticeDeliverer } from './case-types.js';

/** Options for {@link createLogNoticeDeliverer}. */
export interface LogNoticeDelivererOptions {
  logger: Logger;
  /** Also write the notice as readable text (a terminal); the logger alone writes JSON lines. */
  write?: (text: string) => void;
}

/** The readable text of a notice, as the `log` deliverer writes it. */
export function formatNoticeText(notice: Notice, record: CaseRecord): string {
  const asker = record.asker.displayName ?? record.asker.userId;
  if (notice.kind === 'case_opened') {
    const lines = [
      `New case ${record.reference} for ${record.assignee}: reply due by ${record.dueDate}.`,
      `  Asked by ${asker} (${record.asker.platform}); topic: ${record.topic}${record.sensitive ? ' (sensitive)' : ''}.`,
      `  Reason: ${record.reason}`,
      `  See it with: protocol-bot cases show ${record.reference}`,
    ];
    return lines.join('\n');
  }
  if (notice.kind === 'case_answered') {
    return `Case ${record.reference} answered for ${asker}:\n  ${record.answer ?? ''}`;
  }
  return `Case ${record.reference} closed.`;
}

/**
 * The built-in `log` deliverer: writes each notice through the logger (and optionally as text), so an install
 * with only the CLI still sees new cases. It keeps the question text out of the log line for sensitive cases.
 */
export function createLogNoticeDeliverer(options: LogNoticeDelivererOptions): NoticeDeliverer {
  return {
    platform: 'log',
    async deliver(notice, record) {
      options.logger.info(`notice: ${notice.kind} ${record.reference}`, {
        noticeId: notice.id,
        reference: record.reference,
        kind: notice.kind,
        assignee: record.assignee,
        dueDate: record.dueDate,
        topic: record.topic,
        ...(record.sensitive ? {} : { question: record.question }),
      });
      options.write?.(`${formatNoticeText(notice, record)}\n`);
    },
  };
}
