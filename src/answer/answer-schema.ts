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

/** A warning a reader must see with the answer, e.g. that a cited document is a draft or past its review date. */
export const warningSchema = z.object({
  /** Document id from the corpus manifest: the document the warning is about. */
  document: z.string(),
  /** `draft` (not adopted policy) or `review_overdue` (past its review date); other kinds may be added. */
  kind: z.union([z.enum(['draft', 'review_overdue']), z.string()]),
  /** One sentence for a reader, naming the document. */
  text: z.string(),
});

/** A warning about a cited document. */
export type AnswerWarning = z.infer<typeof warningSchema>;

/** The answer every entry point returns (DESIGN.md contract). */
export const answerSchema = z.object({
  /** The question as asked (after normalisation). */
  question: z.string(),
  /** Exactly one decision. */
  decision: decisionSchema,
  /**
   * The reply for a person: direct answer, quoted clauses, then each warning on its own `⚠` line (for the
   * terminal; renderers that draw `warnings` themselves take the text without them, see `answerBody`).
   */
  text: z.string(),
  /** Most relevant first. */
  citations: z.array(citationSchema),
  /** Present only for escalations. */
  handoff: handoffSchema.nullable(),
  /** Draft and out-of-date warnings for the cited documents, once per document and kind, in citation order. */
  warnings: z.array(warningSchema),
  /**
   * True when a language model wrote part of `text` (Teams labels such messages “AI generated”); false for
   * extractive answers quoted from the documents and for the bot's fixed replies.
   */
  generated: z.boolean(),
});

/** The answer every entry point returns. */
export type Answer = z.infer<typeof answerSchema>;
