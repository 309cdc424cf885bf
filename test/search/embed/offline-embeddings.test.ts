import { Embeddings } from '@langchain/core/embeddings';
import { describe, expect, it } from 'vitest';
import { OfflineEmbeddings } from '../../../src/search/embed/offline-embeddings.js';
import { randomizedSvd } from '../../../src/search/embed/randomized-svd.js';
import { seededRandom } from '../../../src/search/embed/seeded-random.js';
import { sparseMatrixFromRows } from '../../../src/search/embed/sparse-matrix.js';
import { symmetricEigen } from '../../../src/search/embed/symmetric-eigen.js';
import { fixtureClauses } from '../fixtures.js';

const texts = fixtureClauses().map((clause) => `${clause.headings.join(' ')}\n${clause.text}`);
const cosine = (left: number[], right: number[]) =>
  left.reduce((sum, value, index) => sum + value * (right[index] as number), 0);

describe('OfflineEmbeddings', () => {
  const { embedder, vectors } = OfflineEmbeddings.fit(texts);

  it('is a LangChain Embeddings with unit vectors of the fitted dimension', async () => {
    expect(embedder).toBeInstanceOf(Embeddings);
    const [first] = await embedder.embedDocuments([texts[0] as string]);
    expect(first).toHaveLength(embedder.dimension);
    expect(Math.hypot(...(first as number[]))).toBeCloseTo(1, 5);
    expect(vectors).toHaveLength(texts.length * embedder.dimension);
  });

  it('caps the dimension by the corpus size', () => {
    expect(embedder.dimension).toBeLessThanOrEqual(Math.floor(texts.length / 2));
  });

  it('embeds a fitted text the same way at query time as at fit time', async () => {
    const query = await embedder.embedQuery(texts[3] as string);
    const stored = Array.from(vectors.subarray(3 * embedder.dimension, 4 * embedder.dimension));
    expect(cosine(query, stored)).toBeCloseTo(1, 4);
  });

  it('is deterministic: the same corpus fits the same vectors', () => {
    const again = OfflineEmbeddings.fit(texts);
    expect(Array.from(again.vectors)).toEqual(Array.from(vectors));
  });

  it('places a paraphrase nearer its clause than unrelated clauses', async () => {
    const query = await embedder.embedQuery('how fast must officers answer a cllr e-mail');
    const similarities = texts.map((_, index) =>
      cosine(
        query,
        Array.from(vectors.subarray(index * embedder.dimension, (index + 1) * embedder.dimension)),
      ),
    );
    const best = similarities.indexOf(Math.max(...similarities));
    expect(texts[best]).toContain('replied to within ten working days');
  });

  it('gives a zero vector to text with no known feature', async () => {
    const vector = await embedder.embedQuery('the of and');
    expect(vector.every((value) => value === 0)).toBe(true);
  });

  it('round-trips its fitted state through serialise and restore', async () => {
    const serialised = embedder.serialise();
    const json = JSON.parse(JSON.stringify(serialised.state));
    const restored = OfflineEmbeddings.restore({
      state: json,
      weights: Float32Array.from(serialised.weights),
    });
    expect(restored.identity).toBe(embedder.identity);
    expect(await restored.embedQuery('political group meetings')).toEqual(
      await embedder.embedQuery('political group meetings'),
    );
  });

  it('refuses weights that do not match the state', () => {
    const serialised = embedder.serialise();
    expect(() =>
      OfflineEmbeddings.restore({ state: serialised.state, weights: serialised.weights.subarray(1) }),
    ).toThrow(/expected/);
  });
});

describe('symmetricEigen', () => {
  it('decomposes a symmetric matrix: A v = λ v, unit vectors, values descending', () => {
    const n = 30;
    const random = seededRandom(7);
    const matrix = new Float64Array(n * n);
    for (let row = 0; row < n; row++) {
      for (let column = 0; column <= row; column++) {
        const value = random.next() - 0.5;
        matrix[row * n + column] = value;
        matrix[column * n + row] = value;
      }
    }
    const { values, vectors } = symmetricEigen(matrix, n);
    for (let component = 0; component < n; component++) {
      if (component > 0) expect(values[component]).toBeLessThanOrEqual(values[component - 1] as number);
      let norm = 0;
      for (let row = 0; row < n; row++) {
        let product = 0;
        for (let k = 0; k < n; k++)
          product += (matrix[row * n + k] as number) * (vectors[k * n + component] as number);
        expect(product).toBeCloseTo(
          (values[component] as number) * (vectors[row * n + component] as number),
          9,
        );
        norm += (vectors[row * n + component] as number) ** 2;
      }
      expect(norm).toBeCloseTo(1, 9);
    }
  });
});

describe('randomizedSvd', () => {
  it('recovers the singular values of a low-rank matrix', () => {
    // X = 3·u1·v1ᵀ + 1·u2·v2ᵀ over 6 rows × 5 columns, with orthonormal u and v.
    const u1 = [1, 1, 1, 1, 1, 1].map((value) => value / Math.sqrt(6));
    const u2 = [1, -1, 1, -1, 1, -1].map((value) => value / Math.sqrt(6));
    const v1 = [1, 1, 0, 0, 0];
    const v2 = [0, 0, 1, 0, 0];
    const rows = u1.map((_, row) => {
      const dense = v1.map(
        (_, column) =>
          3 * (u1[row] as number) * (v1[column] as number) + (u2[row] as number) * (v2[column] as number),
      );
      const scale = 1 / Math.sqrt(2);
      const values = dense.map((value, column) => (column < 2 ? value * scale : value));
      const indices = values.map((_, column) => column).filter((column) => values[column] !== 0);
      return {
        indices: Int32Array.from(indices),
        values: Float32Array.from(indices.map((column) => values[column] as number)),
      };
    });
    const svd = randomizedSvd(sparseMatrixFromRows(rows, 5), 2, { powerIterations: 2 });
    expect(svd.singularValues[0]).toBeCloseTo(3, 4);
    expect(svd.singularValues[1]).toBeCloseTo(1, 4);
  });
});
