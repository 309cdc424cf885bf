import type { Clause, DocumentMeta, ExpectedCitation } from '../corpus/index.js';
import { type Bm25Index, bm25Idf, type LexicalFields } from './bm25-index.js';
import { clauseViews } from './clause-fields.js';
import { FieldScorer, scoredFields } from './field-scores.js';
import type { LearnedRanker } from './ranking/learned-ranker.js';
import { applyExampleEvidence, type BankRow, type QuestionBank } from './ranking/question-bank.js';
import { emptyFeatures, featureIndex } from './ranking/ranking-features.js';
import { byScore, rerankHead, standardiseWithin } from './ranking/residual-rerank.js';
import type { Retriever, SearchHit } from './retriever.js';
import type { HnswVectorStore } from './store/vector-store.js';
import { SpellingCorrector } from './text/spelling-correction.js';
import {
  type AnalysedQuery,
  analyseQuery,
  builtInLexicon,
  coverageOf,
  type QueryVocabulary,
} from './text/synonym-expansion.js';
import { bigramsOf, terms } from './text/tokenizer.js';

/**
 * How lexical and dense evidence are combined: `learned` re-ranks the z-score fusion's best candidates with the fitted
 * residual ranker (when one is loaded; otherwise it is `zscore`); by hand, `blend` mixes min–max-normalised scores,
 * `zscore` mixes z-scores (each signal's mean and spread over the candidates), `rrf` sums reciprocal ranks.
 */
export type FusionMethod = 'learned' | 'blend' | 'zscore' | 'rrf' | 'lexical' | 'dense';

/** Ranking settings; the defaults were chosen on the retrieval check in `test/search/` (README, "Retrieval"). */
export interface RankingSettings {
  fusion: FusionMethod;
  /** Share of the lexical score in a blend or z-score fusion (the rest is dense). */
  lexicalShare: number;
  /** Score a clause's dense similarity as the better of the whole clause and its best sentence (when indexed). */
  bestSentence: boolean;
  /** Reciprocal-rank-fusion constant. */
  rrfConstant: number;
  /** Score multiplier 1 + weight × coverage (share of the question's content terms the clause has). */
  coverageWeight: number;
  /** Score multiplier 1 + boost × (share of the query's own terms found in the heading path). */
  headingBoost: number;
  /** Candidates taken from each of the lexical and dense lists before fusion. */
  candidates: number;
  /** Score multiplier for a stub clause: one that only repeats its heading or has very few content words. */
  stubFactor: number;
  /** A clause with at most this many content words (numbers aside) counts as a stub. */
  stubTerms: number;
  /** Score multiplier for a document's cover (title page and meeting details): rarely the clause that answers. */
  coverFactor: number;
  /**
   * Score multiplier 1 + boost × (how strongly the query names the clause's document, relative to the most strongly
   * named one): the query's own words found in a document's titles, each weighted by how few titles and how few of
   * the other documents' clauses contain it (see `namingWeights`).
   */
  documentBoost: number;
  /**
   * Added to the score of a clause whose number the query quotes ("what does para 13.2 say?"), scaled by how strongly
   * the query names the clause's document when it names any.
   */
  referenceBonus: number;
  /** Training only: question-bank rows a query may not use as evidence (its own, or its cross-validation fold's). */
  excludeExamples?: (row: number) => boolean;
  /**
   * The query joins a follow-up to the question before it: its vector is mostly the earlier question's, so the
   * question bank (single questions) would speak for the earlier topic; it stays silent and the rest ranks.
   */
  followUp?: boolean;
}

/** Default ranking. */
export const defaultRankingSettings: RankingSettings = {
  fusion: 'zscore',
  lexicalShare: 0.7,
  bestSentence: true,
  rrfConstant: 60,
  coverageWeight: 2,
  headingBoost: 0.2,
  candidates: 50,
  stubFactor: 0.6,
  stubTerms: 3,
  coverFactor: 0.8,
  documentBoost: 0.15,
  referenceBonus: 1,
};

/** Unit vectors of clauses' sentences: those of clause c are rows offsets[c] … offsets[c+1] − 1 of `vectors`. */
export interface SentenceVectors {
  offsets: Int32Array;
  vectors: Float32Array;
}

/** Turns a query into a unit vector of the index's dimension (zero vector when nothing is known). */
export type QueryEmbedder = (query: string) => Float32Array | Promise<Float32Array>;

/** The parts a hybrid searcher is made of. */
export interface HybridSearchParts {
  clauses: readonly Clause[];
  documents: ReadonlyMap<string, DocumentMeta>;
  lexical: Bm25Index;
  /** Unit vectors, clause-major (clauses × dimension). */
  vectors: Float32Array;
  dimension: number;
  store: HnswVectorStore;
  /** Per-sentence vectors (sentence encoder indexes only). */
  sentences?: SentenceVectors;
  embedQuery: QueryEmbedder;
  settings?: Partial<RankingSettings>;
  /** The learned ranker (`models/ranker.json`); without one, `learned` falls back to the z-score fusion. */
  ranker?: LearnedRanker;
  /** Labelled questions whose citations are evidence for the ranker (`models/question-bank.json`). */
  questionBank?: QuestionBank;
}

/**
 * The retriever: BM25F and HNSW candidates, rescored exactly on both signals, fused (z-scores, min–max blend or
 * reciprocal rank), nudged by heading, coverage, named document and quoted clause number, and — when a learned ranker
 * is loaded — its best candidates re-ranked by it; each hit carries the features the ranker weighed.
 */
export class HybridSearch implements Retriever {
  readonly clauses: readonly Clause[];
  readonly documents: ReadonlyMap<string, DocumentMeta>;
  readonly settings: RankingSettings;
  private readonly headingTerms = new Map<string, ReadonlySet<string>>();
  private readonly titleTerms = new Map<string, readonly string[]>();
  private readonly stubs = new Map<number, boolean>();
  private readonly coverageTerms = new Map<number, ReadonlySet<string>>();
  private byNumber: Map<string, number[]> | undefined;
  /**
   * Each title word's weight as a document's name, and the documents whose titles hold it; built on the first query
   * (every query weighs its words against them).
   */
  private titleWords: Map<string, { weight: number; holders: readonly string[] }> | undefined;
  private corrector: SpellingCorrector | undefined;
  /** The shipped question bank, with the questions learned since start (see `learn`). */
  private questionBank: QuestionBank | undefined;
  /** Questions learned but not yet embedded into the bank. */
  private readonly lessons: Array<{ question: string; clauses: readonly ExpectedCitation[] }> = [];
  private fieldScorer: FieldScorer | undefined;
  /** The clauses' lexical fields, derived on the first query that needs per-field scores. */
  private fieldViews: LexicalFields[] | undefined;

  /** The corpus vocabulary as query analysis sees it; the spelling corrector is built on first need. */
  private readonly vocabulary: QueryVocabulary = {
    has: (term) => this.parts.lexical.has(term),
    correct: (term) => {
      this.corrector ??= new SpellingCorrector(this.parts.lexical.vocabulary());
      return this.corrector.correct(term);
    },
  };

  /** The parts, read-only: benchmarks and diagnostics compare the HNSW graph with an exact scan of `vectors`. */
  readonly parts: HybridSearchParts;

  constructor(parts: HybridSearchParts) {
    this.parts = parts;
    this.questionBank = parts.questionBank;
    this.clauses = parts.clauses;
    this.documents = parts.documents;
    this.settings = {
      ...defaultRankingSettings,
      ...(parts.ranker ? { fusion: 'learned' as const } : {}),
      ...parts.settings,
    };
  }

  /** The same retriever with another question bank (training fits the ranker against a bank it has just made). */
  withQuestionBank(questionBank: QuestionBank | undefined): HybridSearch {
    return new HybridSearch({ ...this.parts, questionBank });
  }

  /** The query's ordered pairs of adjacent content words, as the question bank compares them. */
  wordPairs(query: string): string[] {
    return wordPairsOf(analyseQuery(query, builtInLexicon(), this.vocabulary));
  }

  /**
   * Learns labelled questions while running — the Monitoring Officer's answered cases and the clauses the answers
   * named — by adding them to the question bank, so that later questions worded like them find those clauses. They are
   * embedded on the next search, not here: a main thread that leaves answering to answer threads never loads the
   * encoder for them. Only vectors and hashed word pairs join the bank, in memory, never the text. Resolves with how
   * many will be added: none when there is no bank to add to (no learned ranker, or a bank from another embedder).
   */
  async learn(
    examples: ReadonlyArray<{ question: string; clauses: readonly ExpectedCitation[] }>,
  ): Promise<number> {
    const usable = examples.filter((example) => example.clauses.length > 0);
    if (!this.questionBank) return 0;
    this.lessons.push(...usable);
    return usable.length;
  }

  /**
   * Embeds the questions `learn` queued into the bank now rather than on the next search (a concurrent search
   * meanwhile ranks without them).
   */
  async absorbLessons(): Promise<void> {
    const bank = this.questionBank;
    if (!bank || this.lessons.length === 0) return;
    const batch = this.lessons.splice(0);
    const rows: BankRow[] = [];
    try {
      for (const lesson of batch) {
        rows.push({
          vector: await this.parts.embedQuery(lesson.question),
          pairs: this.wordPairs(lesson.question),
          cite: lesson.clauses,
        });
      }
    } catch (error) {
      this.lessons.unshift(...batch); // kept for the next search
      throw error;
    }
    this.questionBank = (this.questionBank ?? bank).including(rows);
  }

  /** True when every content word of `term` (normalised and stemmed) occurs in the corpus. */
  knowsTerm(term: string): boolean {
    const stems = terms(term);
    return stems.length > 0 && stems.every((stem) => this.parts.lexical.has(stem));
  }

  /** Best `k` clauses for the query, best first. */
  async search(query: string, k: number, settings: Partial<RankingSettings> = {}): Promise<SearchHit[]> {
    const analysed = analyseQuery(query, builtInLexicon(), this.vocabulary);
    if (analysed.tokens.length === 0 || k <= 0) return [];
    const method = settings.fusion ?? this.settings.fusion;
    if (method !== 'lexical') await this.absorbLessons();
    const queryVector = method === 'lexical' ? null : await this.parts.embedQuery(query);
    return this.rank(query, analysed, queryVector, k, { ...this.settings, ...settings });
  }

  private rank(
    query: string,
    analysed: AnalysedQuery,
    queryVector: Float32Array | null,
    k: number,
    settings: RankingSettings,
  ): SearchHit[] {
    const { lexical, store, vectors, dimension } = this.parts;
    // The candidate set does not grow with k, so a ranker trained on "every candidate" sees what it will rank.
    const depth = settings.candidates;
    const lexicalResult = lexical.search(analysed.weighted, settings.fusion === 'dense' ? 0 : depth);
    const candidates = new Set<number>(lexicalResult.top.map((hit) => hit.doc));
    const referenced = this.referencedClauses(query);
    for (const doc of referenced) candidates.add(doc);
    const useDense = queryVector !== null && settings.fusion !== 'lexical' && !isZero(queryVector);
    if (useDense) for (const match of store.search(queryVector, depth)) candidates.add(match.label);
    // Labelled questions' evidence: neighbours speak only for a question's own vector (not a follow-up's), and the
    // clauses they cite are candidates too, however unlike the question their wording is.
    const questionPairs = wordPairsOf(analysed);
    const evidence =
      this.questionBank && useDense && !settings.followUp
        ? this.questionBank.evidence(queryVector, questionPairs, settings.excludeExamples)
        : undefined;
    for (const doc of evidence?.keys() ?? []) candidates.add(doc);
    if (candidates.size === 0) return [];

    const sentences = settings.bestSentence ? this.parts.sentences : undefined;
    const scored = [...candidates].map((doc) => ({
      doc,
      lexical: lexicalResult.scoreOf(doc),
      dense: useDense ? denseSimilarity(queryVector, vectors, dimension, doc, sentences) : 0,
      whole: useDense ? dot(queryVector, vectors, doc * dimension, dimension) : 0,
      score: 0,
      features: emptyFeatures(),
      coverage: 0,
    }));
    const learned = settings.fusion === 'learned' && this.parts.ranker !== undefined;
    fuse(scored, settings, useDense);
    // After the candidates' lexical scores are read: a search invalidates the previous result's scores.
    const pairs = this.pairScores(questionPairs, scored);
    const fields = this.fieldScores(analysed, scored);
    const ownTerms = new Set(analysed.tokens.map((token) => token.term));
    const named = this.namedDocuments(ownTerms);
    const lexicalBest = Math.max(...scored.map((candidate) => candidate.lexical), 0);
    const denseSpan = range(scored.map((candidate) => candidate.dense));
    const lexicalRank = ranks(scored, (candidate) => candidate.lexical);
    const denseRank = ranks(scored, (candidate) => candidate.dense);
    for (const candidate of scored) {
      const clause = this.clauses[candidate.doc] as Clause;
      const share = this.headingShare(clause, ownTerms);
      const isCover = clause.id === 'Cover';
      const isStub = !isCover && this.isStub(candidate.doc, settings.stubTerms);
      const naming = named.get(clause.document);
      const namedShare = naming?.share ?? 0;
      const isReferenced = referenced.has(candidate.doc);
      candidate.coverage = coverageOf(analysed.content, this.clauseTerms(candidate.doc));
      const row = candidate.features;
      row[featureIndex('lexical')] = lexicalBest > 0 ? candidate.lexical / lexicalBest : 0;
      row[featureIndex('lexicalLog')] = Math.log1p(candidate.lexical);
      row[featureIndex('lexicalRank')] =
        candidate.lexical > 0 ? 1 / (lexicalRank.get(candidate.doc) as number) : 0;
      row[featureIndex('dense')] = candidate.whole;
      row[featureIndex('denseScaled')] = scale(candidate.dense, denseSpan);
      row[featureIndex('denseRank')] = useDense ? 1 / (denseRank.get(candidate.doc) as number) : 0;
      row[featureIndex('sentenceDense')] = candidate.dense;
      const fieldRow = fields.get(candidate.doc);
      row[featureIndex('textField')] = fieldRow?.[0] ?? 0;
      row[featureIndex('headingsField')] = fieldRow?.[1] ?? 0;
      row[featureIndex('contextField')] = fieldRow?.[2] ?? 0;
      row[featureIndex('coverage')] = candidate.coverage;
      row[featureIndex('heading')] = share;
      row[featureIndex('namedDocument')] = namedShare;
      row[featureIndex('namedDocumentStrength')] = naming?.strength ?? 0;
      row[featureIndex('referenced')] = isReferenced ? 1 : 0;
      row[featureIndex('cover')] = isCover ? 1 : 0;
      row[featureIndex('stub')] = isStub ? 1 : 0;
      row[featureIndex('pairs')] = pairs.get(candidate.doc) ?? 0;
      candidate.score *= 1 + settings.headingBoost * share;
      if (isCover) candidate.score *= settings.coverFactor;
      else if (isStub) candidate.score *= settings.stubFactor;
      candidate.score *= 1 + settings.documentBoost * namedShare;
      if (isReferenced) {
        candidate.score += settings.referenceBonus * (named.size === 0 ? 1 : namedShare);
      }
      candidate.score *= 1 + settings.coverageWeight * candidate.coverage;
    }
    standardiseWithin(scored, 'lexical', 'lexicalZ');
    standardiseWithin(scored, 'sentenceDense', 'denseZ');
    standardiseWithin(scored, 'dense', 'wholeZ');
    standardiseWithin(scored, 'coverage', 'coverageZ');
    standardiseWithin(scored, 'heading', 'headingZ');
    standardiseWithin(scored, 'pairs', 'pairsZ');
    if (this.questionBank) {
      // The document prior does not depend on the question's vector, so every query sees the prior the ranker was
      // trained with (a follow-up too).
      applyExampleEvidence(
        scored,
        evidence ?? new Map(),
        this.questionBank.documentPriors(settings.excludeExamples),
        (doc) => (this.clauses[doc] as Clause).document,
      );
      if (evidence) standardiseWithin(scored, 'exampleNearest', 'exampleNearestZ');
    }
    scored.sort(byScore);
    if (learned) rerankHead(scored, this.parts.ranker as LearnedRanker);
    return scored.slice(0, k).map((candidate) => ({
      clause: this.clauses[candidate.doc] as Clause,
      score: candidate.score,
      lexical: candidate.lexical,
      dense: candidate.dense,
      coverage: candidate.coverage,
      features: candidate.features,
    }));
  }

  /**
   * Each candidate's BM25F score over only the question's ordered word pairs, over the best candidate's (0..1): the
   * direction evidence for the learned ranker (one more lexical search, over a handful of pairs).
   */
  private pairScores(
    questionPairs: readonly string[],
    candidates: ReadonlyArray<{ doc: number }>,
  ): Map<number, number> {
    const pairTerms = questionPairs.map((term) => ({ term, weight: 1 }));
    const result = this.parts.lexical.search(pairTerms, 0);
    const raw = candidates.map((candidate) => result.scoreOf(candidate.doc));
    const best = Math.max(0, ...raw);
    return new Map(
      candidates.map((candidate, index) => [candidate.doc, best > 0 ? (raw[index] as number) / best : 0]),
    );
  }

  /** Each candidate's per-field BM25 (text, headings, parent lead-in), each over the best candidate's (0..1). */
  private fieldScores(
    analysed: AnalysedQuery,
    candidates: ReadonlyArray<{ doc: number }>,
  ): Map<number, number[]> {
    this.fieldScorer ??= new FieldScorer(() => {
      this.fieldViews ??= clauseViews(this.clauses, this.documents).lexical;
      return this.fieldViews;
    }, this.parts.lexical);
    const raw = this.fieldScorer.scores(
      analysed.weighted,
      candidates.map((candidate) => candidate.doc),
    );
    const best = scoredFields.map((_, index) =>
      Math.max(0, ...[...raw.values()].map((row) => row[index] as number)),
    );
    for (const [doc, row] of raw)
      raw.set(
        doc,
        row.map((value, index) => ((best[index] as number) > 0 ? value / (best[index] as number) : 0)),
      );
    return raw;
  }

  /**
   * A clause's terms for coverage: its number, headings and text, plus its document's title terms — so a question
   * that names the document ("under Swale's draft…") or quotes the clause number ("para 13.2") is covered there.
   */
  private clauseTerms(doc: number): ReadonlySet<string> {
    let cached = this.coverageTerms.get(doc);
    if (!cached) {
      const clause = this.clauses[doc] as Clause;
      cached = new Set([
        ...terms(`${clause.id} ${clause.headings.join(' ')} ${clause.text}`),
        ...this.documentTerms(clause.document),
      ]);
      this.coverageTerms.set(doc, cached);
    }
    return cached;
  }

  /**
   * How strongly the query names each document: `strength`, the summed weight of the query's own words found in the
   * document's titles, and `share`, that over the best-named document's (0..1). See `namingWeights`.
   */
  private namedDocuments(ownTerms: ReadonlySet<string>): Map<string, { share: number; strength: number }> {
    const words = this.namingWeights();
    const strengths = new Map<string, number>();
    for (const term of ownTerms) {
      const word = words.get(term);
      if (!word || word.weight === 0) continue;
      for (const holder of word.holders) strengths.set(holder, (strengths.get(holder) ?? 0) + word.weight);
    }
    const best = Math.max(0, ...strengths.values());
    return new Map(
      [...strengths].map(([id, strength]) => [id, { share: best > 0 ? strength / best : 0, strength }]),
    );
  }

  /**
   * How well each title word names a document: its rarity among the titles (a word in every title, "council", names
   * none) times its rarity among the other documents' clauses, as a share of the rarest's — "Bursledon" is in one
   * title and no other document's clauses, while "councillor", though only Part 5C's title holds it, is in most clauses
   * of every document and names nothing. Every clause indexes its document's title, so the index's document frequency
   * less the holders' clauses is how many other clauses use the word.
   */
  private namingWeights(): Map<string, { weight: number; holders: readonly string[] }> {
    if (this.titleWords) return this.titleWords;
    const ids = [...this.documents.keys()];
    const clausesOf = new Map<string, number>();
    for (const clause of this.clauses)
      clausesOf.set(clause.document, (clausesOf.get(clause.document) ?? 0) + 1);
    const holders = new Map<string, string[]>();
    for (const id of ids) {
      for (const term of new Set(this.documentTerms(id)))
        holders.set(term, [...(holders.get(term) ?? []), id]);
    }
    this.titleWords = new Map(
      [...holders].map(([term, list]) => {
        const own = list.reduce((sum, id) => sum + (clausesOf.get(id) ?? 0), 0);
        const others = this.clauses.length - own;
        const usedElsewhere = Math.max(0, this.parts.lexical.documentFrequency(term) - own);
        const rarity = others > 0 ? bm25Idf(others, usedElsewhere) / bm25Idf(others, 0) : 1;
        return [term, { weight: Math.log(ids.length / list.length) * rarity, holders: list }];
      }),
    );
    return this.titleWords;
  }

  /** Clauses whose number ("13.2", "3.2(b)") the query quotes; numbers without a dot are too ambiguous. */
  private referencedClauses(query: string): Set<number> {
    const found = new Set<number>();
    for (const match of query.matchAll(clauseReference)) {
      const id = match[0].replace(/\s+/g, '').toLowerCase();
      for (const doc of this.clauseNumbers().get(id) ?? []) found.add(doc);
    }
    return found;
  }

  private clauseNumbers(): Map<string, number[]> {
    if (!this.byNumber) {
      const byNumber = new Map<string, number[]>();
      this.clauses.forEach((clause, doc) => {
        const id = clause.id.toLowerCase();
        byNumber.set(id, [...(byNumber.get(id) ?? []), doc]);
      });
      this.byNumber = byNumber;
    }
    return this.byNumber;
  }

  private documentTerms(documentId: string): readonly string[] {
    let cached = this.titleTerms.get(documentId);
    if (!cached) {
      const meta = this.documents.get(documentId);
      cached = meta ? terms(`${meta.title} ${meta.shortTitle ?? ''} ${meta.council}`) : [];
      this.titleTerms.set(documentId, cached);
    }
    return cached;
  }

  /**
   * True for a clause that carries no substance of its own: its words (numbers aside) only repeat its heading path
   * ("Background papers: There are no background papers", an agenda line "Monitoring Officer Annual Report 5 - 14"),
   * or it has at most `stubTerms` content words.
   */
  private isStub(doc: number, stubTerms: number): boolean {
    let cached = this.stubs.get(doc);
    if (cached === undefined) {
      const clause = this.clauses[doc] as Clause;
      const headingTerms = new Set(terms(clause.headings.join(' ')));
      const textTerms = terms(clause.text).filter((term) => !/^\d+$/.test(term));
      const ownTerms = textTerms.filter((term) => !headingTerms.has(term));
      cached = textTerms.length <= stubTerms || ownTerms.length <= 1;
      this.stubs.set(doc, cached);
    }
    return cached;
  }

  private headingShare(clause: Clause, ownTerms: ReadonlySet<string>): number {
    if (ownTerms.size === 0 || clause.headings.length === 0) return 0;
    const key = clause.headings.join('\u0000');
    let headingTerms = this.headingTerms.get(key);
    if (!headingTerms) {
      headingTerms = new Set(terms(clause.headings.join(' ')));
      this.headingTerms.set(key, headingTerms);
    }
    let found = 0;
    for (const term of ownTerms) if (headingTerms.has(term)) found++;
    return found / ownTerms.size;
  }
}

/** A dotted clause number with an optional lettered or roman sub-item: "13.2", "3.1.4", "8.2(a)", "4.18 (ii)". */
export const clauseReference = /(?<![\d.])\d{1,2}(?:\.\d{1,2}){1,2}(?:\s?\([a-z]{1,4}\))?(?![\d.]*\d)/gi;

interface Candidate {
  doc: number;
  lexical: number;
  dense: number;
  score: number;
}

/** A query's ordered pairs of adjacent content words (direction evidence, and the question bank's word order). */
function wordPairsOf(analysed: AnalysedQuery): string[] {
  return bigramsOf(analysed.tokens.map((token) => token.term));
}

/** Sets `score` on every candidate according to the hand-set fusion method (`learned` without a ranker: the blend). */
function fuse(candidates: Candidate[], settings: RankingSettings, useDense: boolean): void {
  const method = !useDense ? 'lexical' : settings.fusion === 'learned' ? 'zscore' : settings.fusion;
  if (method === 'lexical' || method === 'dense') {
    for (const candidate of candidates)
      candidate.score = method === 'lexical' ? candidate.lexical : candidate.dense;
    return;
  }
  if (method === 'rrf') {
    const lexicalRank = ranks(candidates, (candidate) => candidate.lexical);
    const denseRank = ranks(candidates, (candidate) => candidate.dense);
    for (const candidate of candidates) {
      const lexicalPart =
        candidate.lexical > 0 ? 1 / (settings.rrfConstant + (lexicalRank.get(candidate.doc) as number)) : 0;
      candidate.score = lexicalPart + 1 / (settings.rrfConstant + (denseRank.get(candidate.doc) as number));
    }
    return;
  }
  if (method === 'zscore') {
    const lexicalSpread = spread(candidates.map((candidate) => candidate.lexical));
    const denseSpread = spread(candidates.map((candidate) => candidate.dense));
    for (const candidate of candidates) {
      candidate.score =
        settings.lexicalShare * standardise(candidate.lexical, lexicalSpread) +
        (1 - settings.lexicalShare) * standardise(candidate.dense, denseSpread);
    }
    // Onto 0..1 through the logistic function, so the multiplicative nudges that follow (heading, stub, cover,
    // document) keep their sense and a fixed bonus (a quoted clause number) weighs the same in every query; a
    // min–max rescale instead would stretch every query's spread to the full range and swamp that bonus.
    for (const candidate of candidates) candidate.score = 1 / (1 + Math.exp(-candidate.score));
    return;
  }
  const lexicalRange = range(candidates.map((candidate) => candidate.lexical));
  const denseRange = range(candidates.map((candidate) => candidate.dense));
  for (const candidate of candidates) {
    const lexicalPart = scale(candidate.lexical, lexicalRange);
    const densePart = scale(candidate.dense, denseRange);
    candidate.score = settings.lexicalShare * lexicalPart + (1 - settings.lexicalShare) * densePart;
  }
}

function ranks(
  candidates: readonly Candidate[],
  value: (candidate: Candidate) => number,
): Map<number, number> {
  const ordered = [...candidates].sort((left, right) => value(right) - value(left) || left.doc - right.doc);
  return new Map(ordered.map((candidate, position) => [candidate.doc, position + 1]));
}

function range(values: readonly number[]): { low: number; high: number } {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (value < low) low = value;
    if (value > high) high = value;
  }
  return { low: Math.min(low, 0), high };
}

function scale(value: number, { low, high }: { low: number; high: number }): number {
  return high > low ? (value - low) / (high - low) : 0;
}

function spread(values: readonly number[]): { mean: number; deviation: number } {
  const mean = values.reduce((total, value) => total + value, 0) / Math.max(1, values.length);
  const variance =
    values.reduce((total, value) => total + (value - mean) ** 2, 0) / Math.max(1, values.length);
  return { mean, deviation: Math.sqrt(variance) };
}

function standardise(value: number, { mean, deviation }: { mean: number; deviation: number }): number {
  return deviation > 0 ? (value - mean) / deviation : 0;
}

/** Cosine of the query with the clause, or with its best sentence when that is closer and sentences are given. */
function denseSimilarity(
  query: Float32Array,
  vectors: Float32Array,
  dimension: number,
  doc: number,
  sentences: SentenceVectors | undefined,
): number {
  let best = dot(query, vectors, doc * dimension, dimension);
  if (sentences) {
    const end = sentences.offsets[doc + 1] ?? 0;
    for (let sentence = sentences.offsets[doc] ?? 0; sentence < end; sentence++) {
      best = Math.max(best, dot(query, sentences.vectors, sentence * dimension, dimension));
    }
  }
  return best;
}

function isZero(vector: Float32Array): boolean {
  for (const value of vector) if (value !== 0) return false;
  return true;
}

/** Inner product of `query` with the vector stored at `offset`. */
export function dot(query: Float32Array, vectors: Float32Array, offset: number, dimension: number): number {
  let sum = 0;
  for (let index = 0; index < dimension; index++)
    sum += (query[index] as number) * (vectors[offset + index] as number);
  return sum;
}
