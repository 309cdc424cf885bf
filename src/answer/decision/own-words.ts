import { clauseReference } from '../../search/hybrid-search.js';
import { readingForm } from '../input-cleaning.js';

/**
 * Words in a row copied from a clause before they count as quoted. Shorter runs are the domain's own phrases ("on a
 * need to know basis", "the Monitoring Officer") that askers use in their own sentences.
 */
export const QUOTED_RUN = 8;

/** What stands where quoted text was, so the asker's sentence still reads as one ("what does … mean?"). */
export const QUOTED_MARK = '…';

/**
 * The asker's own words: `reading` (a message in its reading form) with every run of at least `run` words that also
 * appears, word for word, in one of `sources` (the clauses retrieval found for it) replaced by {@link QUOTED_MARK}.
 * The decision is about what the asker wants, not about the text they pasted: a political request wrapped in a
 * quoted clause is still a political request, and a quoted clause makes any message look like one the documents
 * settle. Returns `reading` itself when nothing is quoted.
 */
export function ownWords(reading: string, sources: readonly string[], run = QUOTED_RUN): string {
  const words = [...reading.matchAll(/[a-z0-9]+/g)];
  if (words.length < run || sources.length === 0) return reading;
  const runs = new Set<string>();
  for (const source of sources) {
    const sourceWords = readingForm(source).match(/[a-z0-9]+/g) ?? [];
    for (let start = 0; start + run <= sourceWords.length; start++)
      runs.add(sourceWords.slice(start, start + run).join(' '));
  }
  const quoted = new Uint8Array(words.length);
  for (let start = 0; start + run <= words.length; start++) {
    const key = words
      .slice(start, start + run)
      .map((word) => word[0])
      .join(' ');
    if (runs.has(key)) quoted.fill(1, start, start + run);
  }
  if (!quoted.includes(1)) return reading;
  let out = '';
  let at = 0;
  for (let index = 0; index < words.length; index++) {
    if (!quoted[index]) continue;
    let last = index;
    while (last + 1 < words.length && quoted[last + 1]) last++;
    const first = words[index] as RegExpMatchArray;
    const end = words[last] as RegExpMatchArray;
    out += `${reading.slice(at, first.index)}${QUOTED_MARK}`;
    at = (end.index ?? 0) + (end[0] as string).length;
    index = last;
  }
  return `${out}${reading.slice(at)}`.replace(/\s+/g, ' ').trim();
}

/** The message names a clause by its number ("para 8.2", "4.19(iii)"); sums, times and rates ("£1.5m") do not count. */
export function namesClause(text: string): boolean {
  for (const match of text.matchAll(clauseReference)) {
    const at = match.index ?? 0;
    const before = text.slice(0, at).trimEnd().slice(-1);
    const after = text.slice(at + match[0].length);
    if (/[£$€]/.test(before) || /^\s?(?:(?:am|pm|m|bn|k)\b|%)/i.test(after)) continue;
    return true;
  }
  return false;
}

/**
 * Whether retrieval's evidence speaks for a message's decision: not when the message points into the documents,
 * quoting a clause (`own` differs from `reading`) or naming one by number. Retrieval then finds the clause pointed
 * at, whatever the asker wants of it, so evidence would make a political request that cites a clause look like a
 * question the documents settle. The asker's own words decide alone.
 */
export function readsEvidence(reading: string, own: string): boolean {
  return own === reading && !namesClause(reading);
}
