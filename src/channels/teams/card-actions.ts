import { z } from 'zod';

/** Marks our own card data so a submit from any other card is ignored, never misread. */
const owner = 'protocol-bot';

/** "Ask the Monitoring Officer" under an answer: re-run the question as an escalation. */
const askMonitoringOfficerSchema = z.object({
  owner: z.literal(owner),
  action: z.literal('ask_monitoring_officer'),
  /** The question the answer was for. */
  question: z.string().min(1).max(4_000),
});

/** Claim, answer or close on a case notice card (Monitoring Officer only). */
const caseActionSchema = z.object({
  owner: z.literal(owner),
  action: z.enum(['case_claim', 'case_answer', 'case_close']),
  /** Case reference, `MO-2026-0001`. */
  reference: z.string().min(1).max(64),
  /** The Monitoring Officer's answer, from the card's Input.Text (`case_answer` only). */
  answerText: z.string().max(10_000).optional(),
  /** The clauses that answer the case, from the card's second Input.Text (optional; the bot learns from them). */
  answerClauses: z.string().max(2_000).optional(),
});

/** Every Action.Submit value our cards send back. */
export const cardActionSchema = z.discriminatedUnion('action', [
  askMonitoringOfficerSchema,
  caseActionSchema,
]);

/** A parsed Action.Submit value. */
export type CardAction = z.infer<typeof cardActionSchema>;

/** Id of the Input.Text on the case card whose value arrives as `answerText`. */
export const caseAnswerInputId = 'answerText';

/** Id of the Input.Text on the case card whose value arrives as `answerClauses`. */
export const caseClausesInputId = 'answerClauses';

/** The data of the "Ask the Monitoring Officer" button. */
export function askMonitoringOfficerAction(question: string): CardAction {
  return { owner, action: 'ask_monitoring_officer', question };
}

/** The data of a case card button. */
export function caseAction(
  action: 'case_claim' | 'case_answer' | 'case_close',
  reference: string,
): CardAction {
  return { owner, action, reference };
}

/** Parses an activity's `value` as one of our card actions; undefined when it is not one. */
export function parseCardAction(value: unknown): CardAction | undefined {
  const parsed = cardActionSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
