/**
 * The tokenizer of the Universal Sentence Encoder lite: SentencePiece-style segmentation over a scored vocabulary.
 *
 * Ported from TensorFlow.js Models, `universal-sentence-encoder/src/tokenizer` (Copyright 2019 Google LLC,
 * Apache-2.0), the same algorithm `@energetic-ai/embeddings` 0.2.0 ships. The text is NFKC-normalised, spaces become
 * "▁" and a "▁" is put in front; a trie of the vocabulary lists every piece that starts at each position; a
 * Viterbi-like pass keeps, for each end position, the piece whose score plus the best score before it is highest;
 * the best segmentation is then read backwards. Characters no piece covers become the unknown id 0, and runs of
 * them collapse into one.
 *
 * The reference's quirks are kept on purpose, because the model was trained on exactly these ids: a best score of 0
 * means "not reached yet", ties go to the later candidate, and the backward walk steps by the vocabulary string's
 * length. Tests compare whole vectors with the reference.
 */

/** One vocabulary entry: the piece and its log-probability score. */
export type VocabularyEntry = readonly [piece: string, score: number];

/** The word-start marker SentencePiece puts before each word. */
const wordStart = '\u2581';

/** Ids 0–5 are `<unk>`-like control symbols; they never match text. */
const reservedSymbolCount = 6;

/** The unknown piece's id. */
const unknownId = 0;

interface TrieNode {
  children: Map<string, TrieNode>;
  /** Set when a vocabulary piece ends here. */
  piece?: { length: number; score: number; id: number };
}

/** A piece found at some position: its length in code points, score and id. */
interface Candidate {
  length: number;
  score: number;
  id: number;
}

/** Encodes text to USE-lite vocabulary ids. Build once per vocabulary; `encode` is pure. */
export class SentencePieceTokenizer {
  private readonly root: TrieNode = { children: new Map() };

  constructor(private readonly vocabulary: readonly VocabularyEntry[]) {
    for (let id = reservedSymbolCount; id < vocabulary.length; id++) {
      const entry = vocabulary[id];
      if (entry) this.insert(entry[0], entry[1], id);
    }
  }

  /** The ids of `text`'s best segmentation; empty for empty text. */
  encode(text: string): number[] {
    const symbols = [...prepare(text)];
    // candidatesEndingAt[end] lists the pieces ending at `end`, in increasing start order (as the reference walks).
    const candidatesEndingAt: Candidate[][] = Array.from({ length: symbols.length + 1 }, () => []);
    for (let start = 0; start < symbols.length; start++) {
      for (const candidate of this.piecesStartingAt(symbols, start)) {
        candidatesEndingAt[start + candidate.length]?.push(candidate);
      }
    }
    for (const candidates of candidatesEndingAt) candidates.sort((a, b) => b.length - a.length);

    const best = new Float64Array(symbols.length + 1);
    const bestId = new Int32Array(symbols.length + 1);
    for (let end = 0; end <= symbols.length; end++) {
      for (const candidate of candidatesEndingAt[end] ?? []) {
        const score = candidate.score + (best[end - candidate.length] ?? 0);
        if (best[end] === 0 || score >= (best[end] ?? 0)) {
          best[end] = score;
          bestId[end] = candidate.id;
        }
      }
    }

    const reversed: number[] = [];
    for (let position = symbols.length; position > 0; ) {
      const id = bestId[position] ?? unknownId;
      reversed.push(id);
      position -= this.vocabulary[id]?.[0].length ?? 1;
    }
    const ids: number[] = [];
    let previousUnknown = false;
    for (const id of reversed) {
      if (!(previousUnknown && id === unknownId)) ids.push(id);
      previousUnknown = id === unknownId;
    }
    return ids.reverse();
  }

  private insert(piece: string, score: number, id: number): void {
    let node = this.root;
    const symbols = [...piece];
    for (const symbol of symbols) {
      let child = node.children.get(symbol);
      if (!child) {
        child = { children: new Map() };
        node.children.set(symbol, child);
      }
      node = child;
    }
    if (symbols.length > 0) node.piece = { length: symbols.length, score, id };
  }

  /** Every vocabulary piece that is a prefix of `symbols[start…]`, shortest first; the unknown piece if none. */
  private piecesStartingAt(symbols: readonly string[], start: number): Candidate[] {
    const found: Candidate[] = [];
    let node = this.root.children.get(symbols[start] ?? '');
    for (let position = start; node && position < symbols.length; ) {
      if (node.piece) found.push(node.piece);
      position++;
      node = position < symbols.length ? node.children.get(symbols[position] ?? '') : undefined;
    }
    if (found.length === 0) found.push({ length: 1, score: 0, id: unknownId });
    return found;
  }
}

/** NFKC, then SentencePiece's word-start markers in place of spaces. */
function prepare(text: string): string {
  const normalised = text.normalize('NFKC');
  return normalised.length > 0 ? wordStart + normalised.replaceAll(' ', wordStart) : normalised;
}
