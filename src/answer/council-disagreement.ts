import type { DocumentMeta } from '../corpus/index.js';
import type { Citation } from './answer-schema.js';

const numberWords: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  'twenty four': 24,
  'twenty-four': 24,
  thirty: 30,
};
const quantity =
  /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|fourteen|fifteen|twenty[- ]four|twenty|thirty)\s+(working days?|clear days?|days?|hours?|weeks?)\b/gi;

/** A time limit found in a cited clause. */
interface TimeLimit {
  citation: Citation;
  council: string;
  amount: number;
  unit: string;
  phrase: string;
}

/**
 * When cited clauses from different councils set different time limits (two working days vs ten), returns a
 * sentence saying so and naming both; otherwise null.
 */
export function describeDisagreement(
  citations: Citation[],
  documents: ReadonlyMap<string, DocumentMeta>,
): string | null {
  const limits: TimeLimit[] = [];
  for (const citation of citations) {
    const council = documents.get(citation.document)?.council ?? citation.document;
    for (const match of citation.quote.matchAll(quantity)) {
      const raw = (match[1] ?? '').toLowerCase();
      const amount = Number.isNaN(Number(raw)) ? (numberWords[raw] ?? Number.NaN) : Number(raw);
      const unit = (match[2] ?? '').toLowerCase().replace(/s$/, '');
      limits.push({ citation, council, amount, unit, phrase: match[0] });
    }
  }
  for (const first of limits) {
    const other = limits.find(
      (candidate) =>
        candidate.council !== first.council &&
        candidate.unit === first.unit &&
        candidate.amount !== first.amount,
    );
    if (other) {
      return `The documents differ: ${label(first, documents)} says ${first.phrase}, while ${label(other, documents)} says ${other.phrase}. Follow your own council’s protocol.`;
    }
  }
  return null;
}

function label(limit: TimeLimit, documents: ReadonlyMap<string, DocumentMeta>): string {
  const meta = documents.get(limit.citation.document);
  const name = meta?.shortTitle ?? meta?.title ?? limit.citation.document;
  return limit.citation.clause ? `${name} (§${limit.citation.clause})` : name;
}
