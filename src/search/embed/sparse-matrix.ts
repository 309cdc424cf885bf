/** A sparse matrix in compressed-row form (rows are documents, columns are features). */
export interface SparseMatrix {
  rows: number;
  columns: number;
  /** Row `r` owns entries `rowStarts[r]` … `rowStarts[r + 1] - 1`. */
  rowStarts: Int32Array;
  columnIndices: Int32Array;
  values: Float32Array;
}

/** One sparse row: feature indices and their values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/** Stacks sparse rows into a compressed-row matrix. */
export function sparseMatrixFromRows(rows: readonly SparseVector[], columns: number): SparseMatrix {
  let total = 0;
  for (const row of rows) total += row.indices.length;
  const rowStarts = new Int32Array(rows.length + 1);
  const columnIndices = new Int32Array(total);
  const values = new Float32Array(total);
  let offset = 0;
  rows.forEach((row, index) => {
    rowStarts[index] = offset;
    columnIndices.set(row.indices, offset);
    values.set(row.values, offset);
    offset += row.indices.length;
  });
  rowStarts[rows.length] = offset;
  return { rows: rows.length, columns, rowStarts, columnIndices, values };
}

/** X · D for a dense row-major D (columns × width); returns rows × width, row-major. */
export function multiplySparseDense(matrix: SparseMatrix, dense: Float64Array, width: number): Float64Array {
  const result = new Float64Array(matrix.rows * width);
  const { rowStarts, columnIndices, values } = matrix;
  for (let row = 0; row < matrix.rows; row++) {
    const out = row * width;
    for (let entry = rowStarts[row] as number; entry < (rowStarts[row + 1] as number); entry++) {
      const value = values[entry] as number;
      const from = (columnIndices[entry] as number) * width;
      for (let column = 0; column < width; column++) {
        result[out + column] = (result[out + column] as number) + value * (dense[from + column] as number);
      }
    }
  }
  return result;
}

/** Xᵀ · D for a dense row-major D (rows × width); returns columns × width, row-major. */
export function multiplySparseTransposeDense(
  matrix: SparseMatrix,
  dense: Float64Array,
  width: number,
): Float64Array {
  const result = new Float64Array(matrix.columns * width);
  const { rowStarts, columnIndices, values } = matrix;
  for (let row = 0; row < matrix.rows; row++) {
    const from = row * width;
    for (let entry = rowStarts[row] as number; entry < (rowStarts[row + 1] as number); entry++) {
      const value = values[entry] as number;
      const out = (columnIndices[entry] as number) * width;
      for (let column = 0; column < width; column++) {
        result[out + column] = (result[out + column] as number) + value * (dense[from + column] as number);
      }
    }
  }
  return result;
}
