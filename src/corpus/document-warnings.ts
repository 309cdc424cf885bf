import type { Clock } from '../clock.js';
import type { DocumentMeta } from './document-manifest.js';

/** What a warning is about: a draft document, or one past its review date. */
export type DocumentWarningKind = 'draft' | 'review_overdue';

/** A warning about one document, as data: renderers decide how to show it. */
export interface DocumentWarning {
  /** Document id from the corpus manifest. */
  document: string;
  kind: DocumentWarningKind;
  /** One sentence for a reader, naming the document. */
  text: string;
}

/**
 * Warnings a reader must see with any clause of this document: a draft is not adopted policy, and a document past
 * its review date may be out of date.
 */
export function documentWarnings(meta: DocumentMeta, clock: Clock): DocumentWarning[] {
  const warnings: DocumentWarning[] = [];
  if (meta.status === 'draft') {
    warnings.push({
      document: meta.id,
      kind: 'draft',
      text: `${meta.title} is a draft, not adopted policy.`,
    });
  }
  if (meta.reviewDue && isPast(meta.reviewDue, clock.now())) {
    warnings.push({
      document: meta.id,
      kind: 'review_overdue',
      text: `${meta.title} was due for review in ${formatReviewDue(meta.reviewDue)} and may be out of date.`,
    });
  }
  return warnings;
}

function isPast(reviewDue: string, now: Date): boolean {
  const [year, month, day] = reviewDue.split('-').map(Number);
  // A month-only date is due at the end of that month.
  const end = day
    ? new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day + 1))
    : new Date(Date.UTC(year ?? 0, month ?? 1, 1));
  return now.getTime() >= end.getTime();
}

// Built once: `toLocaleDateString` builds a formatter per call, which cost more than the rest of the warnings.
const monthYear = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' });
const dayMonthYear = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

function formatReviewDue(reviewDue: string): string {
  const [year, month, day] = reviewDue.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
  return (day ? dayMonthYear : monthYear).format(date);
}
