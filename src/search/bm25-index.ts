import { ProtocolBotError } from '../errors.js';
import type { WeightedTerm } from './text/synonym-expansion.js';
import { bigramsOf, terms } from './text/tokenizer.js';

/** The fields of one searchable document. */
export interface LexicalFields {
  /** The clause text. */
  text: string;
  /** The heading path, outermost first. */
  headings: string;
  /** The parent clause's text (the lead-in a sub-item depends on), or ''. */
  context: string;
  /** The document's title, short title and council, so "under Swale's protocol" favours that document. */
  document: string;
}

/** BM25F parameters: per-field weight and length normalisation, one saturation constant. */
export interface Bm25Parameters {
  k1: number;
  fields: Record<keyof LexicalFields, { weight: number; b: number }>;
}

/** Defaults: the text counts most; headings are short and repeated, so they get little length normalisation. */
export const defaultBm25Parameters: Bm25Parameters = {
  k1: 1.2,
  fields: {
    text: { weight: 1, b: 0.75 },
    headings: { weight: 0.6, b: 0.3 },
    context: { weight: 0.3, b: 0.75 },
    document: { weight: 0.3, b: 0 },
  },
};

const fieldNames = ['text', 'headings', 'context', 'document'] as const;

/** What a field indexes of its terms: the clause text also its adjacent pairs (see `build`). */
export function indexedTerms(field: keyof LexicalFields, fieldTerms: string[]): string[] {
  return field === 'text' ? [...fieldTerms, ...bigramsOf(fieldTerms)] : fieldTerms;
}

/** BM25's inverse document frequency of a term found in `frequency` of `size` documents. */
export function bm25Idf(size: number, frequency: number): number {
  return Math.log(1 + (size - frequency + 0.5) / (frequency + 0.5));
}

/** An index as flat arrays (see {@link Bm25Index.serialise}). */
export interface SerialisedBm25Index {
  size: number;
  terms: string[];
  offsets: Int32Array;
  docs: Int32Array;
  impacts: Float32Array;
}

/** A document and its lexical score. */
export interface LexicalHit {
  doc: number;
  score: number;
}

/** The result of one lexical search; `scoreOf` is valid until the next search on the same index. */
export interface LexicalResult {
  top: LexicalHit[];
  scoreOf(doc: number): number;
}

interface Postings {
  docs: Int32Array;
  /** Precomputed idf × saturated BM25F term frequency. */
  impacts: Float32Array;
}

/**
 * An in-memory BM25F inverted index: one posting list per stemmed term, with the per-document impact precomputed
 * so a query is a few typed-array sweeps (sub-millisecond on the shipped corpus, a few ms at 100,000 clauses).
 */
export class Bm25Index {
  private readonly postings: Map<string, Postings>;
  private readonly accumulator: Float32Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;

  private constructor(
    postings: Map<string, Postings>,
    readonly size: number,
  ) {
    this.postings = postings;
    this.accumulator = new Float32Array(size);
    this.touched = new Int32Array(size);
  }

  /** Builds the index over `documents` (document number = position). */
  static build(
    documents: readonly LexicalFields[],
    parameters: Bm25Parameters = defaultBm25Parameters,
  ): Bm25Index {
    const size = documents.length;
    const fieldTerms: Map<string, number>[][] = fieldNames.map(() => []);
    const lengths = fieldNames.map(() => new Float64Array(size));
    const documentFrequency = new Map<string, number>();
    // Headings, lead-ins and document titles repeat across clauses: analyse each distinct string once.
    const analysed = new Map<string, string[]>();
    const termsOf = (text: string, cache: boolean) => {
      if (!cache) return terms(text);
      let found = analysed.get(text);
      if (!found) {
        found = terms(text);
        analysed.set(text, found);
      }
      return found;
    };
    for (let doc = 0; doc < size; doc++) {
      const document = documents[doc] as LexicalFields;
      const seen = new Set<string>();
      fieldNames.forEach((field, fieldIndex) => {
        const counts = new Map<string, number>();
        const fieldTermList = termsOf(document[field], field !== 'text');
        // The clause text also indexes its adjacent word pairs ("officer expect", "expect councillor"), so that word
        // order in the question counts; the field length stays the word count.
        const indexed = indexedTerms(field, fieldTermList);
        for (const term of indexed) {
          counts.set(term, (counts.get(term) ?? 0) + 1);
          seen.add(term);
        }
        (fieldTerms[fieldIndex] as Map<string, number>[])[doc] = counts;
        (lengths[fieldIndex] as Float64Array)[doc] = fieldTermList.length;
      });
      for (const term of seen) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
    const averages = lengths.map((fieldLengths) => {
      let total = 0;
      for (const length of fieldLengths) total += length;
      return size === 0 ? 1 : Math.max(total / size, 1);
    });

    const building = new Map<string, { docs: number[]; impacts: number[] }>();
    const { k1 } = parameters;
    for (let doc = 0; doc < size; doc++) {
      const combined = new Map<string, number>();
      fieldNames.forEach((field, fieldIndex) => {
        const { weight, b } = parameters.fields[field];
        const length = (lengths[fieldIndex] as Float64Array)[doc] as number;
        const norm = 1 - b + (b * length) / (averages[fieldIndex] as number);
        for (const [term, count] of (fieldTerms[fieldIndex] as Map<string, number>[])[doc] as Map<
          string,
          number
        >) {
          combined.set(term, (combined.get(term) ?? 0) + (weight * count) / norm);
        }
      });
      for (const [term, frequency] of combined) {
        const df = documentFrequency.get(term) as number;
        const impact = (bm25Idf(size, df) * (frequency * (k1 + 1))) / (frequency + k1);
        const list = building.get(term) ?? { docs: [], impacts: [] };
        list.docs.push(doc);
        list.impacts.push(impact);
        building.set(term, list);
      }
    }
    const postings = new Map<string, Postings>();
    for (const [term, list] of building) {
      postings.set(term, { docs: Int32Array.from(list.docs), impacts: Float32Array.from(list.impacts) });
    }
    return new Bm25Index(postings, size);
  }

  /** The posting lists as flat arrays, for the persisted index: term i owns entries offsets[i] … offsets[i+1]-1. */
  serialise(): SerialisedBm25Index {
    const terms = [...this.postings.keys()];
    const offsets = new Int32Array(terms.length + 1);
    let total = 0;
    terms.forEach((term, index) => {
      offsets[index] = total;
      total += (this.postings.get(term) as Postings).docs.length;
    });
    offsets[terms.length] = total;
    const docs = new Int32Array(total);
    const impacts = new Float32Array(total);
    terms.forEach((term, index) => {
      const list = this.postings.get(term) as Postings;
      docs.set(list.docs, offsets[index] as number);
      impacts.set(list.impacts, offsets[index] as number);
    });
    return { size: this.size, terms, offsets, docs, impacts };
  }

  /** Rebuilds the index from {@link serialise}'s output; inconsistent parts throw `index_corrupt`. */
  static restore(parts: SerialisedBm25Index): Bm25Index {
    const { terms, offsets, docs, impacts, size } = parts;
    const consistent =
      offsets.length === terms.length + 1 &&
      docs.length === impacts.length &&
      offsets[0] === 0 &&
      offsets[terms.length] === docs.length;
    if (!consistent) throw new ProtocolBotError('index_corrupt', 'Lexical index parts do not fit together');
    const postings = new Map<string, Postings>();
    terms.forEach((term, index) => {
      const start = offsets[index] as number;
      const end = offsets[index + 1] as number;
      if (end < start) throw new ProtocolBotError('index_corrupt', 'Lexical index offsets go backwards');
      postings.set(term, { docs: docs.subarray(start, end), impacts: impacts.subarray(start, end) });
    });
    for (const doc of docs) {
      if (doc < 0 || doc >= size)
        throw new ProtocolBotError('index_corrupt', 'Lexical index names a missing clause');
    }
    return new Bm25Index(postings, size);
  }

  /** True when the stemmed term occurs in any document. */
  has(term: string): boolean {
    return this.postings.has(term);
  }

  /** Every term with the number of documents that contain it. */
  *vocabulary(): Generator<{ term: string; frequency: number }> {
    for (const [term, list] of this.postings) yield { term, frequency: list.docs.length };
  }

  /** How many documents contain the stemmed term. */
  documentFrequency(term: string): number {
    return this.postings.get(term)?.docs.length ?? 0;
  }

  /** Number of distinct terms. */
  get vocabularySize(): number {
    return this.postings.size;
  }

  /** Scores every document containing a query term; returns the best `limit` and a score lookup. */
  search(query: readonly WeightedTerm[], limit: number): LexicalResult {
    const { accumulator, touched } = this;
    for (let index = 0; index < this.touchedCount; index++) accumulator[touched[index] as number] = 0;
    this.touchedCount = 0;
    let touchedCount = 0;
    for (const { term, weight } of query) {
      const list = this.postings.get(term);
      if (!list) continue;
      const { docs, impacts } = list;
      for (let index = 0; index < docs.length; index++) {
        const doc = docs[index] as number;
        if (accumulator[doc] === 0) touched[touchedCount++] = doc;
        accumulator[doc] = (accumulator[doc] as number) + weight * (impacts[index] as number);
      }
    }
    this.touchedCount = touchedCount;
    const top = selectTop(accumulator, touched, touchedCount, limit);
    return { top, scoreOf: (doc) => accumulator[doc] as number };
  }
}

/** The `limit` highest-scoring touched documents, best first (ties: lower document number first). */
function selectTop(scores: Float32Array, docs: Int32Array, count: number, limit: number): LexicalHit[] {
  if (limit <= 0 || count === 0) return [];
  const heap: LexicalHit[] = [];
  const worse = (left: LexicalHit, right: LexicalHit) =>
    left.score < right.score || (left.score === right.score && left.doc > right.doc);
  for (let index = 0; index < count; index++) {
    const doc = docs[index] as number;
    const hit = { doc, score: scores[doc] as number };
    if (heap.length < limit) {
      heap.push(hit);
      siftUp(heap, heap.length - 1, worse);
    } else if (worse(heap[0] as LexicalHit, hit)) {
      heap[0] = hit;
      siftDown(heap, 0, worse);
    }
  }
  return heap.sort((left, right) => (worse(left, right) ? 1 : worse(right, left) ? -1 : 0));
}

function siftUp<T>(heap: T[], start: number, worse: (left: T, right: T) => boolean): void {
  let index = start;
  while (index > 0) {
    const parent = (index - 1) >> 1;
    if (!worse(heap[index] as T, heap[parent] as T)) break;
    [heap[index], heap[parent]] = [heap[parent] as T, heap[index] as T];
    index = parent;
  }
}

function siftDown<T>(heap: T[], start: number, worse: (left: T, right: T) => boolean): void {
  let index = start;
  for (;;) {
    const left = 2 * index + 1;
    const right = left + 1;
    let smallest = index;
    if (left < heap.length && worse(heap[left] as T, heap[smallest] as T)) smallest = left;
    if (right < heap.length && worse(heap[right] as T, heap[smallest] as T)) smallest = right;
    if (smallest === index) return;
    [heap[index], heap[smallest]] = [heap[smallest] as T, heap[index] as T];
    index = smallest;
  }
}
