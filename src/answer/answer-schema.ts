import { z } from 'zod';

/** The four ways a question can end (DESIGN.md). */
export const decisionSchema = z.enum(['answer', 'refuse', 'escalate', 'out_of_scope']);

/** One of the four decisions. */
export type Decision = z.infer<typeof decisionSchema>;

/** A quoted, cited clause. */
export const citationSchema = z.object({
  /** Document id from the corpus manifest. */
  document: z.string(),
  /** Clause id as printed (`6.2`, `2.2(a)`), or null when the document has no usable number. */
  clause: z.string().nullable(),
  /** Document title. */
  title: z.string(),
  /** Document status: adopted, draft or published. */
  status: z.string(),
  /** Verbatim text from the clause. */
  quote: z.string(),
});

/** A quoted, cited clause. */
export type Citation = z.infer<typeof citationSchema>;

/** What an escalation hands to the Monitoring Officer; extra fields are allowed by the contract. */
export const handoffSchema = z
  .object({
    /** Why the question goes to the Monitoring Officer, in a sentence the asker can read. */
    reason: z.string(),
    /** Policy topic id (`bullying`, `interests`, `low_confidence`, …). */
    topic: z.string().optional(),
    /** Sensitive cases keep their details out of public channels. */
    sensitive: z.boolean().optional(),
    /** Case reference (`MO-2026-0001`) once a case has been opened. */
    reference: z.string().optional(),
    /** Date (YYYY-MM-DD) a reply is due, in working days. */
    dueDate: z.string().optional(),
    /** Who the case went to (Monitoring Officer or deputy). */
    assignee: z.string().optional(),
  })
  .passthrough();

/** The handoff part of an escalation. */
export type Handoff = z.infer<typeof handoffSchema>;

/** The answer every entry point returns (DESIGN.md contract). */
export const answerSchema = z.object({
  /** The question as asked (after normalisation). */
  question: z.string(),
  /** Exactly one decision. */
  decision: decisionSchema,
  /** The reply for a person: direct answer, quoted clauses, warnings. */
  text: z.string(),
  /** Most relevant first. */
  citations: z.array(citationSchema),
  /** Present only for escalations. */
  handoff: handoffSchema.nullable(),
});

/** The answer every entry point returns. */
export type Answer = z.infer<typeof answerSchema>;
