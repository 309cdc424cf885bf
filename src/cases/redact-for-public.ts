import type { CaseRecord } from './case-types.js';

/** What replaces withheld text. */
export const withheldText = '[withheld: sensitive case, visible to the Monitoring Officer only]';

/**
 * A copy of a case safe to show outside the Monitoring Officer's own view (a public channel, a shared report):
 * for a sensitive case the question, the answer and the history-bearing fields that could identify the matter are
 * withheld. Non-sensitive cases are returned unchanged (as a copy).
 */
export function redactForPublic(record: CaseRecord): CaseRecord {
  if (!record.sensitive) return { ...record };
  return {
    ...record,
    question: withheldText,
    answer: record.answer === null ? null : withheldText,
    replyTo: null,
    citations: record.citations.map((citation) => ({ ...citation })),
  };
}
