import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { decisionSchema } from '../answer/index.js';
import { ProtocolBotError } from '../errors.js';

/** One labelled question of an eval file (DESIGN.md "Eval file"); unknown keys are rejected to catch typos. */
export const evalCaseSchema = z.strictObject({
  /** Unique within its file: `g001`, `r012`, `t044`. */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and hyphens, starting with a letter'),
  /** The message exactly as a councillor or officer would type it. */
  question: z.string().min(1, 'must not be empty'),
  /** Earlier messages of the same thread, oldest first (for follow-ups). */
  history: z.array(z.string().min(1)).optional(),
  /** Decisions counted as correct; the first is the one the case mainly tests. */
  accept: z
    .array(decisionSchema)
    .min(1, 'at least one decision')
    .refine((decisions) => new Set(decisions).size === decisions.length, 'decisions must not repeat'),
  /** Acceptable (document, clause) citations; clause `null` means any clause of that document. */
  cite: z.array(z.tuple([z.string().min(1), z.string().min(1).nullable()])).default([]),
  /** For answers: the text must contain at least one of these phrases (case-insensitive). */
  include: z.array(z.string().min(1)).default([]),
  /** Why the case is labelled as it is, for the reader of the file; never shown to the bot. */
  note: z.string().optional(),
});

/** One labelled question, after parsing. */
export type EvalCase = z.infer<typeof evalCaseSchema>;

/** Where a bad line is: `evals/dev/golden.jsonl:12: accept.0: Invalid option …`. */
function describeIssue(source: string, line: number, error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return `${source}:${line}: ${where}${issue?.message ?? 'invalid'}`;
}

/**
 * Parses the text of a JSON-lines eval file. Blank lines are skipped. Every bad line (not JSON, wrong shape,
 * repeated id) is reported as `file:line: problem` in one `input_invalid` error, so a file is fixed in one pass.
 */
export function parseEvalCases(text: string, source: string): EvalCase[] {
  const cases: EvalCase[] = [];
  const problems: string[] = [];
  const firstLineOfId = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (cause) {
      problems.push(`${source}:${line}: not valid JSON (${(cause as Error).message})`);
      return;
    }
    const parsed = evalCaseSchema.safeParse(json);
    if (!parsed.success) {
      problems.push(describeIssue(source, line, parsed.error));
      return;
    }
    const earlier = firstLineOfId.get(parsed.data.id);
    if (earlier !== undefined) {
      problems.push(`${source}:${line}: id ${parsed.data.id} already used on line ${earlier}`);
      return;
    }
    firstLineOfId.set(parsed.data.id, line);
    cases.push(parsed.data);
  });
  if (problems.length > 0) {
    throw new ProtocolBotError(
      'input_invalid',
      `${problems.length} bad eval line(s):\n${problems.join('\n')}`,
    );
  }
  if (cases.length === 0) throw new ProtocolBotError('input_invalid', `${source}: no eval cases`);
  return cases;
}

/** Reads and parses one eval file; a missing file is an `input_invalid` error naming it. */
export function loadEvalFile(file: string): EvalCase[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ProtocolBotError(
      'input_invalid',
      `${file}: cannot read eval file (${(cause as Error).message})`,
      {
        cause,
      },
    );
  }
  return parseEvalCases(text, file);
}
