import { z } from 'zod';
import { truncate } from './slack-mrkdwn.js';

/** Slack's limit on a button's value. */
const MAX_VALUE_CHARS = 2000;

/** Value of a "Show clause" button: which clause to open. */
export const showClauseValueSchema = z.object({
  /** Document id. */
  document: z.string().min(1),
  /** Clause id as printed. */
  clause: z.string().min(1),
});

/** Value of an "Ask the Monitoring Officer" button: the question to hand over. */
export const askMonitoringOfficerValueSchema = z.object({
  /** The question as the pipeline read it (cleaned), cut to fit a button value. */
  question: z.string().min(1),
  /** Question-log id of the answer the button was on. */
  questionId: z.string().optional(),
});

/** Value of a 👍/👎 button: the question-log id of the answer. */
export const feedbackValueSchema = z.string().min(1);

/** Value of a case card button: the case reference. */
export const caseReferenceValueSchema = z.string().regex(/^[A-Za-z0-9-]{3,40}$/, 'a case reference');

/** Serialises a "Show clause" value. */
export function showClauseValue(value: z.infer<typeof showClauseValueSchema>): string {
  return JSON.stringify(value);
}

/** Serialises an "Ask the Monitoring Officer" value, cutting the question so the whole value fits Slack's limit. */
export function askMonitoringOfficerValue(value: z.infer<typeof askMonitoringOfficerValueSchema>): string {
  const room = MAX_VALUE_CHARS - JSON.stringify({ ...value, question: '' }).length - 50;
  return JSON.stringify({ ...value, question: truncate(value.question, room) });
}

/** Parses a JSON button value with `schema`; null when it is not valid (a forged or stale payload). */
export function parseButtonValue<T>(schema: z.ZodType<T>, raw: string | undefined): T | null {
  if (raw === undefined) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
