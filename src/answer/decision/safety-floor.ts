import type { Decision } from '../answer-schema.js';

/**
 * How strict each decision is. A rule of the safety floor can move a learned decision up this scale, never down:
 * political advice is refused whatever else the message asks; an explicit request for the Monitoring Officer is
 * escalated even when the classifier would answer or decline it.
 */
const strictness: Record<Decision, number> = { answer: 0, out_of_scope: 1, escalate: 2, refuse: 3 };

/** The stricter of a learned decision and a safety-floor rule's decision. */
export function stricter(learned: Decision, floor: Decision): Decision {
  return strictness[floor] > strictness[learned] ? floor : learned;
}

/** Of several readings of one message (as written, digits read as letters, spaced letters joined), the strictest. */
export function strictestOf<T extends { decision: Decision }>(readings: readonly T[]): T {
  return readings.reduce((strictest, reading) =>
    strictness[reading.decision] > strictness[strictest.decision] ? reading : strictest,
  );
}
