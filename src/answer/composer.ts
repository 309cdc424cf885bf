import type { DocumentMeta } from '../corpus/index.js';
import type { SearchHit } from '../search/index.js';
import type { Citation } from './answer-schema.js';

/** What a composer is given: a standalone question and the clauses retrieval found for it. */
export interface ComposeInput {
  /** Standalone question (follow-ups already condensed), cleaned of markup. */
  question: string;
  /** Retrieved clauses, best first; the composer may cite only these. */
  hits: SearchHit[];
  /** Metadata for every document, by id. */
  documents: ReadonlyMap<string, DocumentMeta>;
}

/** A composed reply. The pipeline adds draft/stale warnings and enforces the policy floor afterwards. */
export interface ComposedAnswer {
  /** A composer may only make the decision stricter than `answer`; the pipeline never lets it loosen one. */
  decision: 'answer' | 'escalate' | 'refuse';
  /** The answer for a person: one or two sentences, then the quoted clauses. */
  text: string;
  /** Most relevant first; each names a retrieved clause and quotes it verbatim. */
  citations: Citation[];
  /** A one-line note for the reader, e.g. that the generative answer failed and the extractive one is shown. */
  note?: string;
}

/** Turns retrieved clauses into an answer (extractive offline; generative when a model is configured). */
export interface Composer {
  compose(input: ComposeInput): Promise<ComposedAnswer>;
}

/** Rewrites a follow-up ("and phone calls?") into a standalone question using the thread's earlier questions. */
export interface QuestionCondenser {
  condense(question: string, history: string[]): Promise<string>;
}
