import {
  type Bm25Index,
  bm25Idf,
  defaultBm25Parameters,
  indexedTerms,
  type LexicalFields,
} from './bm25-index.js';
import type { WeightedTerm } from './text/synonym-expansion.js';
import { terms } from './text/tokenizer.js';

/** The fields scored one by one (the document title is the `namedDocument` feature's business). */
export const scoredFields = ['text', 'headings', 'context'] as const;

/** One of the scored fields. */
export type ScoredField = (typeof scoredFields)[number];

/** How many clauses, spread evenly over the corpus, give each field's average length. */
const lengthSample = 2000;

/**
 * BM25 of a query over one field of a candidate clause at a time — the clause text, its heading path, its parent's
 * lead-in — where the index itself sums the fields into one BM25F score. A learned ranker can then weigh a match in
 * the heading against one in the text instead of taking the index's fixed field weights. Scores are computed only for
 * the candidates a query brings (their field terms are analysed on first need and kept), with the index's document
 * frequencies and each field's average length from an even sample of the corpus; nothing is added to the stored index.
 */
export class FieldScorer {
  private readonly fieldsOf = new Map<number, AnalysedField[]>();
  private averages: number[] | undefined;

  constructor(
    private readonly fields: () => readonly LexicalFields[],
    private readonly lexical: Bm25Index,
  ) {}

  /** Each candidate's BM25 over each scored field, in `scoredFields` order. */
  scores(query: readonly WeightedTerm[], docs: readonly number[]): Map<number, number[]> {
    const averages = this.averageLengths();
    const { k1 } = defaultBm25Parameters;
    const size = this.lexical.size;
    const idf = query.map(({ term }) => {
      const frequency = this.lexical.documentFrequency(term);
      return frequency === 0 ? 0 : bm25Idf(size, frequency);
    });
    const result = new Map<number, number[]>();
    for (const doc of docs) {
      const analysed = this.analysed(doc);
      result.set(
        doc,
        scoredFields.map((field, index) => {
          const { counts, length } = analysed[index] as AnalysedField;
          const { b } = defaultBm25Parameters.fields[field];
          const norm = 1 - b + (b * length) / (averages[index] as number);
          let score = 0;
          query.forEach(({ term, weight }, position) => {
            const count = counts.get(term);
            if (count)
              score += weight * (idf[position] as number) * ((count * (k1 + 1)) / (count + k1 * norm));
          });
          return score;
        }),
      );
    }
    return result;
  }

  /** A clause's scored fields as analysed (on first need, then kept). */
  private analysed(doc: number): AnalysedField[] {
    let analysed = this.fieldsOf.get(doc);
    if (!analysed) {
      const fields = this.fields()[doc] as LexicalFields;
      analysed = scoredFields.map((field) => analyseField(fields, field));
      this.fieldsOf.set(doc, analysed);
    }
    return analysed;
  }

  private averageLengths(): number[] {
    if (!this.averages) {
      const all = this.fields();
      const step = Math.max(1, Math.ceil(all.length / lengthSample));
      const totals = scoredFields.map(() => 0);
      let sampled = 0;
      for (let doc = 0; doc < all.length; doc += step) {
        const fields = all[doc] as LexicalFields;
        scoredFields.forEach((field, index) => {
          totals[index] = (totals[index] as number) + terms(fields[field]).length;
        });
        sampled++;
      }
      this.averages = totals.map((total) => Math.max(sampled === 0 ? 1 : total / sampled, 1));
    }
    return this.averages;
  }
}

/** A field's term counts (the text with its adjacent pairs, as the index has it) and its length in words. */
interface AnalysedField {
  counts: Map<string, number>;
  length: number;
}

function analyseField(fields: LexicalFields, field: ScoredField): AnalysedField {
  const list = terms(fields[field]);
  const counts = new Map<string, number>();
  for (const term of indexedTerms(field, list)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return { counts, length: list.length };
}
