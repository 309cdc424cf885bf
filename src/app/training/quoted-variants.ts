import { hashOfTexts } from '../../answer/index.js';
import type { Clause } from '../../corpus/index.js';

/**
 * A training message rewritten to quote the documents, as people do: a clause pasted above or below the question, a
 * clause's first sentence quoted beside it, or its number named. Quoting a rule does not change what a message asks
 * for — a request for political advice that pastes §11.3 is still one — but it does make retrieval find that clause
 * closely, which a classifier reading retrieval's evidence could take for a settled question. Training on these
 * variants, labelled as their originals, teaches it otherwise.
 */
export function quotedVariant(id: string, message: string, clause: Pick<Clause, 'id' | 'text'>): string {
  const text = clause.text.trim();
  const first = firstSentence(text);
  const forms = [
    () => `${message}\n\n> ${text}`,
    () => `${text}\n${message}`,
    () => `Para ${clause.id} reads: “${first}” ${message}`,
    () => `${message} (I know ${clause.id} says “${first}”)`,
    () => `On ${clause.id} — ${message}`,
  ];
  const form = forms[Number.parseInt(hashOfTexts([id]).slice(0, 8), 16) % forms.length] as () => string;
  return form();
}

/** Which messages get a quoted variant: every `QUOTED_EVERY`th in the training order. */
export const QUOTED_EVERY = 3;

function firstSentence(text: string): string {
  const end = text.search(/[.;:](\s|$)/);
  return end > 0 && end < 300 ? text.slice(0, end + 1) : text.slice(0, 300);
}
