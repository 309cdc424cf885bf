import { describe, expect, it } from 'vitest';
import { scoreRetrieval } from '../../bench/retrieval-check.js';
import { retrievalQuestions } from '../../bench/retrieval-questions.js';
import { useShippedRetriever } from './shipped-retriever.js';

/**
 * The retrieval check on the shipped corpus: 25 realistic questions, BM25-only vs dense-only vs the hybrid default.
 * Figures with the sentence encoder (README, "Retrieval"): BM25F 0.84 / 1.00, encoder alone 0.36 / 0.68, z-score
 * fusion (the default) 0.76 / 1.00, min–max blend 0.80 / 1.00, reciprocal-rank fusion 0.80 / 1.00 (hit@1 / hit@3);
 * with the TF-IDF/SVD embedder instead, blend 0.72 / 1.00 and dense alone 0.52 / 0.84. The floors sit below those
 * so that honest tuning passes and a real regression fails.
 */
describe('retrieval on the shipped corpus', () => {
  const shipped = useShippedRetriever('retrieval-quality-');

  it('the hybrid ranking clears the floor and is not worse than either signal alone at hit@3', async () => {
    const hybrid = await scoreRetrieval(shipped.current, retrievalQuestions);
    const lexical = await scoreRetrieval(shipped.current, retrievalQuestions, { fusion: 'lexical' });
    const dense = await scoreRetrieval(shipped.current, retrievalQuestions, { fusion: 'dense' });
    expect(hybrid.questions).toBe(25);
    expect(hybrid.hitAt1, JSON.stringify(hybrid.misses)).toBeGreaterThanOrEqual(0.7);
    expect(hybrid.hitAt3, JSON.stringify(hybrid.misses)).toBeGreaterThanOrEqual(0.9);
    expect(lexical.hitAt3).toBeGreaterThanOrEqual(0.85);
    expect(dense.hitAt3).toBeGreaterThanOrEqual(0.6);
    expect(hybrid.hitAt3).toBeGreaterThanOrEqual(Math.max(lexical.hitAt3, dense.hitAt3) - 0.04);
  });

  it('finds the service standard for replies with high coverage', async () => {
    const hits = await shipped.current.search(
      "How quickly must an officer reply to a councillor's email?",
      3,
    );
    expect(hits.map((hit) => `${hit.clause.document} ${hit.clause.id}`)).toContain('part5c 6.2');
    expect(hits[0]?.coverage).toBeGreaterThanOrEqual(0.6);
    expect(hits[0]?.lexical).toBeGreaterThan(0);
    expect(hits[0]?.dense).toBeGreaterThan(0.3);
  });

  it('finds a clause through abbreviations the corpus does not use', async () => {
    const hits = await shipped.current.search('cllr asks an officer to go to a party group mtg', 5);
    expect(hits.some((hit) => /political group/i.test(hit.clause.text))).toBe(true);
  });

  it('gives low coverage to a question the documents do not answer', async () => {
    const [top] = await shipped.current.search('What will the weather be like in Swale tomorrow?', 1);
    expect(top?.coverage ?? 0).toBeLessThan(0.34);
  });

  it('answers in under 150 ms per question in-process, the sentence encoder included', async () => {
    await shipped.current.search('warm-up', 5);
    const started = performance.now();
    for (const { question } of retrievalQuestions) await shipped.current.search(question, 5);
    // The target is a p95 of 40 ms on a quiet machine (npm run bench). Beside other test files on two shared cores
    // the mean has reached 80 ms; 150 still catches the slips that matter (a model load or a full scan per query).
    expect((performance.now() - started) / retrievalQuestions.length).toBeLessThan(150);
  });

  it('knows corpus vocabulary and not invented words', () => {
    expect(shipped.current.knowsTerm('dispensation')).toBe(true);
    expect(shipped.current.knowsTerm('Monitoring Officer')).toBe(true);
    expect(shipped.current.knowsTerm('blockchain')).toBe(false);
  });
});
