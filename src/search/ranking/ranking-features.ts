/**
 * The evidence a learned ranker weighs for one candidate clause, all computed per query over its candidate set so
 * that scales agree between queries (the `…Z` features standardise a signal within the query's candidates). Names
 * are stable: a ranker file lists the ones it was trained on.
 */
export const rankingFeatureNames = [
  /** BM25F score over the best candidate's (0..1). */
  'lexical',
  /** log(1 + BM25F score). */
  'lexicalLog',
  /** 1 / (1 + rank) in the lexical order. */
  'lexicalRank',
  /** Cosine similarity of question and clause vectors. */
  'dense',
  /** Dense similarity rescaled over the candidates (0..1). */
  'denseScaled',
  /** 1 / (1 + rank) in the dense order. */
  'denseRank',
  /** Best cosine similarity of the question with one sentence of the clause (the clause's own when unknown). */
  'sentenceDense',
  /** BM25 over the clause text alone, over the best candidate's (0..1). */
  'textField',
  /** BM25 over the clause's heading path alone, over the best candidate's (0..1). */
  'headingsField',
  /** BM25 over the parent clause's lead-in alone, over the best candidate's (0..1). */
  'contextField',
  /** Share of the question's content terms (with synonyms) found in the clause, its headings or its document's title. */
  'coverage',
  /** Share of the question's own terms found in the clause's heading path. */
  'heading',
  /** How strongly the question names the clause's document, over the best-named document's (0..1). */
  'namedDocument',
  /**
   * How strongly the question names the clause's document, not relative to other documents: the summed weight of the
   * question's words found in its title, each weighted by how rare it is among titles and among the other documents'
   * clauses (a word every document uses, such as "councillor", names no document even when one title holds it).
   */
  'namedDocumentStrength',
  /** The question quotes this clause's number. */
  'referenced',
  /** The clause is a document's cover (title page, meeting details). */
  'cover',
  /** The clause only repeats its heading or has very few words. */
  'stub',
  /**
   * Direction (who does what to whom): BM25F over only the question's ordered pairs of adjacent words, over the best
   * candidate's (0..1) — "officers can expect from councillors" and its reverse share words but not pairs.
   */
  'pairs',
  /** The pair score as a z-score over the candidates. */
  'pairsZ',
  /** BM25F score as a z-score over the query's candidates (the hand-set fusion's own scale). */
  'lexicalZ',
  /** Dense similarity (best sentence) as a z-score over the candidates. */
  'denseZ',
  /** Whole-clause cosine as a z-score over the candidates. */
  'wholeZ',
  /** Coverage as a z-score over the candidates. */
  'coverageZ',
  /** Heading match as a z-score over the candidates. */
  'headingZ',
  /** Similarity of the nearest labelled question that cites the clause, among the query's neighbours (question bank). */
  'exampleNearest',
  /** Share of the neighbouring labelled questions' weight on questions that cite the clause. */
  'exampleVote',
  /**
   * The same share, counting only questions that cite this very clause — not a sub-item or parent of it, which the
   * eval also accepts: a parent with many sub-items collects their votes without being what they asked about.
   */
  'exampleDirect',
  /** The nearest citing question's similarity as a z-score over the candidates. */
  'exampleNearestZ',
  /**
   * How often labelled questions cite the clause's document first: log of its smoothed share of the question bank.
   * Where a question names no document and several documents say the same thing, people cite some documents far
   * more often than others; retrieval alone cannot know which.
   */
  'documentPrior',
] as const;

/** One feature's name. */
export type RankingFeatureName = (typeof rankingFeatureNames)[number];

/** A candidate's features, in `rankingFeatureNames` order. */
export type RankingFeatures = Float32Array;

/** An empty feature row. */
export function emptyFeatures(): RankingFeatures {
  return new Float32Array(rankingFeatureNames.length);
}

/** Index of a feature in a row. */
export function featureIndex(name: RankingFeatureName): number {
  return rankingFeatureNames.indexOf(name);
}
