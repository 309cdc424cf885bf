import path from 'node:path';
import { parseCorpus } from '../../src/corpus/clause-parser.js';
import { loadCorpus } from '../../src/corpus/document-manifest.js';
import { SentenceEncoderEmbeddings } from '../../src/search/embed/sentence-encoder-embeddings.js';
import { encoderTexts } from '../../src/search/open-retriever.js';

/**
 * Vitest global setup: makes sure the sentence encoder's vector cache (node_modules/.cache/protocol-bot-encoder)
 * holds every text of the shipped corpus. A dozen test files build that corpus's index in their own DATA_DIRs; with
 * the cache warm each build takes seconds, and on a fresh checkout the corpus is encoded once here rather than by
 * several files at the same time. With a warm cache this reads one file and loads no model.
 */
export default async function warmEncoderCache(): Promise<void> {
  const documents = loadCorpus(path.resolve('corpus'));
  await new SentenceEncoderEmbeddings().embedCached(encoderTexts(parseCorpus(documents), documents));
}
