import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ProtocolBotError } from '../../errors.js';

/** Bump when the on-disk layout changes. */
export const indexFormatVersion = 1;

/** Names of the files in an index folder. */
export const indexFileNames = {
  meta: 'meta.json',
  vectors: 'vectors.f32',
  graph: 'hnsw.bin',
  embedderState: 'embedder.json',
  embedderWeights: 'embedder.f32',
  sentenceVectors: 'sentence-vectors.f32',
  sentenceOffsets: 'sentence-offsets.i32',
  lexicalTerms: 'lexical-terms.json',
  lexicalPostings: 'lexical-postings.i32',
  lexicalImpacts: 'lexical-impacts.f32',
} as const;

/** `meta.json`: written last, it vouches for every other file with its size and SHA-256. */
export const indexMetaSchema = z.object({
  /** Layout version; another version means rebuild. */
  formatVersion: z.literal(indexFormatVersion),
  /** Hash of corpus, clauses and embedder identity; also the folder name. */
  key: z.string().regex(/^[0-9a-f]{64}$/),
  /** Which embedder made the vectors (`offline:…`, `openai:model@endpoint`, `azure:…`). */
  embedder: z.string().min(1),
  /** Number of clauses (vectors). */
  clauses: z.number().int().nonnegative(),
  /** Vector size. */
  dimension: z.number().int().positive(),
  /** When the index was built (ISO time). */
  builtAt: z.string(),
  /** Milliseconds the build took. */
  buildMs: z.number().nonnegative(),
  /** Every other file of the folder with its byte size and SHA-256. */
  files: z.record(z.string(), z.object({ bytes: z.number().int().nonnegative(), sha256: z.string() })),
});

/** Parsed `meta.json`. */
export type IndexMeta = z.infer<typeof indexMetaSchema>;

/** SHA-256 (hex) of some bytes. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The folder that holds the index with `key` under `dataDir`. */
export function indexFolder(dataDir: string, key: string): string {
  return path.join(dataDir, 'index', key.slice(0, 24));
}

/** Bytes of a Float32Array (little-endian, as the machine stores it). */
export function float32Bytes(values: Float32Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

/** An Int32Array over a file's bytes (copied when the buffer is not 4-byte aligned). */
export function int32FromBytes(bytes: Buffer, file: string): Int32Array {
  const floats = float32FromBytes(bytes, file);
  return new Int32Array(floats.buffer, floats.byteOffset, floats.length);
}

/** A Float32Array over a file's bytes (copied when the buffer is not 4-byte aligned). */
export function float32FromBytes(bytes: Buffer, file: string): Float32Array {
  if (bytes.byteLength % 4 !== 0) {
    throw new ProtocolBotError(
      'index_corrupt',
      `${file}: ${bytes.byteLength} bytes is not a whole number of floats`,
    );
  }
  if (bytes.byteOffset % 4 === 0)
    return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  return new Float32Array(new Uint8Array(bytes).buffer);
}

/**
 * Writes an index folder atomically: every file goes into a fresh temporary folder beside the target, `meta.json`
 * last, then the folder is renamed into place (replacing an older copy). A crash leaves either the old folder or
 * the new one, never a mixture. `writeGraph` writes the HNSW file itself (hnswlib writes to a path).
 */
export function writeIndexFolder(
  folder: string,
  meta: Omit<IndexMeta, 'files'>,
  files: Record<string, Uint8Array | string>,
  writeGraph: (file: string) => void,
): void {
  const parent = path.dirname(folder);
  mkdirSync(parent, { recursive: true });
  const staging = `${folder}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  mkdirSync(staging);
  try {
    const described: IndexMeta['files'] = {};
    for (const [name, data] of Object.entries(files)) {
      writeFileSync(path.join(staging, name), data);
      const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
      described[name] = { bytes, sha256: sha256(data) };
    }
    const graphFile = path.join(staging, indexFileNames.graph);
    writeGraph(graphFile);
    const graph = readFileSync(graphFile);
    described[indexFileNames.graph] = { bytes: graph.byteLength, sha256: sha256(graph) };
    writeFileSync(
      path.join(staging, indexFileNames.meta),
      `${JSON.stringify({ ...meta, files: described }, null, 2)}\n`,
    );
    if (existsSync(folder)) rmSync(folder, { recursive: true, force: true });
    renameSync(staging, folder);
  } catch (cause) {
    rmSync(staging, { recursive: true, force: true });
    throw new ProtocolBotError(
      'index_build_failed',
      `Cannot write the index to ${folder}: ${String(cause)}`,
      {
        cause,
      },
    );
  }
}

/** The verified contents of an index folder. */
export interface IndexFolderContents {
  meta: IndexMeta;
  /** Bytes of each file listed in the meta, checksums verified (the graph is verified but read by hnswlib). */
  read(name: string): Buffer;
  /** Path of a file in the folder. */
  pathOf(name: string): string;
}

/**
 * Reads and verifies an index folder: `meta.json` must parse, match `expectedKey`, and every listed file must
 * exist with the recorded size and SHA-256. Anything else throws `index_corrupt` (`corpus_missing`-free: a missing
 * folder is `index_corrupt` with `cause.code === 'ENOENT'`).
 */
export function readIndexFolder(folder: string, expectedKey: string): IndexFolderContents {
  const metaFile = path.join(folder, indexFileNames.meta);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(metaFile, 'utf8'));
  } catch (cause) {
    throw new ProtocolBotError('index_corrupt', `${metaFile}: cannot read (${String(cause)})`, { cause });
  }
  const parsed = indexMetaSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProtocolBotError('index_corrupt', `${metaFile}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const meta = parsed.data;
  if (meta.key !== expectedKey)
    throw new ProtocolBotError('index_corrupt', `${metaFile}: built for another corpus`);
  const contents = new Map<string, Buffer>();
  for (const [name, expected] of Object.entries(meta.files)) {
    const file = path.join(folder, name);
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch (cause) {
      throw new ProtocolBotError('index_corrupt', `${file}: cannot read (${String(cause)})`, { cause });
    }
    if (data.byteLength !== expected.bytes || sha256(data) !== expected.sha256) {
      throw new ProtocolBotError(
        'index_corrupt',
        `${file}: ${data.byteLength} bytes with a different checksum than recorded (${expected.bytes} bytes); truncated or altered`,
      );
    }
    contents.set(name, data);
  }
  return {
    meta,
    read(name) {
      const data = contents.get(name);
      if (!data)
        throw new ProtocolBotError('index_corrupt', `${path.join(folder, name)}: not part of the index`);
      return data;
    },
    pathOf: (name) => path.join(folder, name),
  };
}

/** True when the folder has no `meta.json` at all (never built), as opposed to a damaged one. */
export function indexFolderMissing(folder: string): boolean {
  return !existsSync(path.join(folder, indexFileNames.meta));
}

/** Removes other index folders (older corpora, abandoned temporary folders) under `DATA_DIR/index`. */
export function removeOtherIndexFolders(folder: string): string[] {
  const parent = path.dirname(folder);
  const keep = path.basename(folder);
  const removed: string[] = [];
  for (const name of readdirSync(parent)) {
    if (name === keep || !/^[0-9a-f]{24}(\.tmp-.*)?$/.test(name)) continue;
    const full = path.join(parent, name);
    // A temporary folder younger than ten minutes may belong to a build running in another process.
    if (name.includes('.tmp-') && Date.now() - statSync(full).mtimeMs < 10 * 60_000) continue;
    rmSync(full, { recursive: true, force: true });
    removed.push(full);
  }
  return removed;
}
