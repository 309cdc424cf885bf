import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Bytes of a record's key (SHA-256 of the text) and of its check (a SHA-256 prefix over key and vector). */
const keyBytes = 32;
const checkBytes = 8;

/**
 * Vectors of texts the sentence encoder has already embedded, kept in one append-only file per encoder id. Encoding
 * the shipped corpus takes tens of seconds on one core, so an index rebuilt for a changed clause (or in a fresh
 * DATA_DIR, as every test does) encodes only the texts it has not seen. Each record is the text's SHA-256, the
 * vector, and a check over both; a record that fails its check or is cut short (a crash mid-write) is ignored, so
 * the cache can only ever cost a re-encode, never a wrong vector. Appends are single writes, so processes sharing
 * the file (parallel test workers) do not interleave records.
 */
export class EncoderVectorCache {
  private readonly vectors = new Map<string, Float32Array>();
  private readonly recordBytes: number;

  private constructor(
    readonly file: string,
    private readonly dimension: number,
  ) {
    this.recordBytes = keyBytes + dimension * 4 + checkBytes;
  }

  /** Opens (or starts) the cache file for vectors of `dimension`; an unreadable file counts as empty. */
  static open(file: string, dimension: number): EncoderVectorCache {
    const cache = new EncoderVectorCache(file, dimension);
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch {
      return cache;
    }
    for (let offset = 0; offset + cache.recordBytes <= data.byteLength; offset += cache.recordBytes) {
      const record = data.subarray(offset, offset + cache.recordBytes);
      const body = record.subarray(0, keyBytes + dimension * 4);
      if (!checkOf(body).equals(record.subarray(keyBytes + dimension * 4))) continue;
      const vector = new Float32Array(dimension);
      new Uint8Array(vector.buffer).set(body.subarray(keyBytes));
      cache.vectors.set(body.subarray(0, keyBytes).toString('hex'), vector);
    }
    return cache;
  }

  /** Number of vectors held. */
  get size(): number {
    return this.vectors.size;
  }

  /** The cached vector of `text`, if any. */
  get(text: string): Float32Array | undefined {
    return this.vectors.get(keyOf(text).toString('hex'));
  }

  /** Adds vectors (one file append); a cache that cannot be written is only a slower next build, so it returns false. */
  add(entries: ReadonlyArray<readonly [text: string, vector: Float32Array]>): boolean {
    if (entries.length === 0) return true;
    const buffer = Buffer.alloc(entries.length * this.recordBytes);
    entries.forEach(([text, vector], index) => {
      const offset = index * this.recordBytes;
      const key = keyOf(text);
      key.copy(buffer, offset);
      Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).copy(buffer, offset + keyBytes);
      checkOf(buffer.subarray(offset, offset + keyBytes + this.dimension * 4)).copy(
        buffer,
        offset + keyBytes + this.dimension * 4,
      );
      this.vectors.set(key.toString('hex'), vector);
    });
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      appendFileSync(this.file, buffer);
      return true;
    } catch {
      return false;
    }
  }
}

function keyOf(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function checkOf(body: Uint8Array): Buffer {
  return createHash('sha256').update(body).digest().subarray(0, checkBytes);
}
