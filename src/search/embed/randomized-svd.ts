import { seededRandom } from './seeded-random.js';
import { multiplySparseDense, multiplySparseTransposeDense, type SparseMatrix } from './sparse-matrix.js';
import { symmetricEigen } from './symmetric-eigen.js';

/**
 * A rank-k truncated SVD of X (rows × columns), kept in the factored form the embedder needs:
 * x · V_k = (x · basis) · mixing, where basis = Xᵀ Q (columns × width) and mixing = W_k Σ_k⁻¹ (width × rank).
 * Storing the two factors avoids the columns × width × rank product at fit time.
 */
export interface TruncatedSvd {
  rank: number;
  /** Width of the sketch (rank + oversampling, capped by the matrix size). */
  width: number;
  /** columns × width, row-major. */
  basis: Float32Array;
  /** width × rank, row-major. */
  mixing: Float32Array;
  /** The `rank` singular values, descending. */
  singularValues: Float64Array;
  /** Rows of X projected: X · V_k (rows × rank, row-major), free by-product of the fit. */
  rowProjections: Float32Array;
}

/** Options of {@link randomizedSvd}. */
export interface RandomizedSvdOptions {
  oversampling?: number;
  powerIterations?: number;
  seed?: number;
}

/**
 * Halko–Martinsson–Tropp randomized SVD with subspace (power) iterations, in plain typed arrays:
 * Q = orth(X Ω), Q = orth(X Xᵀ Q) a few times, then the small Gram matrix Qᵀ X Xᵀ Q is diagonalised.
 */
export function randomizedSvd(
  matrix: SparseMatrix,
  rank: number,
  options: RandomizedSvdOptions = {},
): TruncatedSvd {
  const oversampling = options.oversampling ?? 10;
  const powerIterations = options.powerIterations ?? 1;
  const random = seededRandom(options.seed ?? 42);
  const width = Math.max(1, Math.min(rank + oversampling, matrix.rows, matrix.columns));
  const effectiveRank = Math.max(1, Math.min(rank, width));

  const omega = new Float64Array(matrix.columns * width);
  // Uniform entries sketch as well as Gaussian ones (Halko et al. §4.6) and cost a fraction to draw.
  for (let index = 0; index < omega.length; index++) omega[index] = random.next() * 2 - 1;
  let q = orthonormaliseColumns(multiplySparseDense(matrix, omega, width), matrix.rows, width);
  for (let iteration = 0; iteration < powerIterations; iteration++) {
    const z = multiplySparseTransposeDense(matrix, q, width);
    q = orthonormaliseColumns(multiplySparseDense(matrix, z, width), matrix.rows, width);
  }
  const basis = multiplySparseTransposeDense(matrix, q, width);
  const sketch = multiplySparseDense(matrix, basis, width);
  const gram = new Float64Array(width * width);
  for (let row = 0; row < matrix.rows; row++) {
    const offset = row * width;
    for (let left = 0; left < width; left++) {
      const qValue = q[offset + left] as number;
      if (qValue === 0) continue;
      const gramRow = left * width;
      for (let right = 0; right < width; right++) {
        gram[gramRow + right] =
          (gram[gramRow + right] as number) + qValue * (sketch[offset + right] as number);
      }
    }
  }
  symmetrise(gram, width);
  const { values, vectors } = symmetricEigen(gram, width);
  const singularValues = new Float64Array(effectiveRank);
  const mixing = new Float32Array(width * effectiveRank);
  const largest = Math.sqrt(Math.max(values[0] as number, 0));
  for (let component = 0; component < effectiveRank; component++) {
    const sigma = Math.sqrt(Math.max(values[component] as number, 0));
    singularValues[component] = sigma;
    if (sigma <= largest * 1e-9 || sigma === 0) continue;
    for (let index = 0; index < width; index++) {
      mixing[index * effectiveRank + component] = (vectors[index * width + component] as number) / sigma;
    }
  }
  const rowProjections = new Float32Array(matrix.rows * effectiveRank);
  for (let row = 0; row < matrix.rows; row++) {
    projectDense(sketch, row * width, width, mixing, effectiveRank, rowProjections, row * effectiveRank);
  }
  return {
    rank: effectiveRank,
    width,
    basis: Float32Array.from(basis),
    mixing,
    singularValues,
    rowProjections,
  };
}

/** out[at..at+rank) = source[from..from+width) · mixing. */
export function projectDense(
  source: ArrayLike<number>,
  from: number,
  width: number,
  mixing: Float32Array,
  rank: number,
  out: Float32Array,
  at: number,
): void {
  for (let component = 0; component < rank; component++) out[at + component] = 0;
  for (let index = 0; index < width; index++) {
    const value = source[from + index] as number;
    if (value === 0) continue;
    const mixingRow = index * rank;
    for (let component = 0; component < rank; component++) {
      out[at + component] =
        (out[at + component] as number) + value * (mixing[mixingRow + component] as number);
    }
  }
}

function symmetrise(matrix: Float64Array, n: number): void {
  for (let row = 0; row < n; row++) {
    for (let column = row + 1; column < n; column++) {
      const mean = ((matrix[row * n + column] as number) + (matrix[column * n + row] as number)) / 2;
      matrix[row * n + column] = mean;
      matrix[column * n + row] = mean;
    }
  }
}

/**
 * Modified Gram–Schmidt on the columns of a row-major rows × width matrix, done twice for numerical safety.
 * Columns that vanish (rank deficiency: fewer documents than the sketch width) become zero.
 */
export function orthonormaliseColumns(matrix: Float64Array, rows: number, width: number): Float64Array {
  for (let pass = 0; pass < 2; pass++) {
    const dots = new Float64Array(width);
    for (let column = 0; column < width; column++) {
      let norm = 0;
      for (let row = 0; row < rows; row++) norm += (matrix[row * width + column] as number) ** 2;
      norm = Math.sqrt(norm);
      if (norm < 1e-10) {
        for (let row = 0; row < rows; row++) matrix[row * width + column] = 0;
        continue;
      }
      for (let row = 0; row < rows; row++)
        matrix[row * width + column] = (matrix[row * width + column] as number) / norm;
      dots.fill(0);
      for (let row = 0; row < rows; row++) {
        const offset = row * width;
        const value = matrix[offset + column] as number;
        if (value === 0) continue;
        for (let other = column + 1; other < width; other++) {
          dots[other] = (dots[other] as number) + value * (matrix[offset + other] as number);
        }
      }
      for (let row = 0; row < rows; row++) {
        const offset = row * width;
        const value = matrix[offset + column] as number;
        if (value === 0) continue;
        for (let other = column + 1; other < width; other++) {
          matrix[offset + other] = (matrix[offset + other] as number) - (dots[other] as number) * value;
        }
      }
    }
  }
  return matrix;
}
