import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ProtocolBotError } from '../errors.js';

/** One document of the corpus, as declared in `corpus/manifest.json`. */
export const documentMetaSchema = z.object({
  /** Stable id used in citations and evals (`part5c`, `swale-draft-protocol`). */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
  /** Text file, relative to the manifest's folder. */
  file: z.string().min(1),
  /** Title shown with every citation. */
  title: z.string().min(1),
  /** Short name used in sentences ("the Part 5C protocol"); defaults to the title. */
  shortTitle: z.string().optional(),
  /** The council the document belongs to; documents of different councils may disagree. */
  council: z.string().min(1),
  /** protocol, agenda, report, … */
  kind: z.string().min(1),
  /** `draft` documents are never presented as adopted policy. */
  status: z.enum(['adopted', 'draft', 'published']),
  /** Date adopted (YYYY-MM-DD). */
  adopted: z.string().optional(),
  /** Version as printed. */
  version: z.string().optional(),
  /** Month (YYYY-MM) or day (YYYY-MM-DD) the document was due for review; past it, answers warn. */
  reviewDue: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'YYYY-MM or YYYY-MM-DD')
    .optional(),
  /** Publication or meeting date (YYYY-MM-DD). */
  date: z.string().optional(),
  /** Monitoring Officer named in the document, if any. */
  monitoringOfficer: z.string().optional(),
  /** Where the text came from (for provenance only). */
  source: z.object({ file: z.string(), lines: z.tuple([z.number(), z.number()]) }).optional(),
});

/** Metadata of one corpus document. */
export type DocumentMeta = z.infer<typeof documentMetaSchema>;

/** The whole manifest. */
export const manifestSchema = z.object({
  documents: z.array(documentMetaSchema).min(1, 'at least one document'),
});

/** A document with its text loaded. */
export interface CorpusDocument {
  meta: DocumentMeta;
  text: string;
}

/**
 * Reads `manifest.json` and every document it lists from `corpusDir`. Errors name the file and the entry at fault.
 */
export function loadCorpus(corpusDir: string): CorpusDocument[] {
  const manifestPath = path.join(corpusDir, 'manifest.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ProtocolBotError(
      missing ? 'corpus_missing' : 'corpus_invalid',
      missing
        ? `${manifestPath}: corpus manifest not found`
        : `${manifestPath}: not valid JSON (${(cause as Error).message})`,
      { cause },
    );
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(root)';
    throw new ProtocolBotError('corpus_invalid', `${manifestPath}: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  const seen = new Set<string>();
  return parsed.data.documents.map((meta, index) => {
    if (seen.has(meta.id)) {
      throw new ProtocolBotError(
        'corpus_invalid',
        `${manifestPath}: documents.${index}.id: duplicate id "${meta.id}"`,
      );
    }
    seen.add(meta.id);
    const file = path.resolve(corpusDir, meta.file);
    const inside = path.relative(path.resolve(corpusDir), file);
    if (inside === '' || inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) {
      // The manifest must not make the bot read, index and quote files elsewhere (`../../etc/passwd`).
      throw new ProtocolBotError(
        'corpus_invalid',
        `${manifestPath}: documents.${index}.file: "${meta.file}" of document "${meta.id}" is outside the corpus folder ${path.resolve(corpusDir)}`,
      );
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (cause) {
      throw new ProtocolBotError(
        'corpus_missing',
        `${file}: cannot read document "${meta.id}" (${(cause as Error).message})`,
        { cause },
      );
    }
    if (text.includes('\u0000')) {
      throw new ProtocolBotError('corpus_invalid', `${file}: document "${meta.id}" is binary, not text`);
    }
    if (text.trim() === '') {
      throw new ProtocolBotError('corpus_invalid', `${file}: document "${meta.id}" is empty`);
    }
    return { meta, text };
  });
}
