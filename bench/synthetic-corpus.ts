import type { Clause } from '../src/corpus/clause.js';
import type { CorpusDocument } from '../src/corpus/document-manifest.js';
import { seededRandom } from '../src/search/embed/seeded-random.js';

/** Clauses per synthetic document. */
const clausesPerDocument = 1000;

/**
 * A large corpus that reads like the real one: each clause recombines one to three real sentences, with about one
 * word in seven swapped for another corpus word, under a real heading path. Seeded, so every run is identical.
 */
export function syntheticCorpus(
  base: readonly Clause[],
  count: number,
  seed = 7,
): { documents: CorpusDocument[]; clauses: Clause[] } {
  const random = seededRandom(seed);
  const sentences = base
    .flatMap((clause) => clause.text.split(/(?<=[.;:])\s+/))
    .filter((sentence) => sentence.length > 30);
  const words = base
    .flatMap((clause) => clause.text.split(/\s+/))
    .filter((word) => /^[A-Za-z]{3,}$/.test(word));
  const pick = <T>(items: readonly T[]) => items[random.integer(items.length)] as T;
  const clauses: Clause[] = [];
  for (let index = 0; index < count; index++) {
    const documentNumber = Math.floor(index / clausesPerDocument);
    const ordinal = index % clausesPerDocument;
    const parts = Array.from({ length: 1 + random.integer(3) }, () => pick(sentences));
    const text = parts
      .join(' ')
      .split(' ')
      .map((word) => (random.next() < 0.15 ? pick(words) : word))
      .join(' ');
    const section = 1 + Math.floor(ordinal / 20);
    clauses.push({
      document: `synthetic-${documentNumber}`,
      id: `${section}.${(ordinal % 20) + 1}`,
      key: `synthetic-${documentNumber}#${ordinal}`,
      ordinal,
      parent: String(section),
      headings: [...pick(base).headings],
      text,
    });
  }
  const documentCount = Math.ceil(count / clausesPerDocument);
  const documents: CorpusDocument[] = Array.from({ length: documentCount }, (_, number) => ({
    meta: {
      id: `synthetic-${number}`,
      file: `synthetic-${number}.txt`,
      title: `Synthetic protocol ${number}`,
      council: 'Synthetic council',
      kind: 'protocol',
      status: 'adopted',
    },
    // The texts only feed the index key; a short fingerprint of the seed and size keeps memory down.
    text: `synthetic corpus seed ${seed}, ${count} clauses, document ${number}`,
  }));
  return { documents, clauses };
}

/** Question-like strings of three to seven corpus words, for latency and recall runs. */
export function syntheticQueries(base: readonly Clause[], count: number, seed = 11): string[] {
  const random = seededRandom(seed);
  const words = base
    .flatMap((clause) => clause.text.split(/\s+/))
    .filter((word) => /^[A-Za-z]{4,}$/.test(word));
  return Array.from({ length: count }, () =>
    Array.from({ length: 3 + random.integer(5) }, () => words[random.integer(words.length)] as string).join(
      ' ',
    ),
  );
}
