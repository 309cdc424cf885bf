/** Eigen-decomposition of a small symmetric matrix: values descending, vectors as columns (row-major n × n). */
export interface SymmetricEigen {
  values: Float64Array;
  vectors: Float64Array;
}

/**
 * Householder tridiagonalisation followed by the implicit QL algorithm (the classic tred2/tql2 pair, as in JAMA),
 * for the ≤ 300 × 300 Gram matrices of the randomized SVD. `matrix` (row-major, symmetric) is not modified.
 */
export function symmetricEigen(matrix: Float64Array, n: number): SymmetricEigen {
  const v: Float64Array[] = Array.from({ length: n }, (_, row) =>
    Float64Array.from(matrix.subarray(row * n, row * n + n)),
  );
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  if (n > 0) {
    tridiagonalise(v, d, e, n);
    diagonalise(v, d, e, n);
  }
  const order = Array.from({ length: n }, (_, index) => index).sort(
    (left, right) => (d[right] as number) - (d[left] as number),
  );
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((from, to) => {
    values[to] = d[from] as number;
    for (let row = 0; row < n; row++) vectors[row * n + to] = (v[row] as Float64Array)[from] as number;
  });
  return { values, vectors };
}

function tridiagonalise(v: Float64Array[], d: Float64Array, e: Float64Array, n: number): void {
  const row = (index: number) => v[index] as Float64Array;
  for (let j = 0; j < n; j++) d[j] = row(n - 1)[j] as number;
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k] as number);
    if (scale === 0) {
      e[i] = d[i - 1] as number;
      for (let j = 0; j < i; j++) {
        d[j] = row(i - 1)[j] as number;
        row(i)[j] = 0;
        row(j)[i] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] = (d[k] as number) / scale;
        h += (d[k] as number) ** 2;
      }
      let f = d[i - 1] as number;
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j] as number;
        row(j)[i] = f;
        g = (e[j] as number) + (row(j)[j] as number) * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += (row(k)[j] as number) * (d[k] as number);
          e[k] = (e[k] as number) + (row(k)[j] as number) * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] = (e[j] as number) / h;
        f += (e[j] as number) * (d[j] as number);
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] = (e[j] as number) - hh * (d[j] as number);
      for (let j = 0; j < i; j++) {
        f = d[j] as number;
        g = e[j] as number;
        for (let k = j; k <= i - 1; k++) {
          row(k)[j] = (row(k)[j] as number) - (f * (e[k] as number) + g * (d[k] as number));
        }
        d[j] = row(i - 1)[j] as number;
        row(i)[j] = 0;
      }
    }
    d[i] = h;
  }
  for (let i = 0; i < n - 1; i++) {
    row(n - 1)[i] = row(i)[i] as number;
    row(i)[i] = 1;
    const h = d[i + 1] as number;
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = (row(k)[i + 1] as number) / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += (row(k)[i + 1] as number) * (row(k)[j] as number);
        for (let k = 0; k <= i; k++) row(k)[j] = (row(k)[j] as number) - g * (d[k] as number);
      }
    }
    for (let k = 0; k <= i; k++) row(k)[i + 1] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = row(n - 1)[j] as number;
    row(n - 1)[j] = 0;
  }
  row(n - 1)[n - 1] = 1;
  e[0] = 0;
}

function diagonalise(v: Float64Array[], d: Float64Array, e: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i] as number;
  e[n - 1] = 0;
  let f = 0;
  let largest = 0;
  const epsilon = 2 ** -52;
  for (let l = 0; l < n; l++) {
    largest = Math.max(largest, Math.abs(d[l] as number) + Math.abs(e[l] as number));
    let m = l;
    while (m < n - 1 && Math.abs(e[m] as number) > epsilon * largest) m++;
    if (m > l) {
      for (let iteration = 0; iteration < 100; iteration++) {
        let g = d[l] as number;
        let p = ((d[l + 1] as number) - g) / (2 * (e[l] as number));
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = (e[l] as number) / (p + r);
        d[l + 1] = (e[l] as number) * (p + r);
        const dl1 = d[l + 1] as number;
        let h = g - (d[l] as number);
        for (let i = l + 2; i < n; i++) d[i] = (d[i] as number) - h;
        f += h;
        p = d[m] as number;
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1] as number;
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * (e[i] as number);
          h = c * p;
          r = Math.hypot(p, e[i] as number);
          e[i + 1] = s * r;
          s = (e[i] as number) / r;
          c = p / r;
          p = c * (d[i] as number) - s * g;
          d[i + 1] = h + s * (c * g + s * (d[i] as number));
          for (let k = 0; k < n; k++) {
            const vk = v[k] as Float64Array;
            h = vk[i + 1] as number;
            vk[i + 1] = s * (vk[i] as number) + c * h;
            vk[i] = c * (vk[i] as number) - s * h;
          }
        }
        p = (-s * s2 * c3 * el1 * (e[l] as number)) / dl1;
        e[l] = s * p;
        d[l] = c * p;
        if (Math.abs(e[l] as number) <= epsilon * largest) break;
      }
    }
    d[l] = (d[l] as number) + f;
    e[l] = 0;
  }
}
