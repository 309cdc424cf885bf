import { describe, expect, it } from 'vitest';
import {
  SentencePieceTokenizer,
  type VocabularyEntry,
} from '../../../src/search/embed/sentence-piece-tokenizer.js';

/** Ids 0–5 are control symbols, as in USE-lite's vocabulary; pieces follow with log-probability scores. */
const vocabulary: VocabularyEntry[] = [
  ['\uFFFD', 0],
  ['<s>', 0],
  ['</s>', 0],
  ['extra_token_id_1', 0],
  ['extra_token_id_2', 0],
  ['extra_token_id_3', 0],
  ['▁the', -2], // 6
  ['▁t', -4], // 7
  ['he', -4], // 8
  ['▁cat', -3], // 9
  ['s', -3], // 10
  ['▁', -5], // 11
  ['▁fi', -6], // 12
  ['le', -6], // 13
  ['▁file', -7], // 14
  // Single characters, as the real vocabulary has them, so every text has some segmentation.
  ...[...'thecafil'].map((letter): VocabularyEntry => [letter, -10]),
];

/** Without single characters, a stretch reached only through unknown ids scores 0 and wins: the reference does so. */
const sparseVocabulary = vocabulary.slice(0, 15);

describe('SentencePieceTokenizer', () => {
  const tokenizer = new SentencePieceTokenizer(vocabulary);

  it('keeps the segmentation with the best total score, words marked with ▁', () => {
    // "▁the" (-2) beats "▁t" + "he" (-8); "▁cat" + "s" is the only way to cover "cats".
    expect(tokenizer.encode('the cats')).toEqual([6, 9, 10]);
    // "▁file" (-7) beats "▁fi" + "le" (-12).
    expect(tokenizer.encode('file')).toEqual([14]);
  });

  it('normalises with NFKC first, so a ligature reads as its letters', () => {
    expect(tokenizer.encode('ﬁle')).toEqual(tokenizer.encode('file'));
  });

  it('turns characters no piece covers into one unknown id per run', () => {
    expect(tokenizer.encode('the ##')).toEqual([6, 11, 0]);
  });

  it('keeps the reference quirk that an unreached position scores 0 (the ids the model was trained on)', () => {
    // Checked against @energetic-ai/embeddings 0.2.0's tokenizer with the same vocabulary.
    const sparse = new SentencePieceTokenizer(sparseVocabulary);
    expect(sparse.encode('the cats')).toEqual([7, 0, 9, 10]);
    expect(sparse.encode('file')).toEqual([11, 0]);
  });

  it('encodes empty text as no ids', () => {
    expect(tokenizer.encode('')).toEqual([]);
  });
});
