import { z } from 'zod';

/** One citation as the model returns it; checked against the supplied clauses before anyone sees it. */
export const modelCitationSchema = z.object({
  /** Document id exactly as supplied (`part5c`). */
  document: z.string().describe('The document id of the supplied clause, exactly as given'),
  /** Clause id exactly as supplied (`6.2`, `2.2(a)`). */
  clause: z.string().describe('The clause id of the supplied clause, exactly as given'),
  /** Words copied from that clause's text. */
  quote: z.string().describe('A verbatim quote copied word for word from the text of that clause'),
});

/**
 * What the answering model must return (sent as the tool's parameters with `method: 'functionCalling'`). The
 * decision may only be `answer` or stricter: the model is never asked about out-of-scope questions.
 */
export const modelAnswerSchema = z
  .object({
    /** `answer` when the clauses answer it; `escalate` when they do not or a judgement is needed; `refuse` for political advice. */
    decision: z
      .enum(['answer', 'escalate', 'refuse'])
      .describe(
        'answer: the clauses answer the question; escalate: they do not, or the Monitoring Officer must judge; refuse: political advice',
      ),
    /** One or two short sentences in UK English. */
    answer: z
      .string()
      .describe('One or two short, plain sentences in UK English, citing document and clause ids'),
    /** Most relevant first. */
    citations: z
      .array(modelCitationSchema)
      .describe('Every clause the answer relies on, most relevant first, each with a verbatim quote'),
  })
  .describe('The answer to the question, from the supplied clauses only');

/** The answering model's output. */
export type ModelAnswer = z.infer<typeof modelAnswerSchema>;

/** What the condensing model must return. */
export const condensedQuestionSchema = z
  .object({
    /** The follow-up rewritten to stand on its own. */
    question: z.string().describe('The latest message rewritten as one standalone question'),
  })
  .describe('The standalone question');

/**
 * A zod schema as the JSON Schema of a tool named `name`, descriptions included. @langchain/core 1.4 converts zod
 * schemas with its own copy of zod (4.6), which cannot see descriptions registered by ours (4.1), so the tool would
 * reach the model without them; converting here keeps them. `$schema` is left out for servers that reject it.
 */
export function toolParameters(schema: z.ZodType, name: string): Record<string, unknown> {
  const { $schema: _dialect, ...parameters } = z.toJSONSchema(schema) as Record<string, unknown>;
  return { ...parameters, title: name };
}
