import hnswlib from 'hnswlib-node';
import { ProtocolBotError } from '../../errors.js';

const { HierarchicalNSW } = hnswlib;

/** One neighbour found by the store. */
export interface VectorMatch {
  /** The label given when the vector was added (the clause's position). */
  label: number;
  /** Inner product of the unit vectors, i.e. cosine similarity. */
  similarity: number;
}

/** Graph parameters: at 100,000 vectors recall@10 was 0.94 at ef = 64, 0.97 at 128, 0.99 at 256 (npm run bench). */
export const hnswParameters = { m: 16, efConstruction: 200, efSearch: 256, seed: 100 };

/**
 * Approximate nearest neighbours over unit vectors with hnswlib's HNSW graph (inner-product space, so the score
 * is the cosine). Grows its capacity when full, answers k larger than the count, and persists to one file.
 */
export class HnswVectorStore {
  private constructor(
    private readonly index: InstanceType<typeof HierarchicalNSW>,
    readonly dimension: number,
  ) {}

  /** An empty store with room for `capacity` vectors (it grows past that). */
  static create(dimension: number, capacity = 1024): HnswVectorStore {
    const index = new HierarchicalNSW('ip', dimension);
    index.initIndex(
      Math.max(1, capacity),
      hnswParameters.m,
      hnswParameters.efConstruction,
      hnswParameters.seed,
    );
    index.setEf(hnswParameters.efSearch);
    return new HnswVectorStore(index, dimension);
  }

  /** Reads a store written by {@link save}; a missing, truncated or mismatched file throws `index_corrupt`. */
  static load(file: string, dimension: number): HnswVectorStore {
    const index = new HierarchicalNSW('ip', dimension);
    try {
      index.readIndexSync(file);
    } catch (cause) {
      throw new ProtocolBotError(
        'index_corrupt',
        `${file}: cannot read the vector index (${String(cause)})`,
        {
          cause,
        },
      );
    }
    if (index.getNumDimensions() !== dimension) {
      throw new ProtocolBotError(
        'index_corrupt',
        `${file}: vector index has ${index.getNumDimensions()} dimensions, expected ${dimension}`,
      );
    }
    index.setEf(hnswParameters.efSearch);
    return new HnswVectorStore(index, dimension);
  }

  /** Number of vectors stored. */
  get count(): number {
    return this.index.getCurrentCount();
  }

  /** Adds a unit vector under `label`, doubling the capacity when the graph is full. */
  add(vector: ArrayLike<number>, label: number): void {
    if (vector.length !== this.dimension) {
      throw new ProtocolBotError(
        'index_build_failed',
        `Vector of ${vector.length} dimensions added to a ${this.dimension}-dimension store`,
      );
    }
    if (this.index.getCurrentCount() >= this.index.getMaxElements()) {
      this.index.resizeIndex(Math.max(1, this.index.getMaxElements() * 2));
    }
    this.index.addPoint(Array.from(vector), label);
  }

  /**
   * The `k` nearest vectors, most similar first; fewer when the store holds fewer. `ef` (the search breadth, at
   * least `k`) trades time for recall; the default is `hnswParameters.efSearch`.
   */
  search(vector: ArrayLike<number>, k: number, ef = hnswParameters.efSearch): VectorMatch[] {
    const count = this.index.getCurrentCount();
    const wanted = Math.min(k, count);
    if (wanted <= 0) return [];
    this.index.setEf(Math.max(ef, wanted));
    const { distances, neighbors } = this.index.searchKnn(Array.from(vector), wanted);
    return neighbors
      .map((label, position) => ({ label, similarity: 1 - (distances[position] as number) }))
      .sort((left, right) => right.similarity - left.similarity || left.label - right.label);
  }

  /** Writes the graph to `file` (callers write to a temporary name and rename). */
  save(file: string): void {
    this.index.writeIndexSync(file);
  }
}
