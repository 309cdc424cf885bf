import { existsSync } from 'node:fs';
import { z } from 'zod';
import {
  type Clause,
  citationAcceptable,
  type ExpectedCitation,
  normaliseClauseId,
} from '../../corpus/index.js';
import { ProtocolBotError } from '../../errors.js';
import { packInt8Rows, unpackInt8Rows } from '../../learn/index.js';
import { readModelFile } from '../../model-file.js';
import { shippedModelPath } from '../../package-root.js';
import { topByScore } from '../top-by-score.js';
import { featureIndex, type RankingFeatures } from './ranking-features.js';

/**
 * Labelled questions as ranking evidence. A clause worded unlike the question ("late-night calls" against "undue
 * pressure") is hard for words and for one sentence vector alike, but people ask about the same clause in similar
 * ways: the labelled questions nearest the new one (by sentence vector) and the clauses they cite are evidence a
 * learned ranker can weigh beside BM25F and dense similarity. The bank keeps only vectors and citations, not text.
 */
export const questionBankFileSchema = z.object({
  /** Format version. */
  version: z.literal(1),
  /** The embedder the vectors came from; vectors from another embedder are meaningless. */
  embedder: z.string().min(1),
  dimension: z.number().int().positive(),
  /** Each question's acceptable citations, as an eval file writes them: [document, clause or null]. */
  citations: z.array(z.array(z.tuple([z.string().min(1), z.string().min(1).nullable()])).min(1)),
  /** Each question's vector is `scales[row] × int8 row`: a quarter of float32's size, well inside the ranking's noise. */
  scales: z.array(z.number().nonnegative()),
  /** The int8 rows, question-major, base64. */
  vectors: z.string(),
  /**
   * Each question's ordered pairs of adjacent content words, hashed (FNV-1a): word order, which a sentence vector
   * barely sees ("officers expect from councillors" and its reverse embed almost alike).
   */
  pairs: z.array(z.array(z.number().int().nonnegative())),
  /** How much shared word pairs (Jaccard, 0..1) add to a neighbour's cosine similarity. */
  pairWeight: z.number().nonnegative(),
  /** How it was made (training files and their hash). */
  training: z.record(z.string(), z.unknown()),
});

/** A question bank as stored. */
export type QuestionBankFile = z.infer<typeof questionBankFileSchema>;

/** How labelled questions near the query speak for one clause. */
export interface ExampleEvidence {
  /** Similarity of the nearest of the query's neighbours that cites the clause (0 when none does). */
  nearest: number;
  /** Share of the neighbours' softmax weight (by similarity) on questions that cite the clause. */
  vote: number;
  /** The same share on questions that cite this very clause, not a sub-item or parent of it. */
  direct: number;
}

/**
 * How many nearest labelled questions speak, how sharply nearer ones count more (both chosen by cross-validation),
 * and how much shared word pairs add to a neighbour's similarity (chosen on the direction of who expects what).
 */
export const bankNeighbours = 20;
export const bankTemperature = 0.05;
export const bankPairWeight = 0.3;

/** A word pair's hash (FNV-1a, 32 bits): the bank keeps no text. */
export function hashPair(pair: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < pair.length; index++) {
    hash ^= pair.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Labelled questions, with their citations resolved to clause numbers of the current corpus. */
export interface QuestionBank {
  readonly size: number;
  readonly embedder: string;
  /**
   * Evidence by clause number from the `bankNeighbours` labelled questions nearest the query: cosine similarity of
   * `vector` (a unit vector) plus the bank's pair weight × the Jaccard overlap of the query's word `pairs`;
   * `exclude` leaves rows out (training uses it so no question is its own evidence).
   */
  evidence(
    vector: Float32Array,
    pairs: readonly string[],
    exclude?: (row: number) => boolean,
  ): Map<number, ExampleEvidence>;
  /**
   * Each document's prior: the log of its share of the labelled questions' first citations (add-one smoothed over
   * the corpus's documents, so a document no question cites first is rare, not impossible); `exclude` leaves rows
   * out as for `evidence`.
   */
  documentPriors(exclude?: (row: number) => boolean): Map<string, number>;
  /** This bank with more labelled questions appended (vectors from the same embedder, unit length). */
  including(rows: ReadonlyArray<BankRow>): QuestionBank;
}

/** One labelled question as the bank takes it: its unit vector, its ordered word pairs and its citations. */
export interface BankRow {
  vector: Float32Array;
  pairs: readonly string[];
  cite: readonly ExpectedCitation[];
}

/** Packs unit vectors and their citations into a bank file. */
export function packQuestionBank(
  embedder: string,
  rows: ReadonlyArray<BankRow>,
  training: Record<string, unknown>,
  pairWeight = bankPairWeight,
): QuestionBankFile {
  const dimension = rows[0]?.vector.length ?? 0;
  const { scales, vectors } = packInt8Rows(rows.map(({ vector }) => vector));
  return {
    version: 1,
    embedder,
    dimension,
    citations: rows.map(({ cite }) =>
      cite.map(([document, clause]) => [document, clause] as [string, string | null]),
    ),
    scales,
    vectors,
    pairs: rows.map(({ pairs }) => [...new Set(pairs.map(hashPair))].sort((left, right) => left - right)),
    pairWeight,
    training,
  };
}

/**
 * A bank over the current corpus: each question's citations become the clause numbers they accept (the eval's rule:
 * the clause, its sub-items or its parent); citations of clauses this corpus lacks are dropped, and a question left
 * with none no longer speaks.
 */
export function createQuestionBank(file: QuestionBankFile, clauses: readonly Clause[]): QuestionBank {
  const { dimension } = file;
  const bytes = unpackInt8Rows(file.vectors);
  const rows = file.citations.length;
  if (bytes.length !== rows * dimension || file.scales.length !== rows || file.pairs.length !== rows) {
    throw new ProtocolBotError(
      'model_invalid',
      `question bank: ${rows} questions need ${rows * dimension} vector bytes, ${rows} scales and ${rows} pair lists`,
    );
  }
  const pairSets = file.pairs.map((list) => new Set(list));
  const byDocument = new Map<string, number[]>();
  clauses.forEach((clause, index) => {
    byDocument.set(clause.document, [...(byDocument.get(clause.document) ?? []), index]);
  });
  // Resolved once per distinct citation: the bank repeats a few hundred citations thousands of times. `exact` are the
  // clauses the citation names itself; the rest of `accepted` are their sub-items or parents.
  const resolved = new Map<string, { accepted: number[]; exact: number[] }>();
  const resolve = ([document, clause]: readonly [string, string | null]) => {
    const key = `${document}\u0000${clause ?? ''}`;
    let found = resolved.get(key);
    if (!found) {
      const accepted = (byDocument.get(document) ?? []).filter((index) =>
        citationAcceptable([[document, clause]], { document, clause: (clauses[index] as Clause).id }),
      );
      const id = clause === null ? null : normaliseClauseId(clause);
      const exact = accepted.filter((index) => normaliseClauseId((clauses[index] as Clause).id) === id);
      found = { accepted, exact };
      resolved.set(key, found);
    }
    return found;
  };
  const cited = file.citations.map((cite) => [...new Set(cite.flatMap((pair) => resolve(pair).accepted))]);
  const named = file.citations.map((cite) => new Set(cite.flatMap((pair) => resolve(pair).exact)));
  // The document each question cites first, when the corpus has it.
  const firstDocument = file.citations.map(([first]) =>
    first && byDocument.has(first[0]) ? first[0] : undefined,
  );
  const scores = new Float32Array(rows);
  /** The priors over every row, computed on first need (the bank never changes; `including` makes a new one). */
  let allPriors: Map<string, number> | undefined;
  /** Rows that cite a clause of this corpus and are not excluded. */
  function* speakers(exclude?: (row: number) => boolean) {
    for (let row = 0; row < rows; row++)
      if ((cited[row] as number[]).length > 0 && !exclude?.(row)) yield row;
  }
  return {
    size: rows,
    embedder: file.embedder,
    including(extra) {
      if (extra.length === 0) return this;
      const added = packQuestionBank(file.embedder, extra, {}, file.pairWeight);
      if (added.dimension !== dimension) {
        throw new ProtocolBotError(
          'model_invalid',
          `question bank: a learned question has ${added.dimension} dimensions, the bank ${dimension}`,
        );
      }
      const joined = new Int8Array(bytes.length + extra.length * dimension);
      joined.set(bytes);
      joined.set(unpackInt8Rows(added.vectors), bytes.length);
      return createQuestionBank(
        {
          ...file,
          citations: [...file.citations, ...added.citations],
          scales: [...file.scales, ...added.scales],
          pairs: [...file.pairs, ...added.pairs],
          vectors: Buffer.from(joined.buffer, joined.byteOffset, joined.byteLength).toString('base64'),
        },
        clauses,
      );
    },
    documentPriors(exclude) {
      if (!exclude && allPriors) return allPriors;
      const counts = new Map<string, number>([...byDocument.keys()].map((document) => [document, 1]));
      let total = counts.size;
      for (let row = 0; row < rows; row++) {
        const document = firstDocument[row];
        if (document === undefined || exclude?.(row)) continue;
        counts.set(document, (counts.get(document) as number) + 1);
        total++;
      }
      const priors = new Map([...counts].map(([document, count]) => [document, Math.log(count / total)]));
      if (!exclude) allPriors = priors;
      return priors;
    },
    evidence(vector, pairs, exclude) {
      const queryPairs = new Set(pairs.map(hashPair));
      for (let row = 0; row < rows; row++) {
        let sum = 0;
        const offset = row * dimension;
        for (let column = 0; column < dimension; column++) {
          sum += (bytes[offset + column] as number) * (vector[column] as number);
        }
        scores[row] =
          sum * (file.scales[row] as number) +
          file.pairWeight * jaccard(queryPairs, pairSets[row] as Set<number>);
      }
      const nearest = topByScore(speakers(exclude), scores, bankNeighbours);
      const evidence = new Map<number, ExampleEvidence>();
      if (nearest.length === 0) return evidence;
      const top = scores[nearest[0] as number] as number;
      const weights = nearest.map((row) => Math.exp(((scores[row] as number) - top) / bankTemperature));
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      nearest.forEach((row, rank) => {
        const share = (weights[rank] as number) / total;
        for (const clause of cited[row] as number[]) {
          const current = evidence.get(clause) ?? { nearest: 0, vote: 0, direct: 0 };
          current.nearest = Math.max(current.nearest, scores[row] as number);
          current.vote += share;
          if ((named[row] as Set<number>).has(clause)) current.direct += share;
          evidence.set(clause, current);
        }
      });
      return evidence;
    },
  };
}

/** Shared members over all members (0 when both are empty). */
function jaccard(left: ReadonlySet<number>, right: ReadonlySet<number>): number {
  let shared = 0;
  for (const member of left) if (right.has(member)) shared++;
  const union = left.size + right.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Writes the bank's evidence into each candidate's features (a clause no neighbour cites gets zeros), and its
 * document's prior (`documentOf` names a candidate's document).
 */
export function applyExampleEvidence(
  candidates: ReadonlyArray<{ doc: number; features: RankingFeatures }>,
  evidence: ReadonlyMap<number, ExampleEvidence>,
  priors: ReadonlyMap<string, number>,
  documentOf: (doc: number) => string,
): void {
  const nearest = featureIndex('exampleNearest');
  const vote = featureIndex('exampleVote');
  const direct = featureIndex('exampleDirect');
  const prior = featureIndex('documentPrior');
  for (const candidate of candidates) {
    const found = evidence.get(candidate.doc);
    candidate.features[nearest] = found?.nearest ?? 0;
    candidate.features[vote] = found?.vote ?? 0;
    candidate.features[direct] = found?.direct ?? 0;
    candidate.features[prior] = priors.get(documentOf(candidate.doc)) ?? 0;
  }
}

/** Reads a question bank file; a missing or damaged one is an error naming it. */
export function loadQuestionBankFile(file: string): QuestionBankFile {
  return readModelFile(
    file,
    questionBankFileSchema,
    'the question bank is missing; run `protocol-bot train`',
  );
}

/**
 * The shipped bank (`models/question-bank.json`) over `clauses` when its vectors came from `embedder`; otherwise
 * undefined and the reason (the ranker then finds no labelled-question evidence and ranks on the rest).
 */
export function openShippedQuestionBank(
  embedder: string,
  clauses: readonly Clause[],
): { bank?: QuestionBank; reason?: string } {
  const file = shippedModelPath('question-bank.json');
  if (!existsSync(file)) return { reason: `${file} is missing` };
  const loaded = loadQuestionBankFile(file);
  if (loaded.embedder !== embedder) {
    return { reason: `${file} was made with ${loaded.embedder}, not ${embedder}` };
  }
  try {
    return { bank: createQuestionBank(loaded, clauses) };
  } catch (error) {
    if (error instanceof ProtocolBotError)
      throw new ProtocolBotError(error.code, `${file}: ${error.message}`);
    throw error;
  }
}
