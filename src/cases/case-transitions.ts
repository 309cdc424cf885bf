import { ProtocolBotError } from '../errors.js';
import type { CaseRecord, CaseStatus } from './case-types.js';

/** What may be done to a case, from which statuses (open → claimed → answered → closed; close from any). */
export const allowedTransitions = {
  claim: ['open'],
  answer: ['open', 'claimed'],
  close: ['open', 'claimed', 'answered'],
} as const satisfies Record<string, readonly CaseStatus[]>;

/** An action on a case. */
export type CaseAction = keyof typeof allowedTransitions;

/** Throws `case_invalid_transition`, with the reason in words, when `action` is not allowed from the case's status. */
export function assertTransition(record: CaseRecord, action: CaseAction): void {
  const from: readonly CaseStatus[] = allowedTransitions[action];
  if (from.includes(record.status)) return;
  const claimedBy = record.claimedBy ? ` by ${record.claimedBy.displayName ?? record.claimedBy.userId}` : '';
  const why: Record<CaseStatus, string> = {
    open: 'it is still open',
    claimed: `it is already claimed${claimedBy}`,
    answered: 'it has already been answered',
    closed: 'it is already closed',
  };
  throw new ProtocolBotError(
    'case_invalid_transition',
    `Cannot ${action} case ${record.reference}: ${why[record.status]}.`,
  );
}
