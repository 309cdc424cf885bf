/** Unit vectors stored compactly: each row as int8 with its own scale, a quarter of float32's size. */
export interface Int8Rows {
  /** Row `r` is `scales[r] × its int8 values`. */
  scales: number[];
  /** The int8 values, row-major, base64. */
  vectors: string;
}

/** Packs equal-length rows (see {@link Int8Rows}). */
export function packInt8Rows(rows: readonly Float32Array[]): Int8Rows {
  const dimension = rows[0]?.length ?? 0;
  const bytes = new Int8Array(rows.length * dimension);
  const scales = rows.map((vector, row) => {
    const largest = vector.reduce((most, value) => Math.max(most, Math.abs(value)), 0);
    const scale = largest / 127;
    vector.forEach((value, column) => {
      bytes[row * dimension + column] = scale > 0 ? Math.round(value / scale) : 0;
    });
    return Number(scale.toPrecision(7));
  });
  return {
    scales,
    vectors: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  };
}

/** The int8 values of packed rows (multiply row `r` by `scales[r]` for its vector). */
export function unpackInt8Rows(vectors: string): Int8Array {
  const buffer = Buffer.from(vectors, 'base64');
  return new Int8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
