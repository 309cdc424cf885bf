import { existsSync, readFileSync } from 'node:fs';
import type { z } from 'zod';
import { ProtocolBotError } from './errors.js';

/**
 * Reads a model file the bot ships or `protocol-bot train` writes, checked by `schema`: a missing file is
 * `model_missing` with `whenMissing` (what it is and what to do), a damaged one `model_invalid` naming the file and
 * the first field at fault.
 */
export function readModelFile<Schema extends z.ZodType>(
  file: string,
  schema: Schema,
  whenMissing: string,
): z.infer<Schema> {
  if (!existsSync(file)) throw new ProtocolBotError('model_missing', `${file}: ${whenMissing}`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new ProtocolBotError('model_invalid', `${file}: not valid JSON (${String(cause)})`, { cause });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProtocolBotError(
      'model_invalid',
      `${file}: ${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}
