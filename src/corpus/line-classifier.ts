import { type ItemMarker, parseItemMarker } from './list-markers.js';
import { isPageFurniture } from './page-furniture.js';
import { stripMarkup } from './text-markup.js';

/**
 * The shape of one source line, before context decides what it means: a clause number, a list item, a table row,
 * a footnote, or plain text (which may turn out to be a heading).
 */
export type SourceLine =
  | { kind: 'blank' }
  | { kind: 'furniture' }
  /** `¹ This would include…`: footnote text, attached later to the clause that carries the marker. */
  | { kind: 'footnote'; marker: string; text: string }
  /** A pipe or tab-separated table row; empty cells kept so a title row (one filled cell) can be recognised. */
  | { kind: 'table'; cells: string[] }
  /** `6 REQUESTS FOR INFORMATION`, `3. EXPECTATIONS`, `8.0 Friendships…`, `- 5. Monitoring Officer Annual Report`. */
  | { kind: 'section'; number: string; title: string }
  /** `6.2 text`, `- 2.4.1 text`, `2.0 text`; or a top-level numbered paragraph that reads as a sentence. */
  | { kind: 'numbered'; id: string; text: string }
  /** `a) text`, `(iii) text`, `b. text`, with or without a leading bullet. */
  | { kind: 'item'; marker: ItemMarker; text: string }
  /** `- text` / `• text` with no number or letter. */
  | { kind: 'bullet'; text: string }
  | { kind: 'text'; text: string };

const footnotePattern = /^([¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*(\S.*)$/;
const bulletPattern = /^[-•]\s+/;
const dottedPattern = /^(\d{1,3}(?:\.\d{1,3})+)\.?\s+(\S.*)$/;
const singlePattern = /^(\d{1,3})\.?\s+(\S.*)$/;

/** Classifies one raw line of a converted document by its shape alone. */
export function classifyLine(raw: string): SourceLine {
  const trimmed = raw.trim();
  if (trimmed === '') return { kind: 'blank' };
  if (isPageFurniture(trimmed)) return { kind: 'furniture' };
  if (/^\|.*\|$/.test(trimmed)) {
    return { kind: 'table', cells: trimmed.slice(1, -1).split('|').map(stripMarkup) };
  }
  if (raw.includes('\t')) return { kind: 'table', cells: raw.split('\t').map(stripMarkup) };

  const line = stripMarkup(trimmed);
  if (line === '') return { kind: 'blank' };
  const footnote = footnotePattern.exec(line);
  if (footnote) return { kind: 'footnote', marker: footnote[1] ?? '', text: footnote[2] ?? '' };

  const bulleted = bulletPattern.test(line);
  const body = line.replace(bulletPattern, '');
  const dotted = dottedPattern.exec(body);
  if (dotted) {
    const id = dotted[1] ?? '';
    const text = dotted[2] ?? '';
    // Swale's draft prints section headings as `1.0 Introduction`; `- 2.0 Members provide…` is a clause.
    if (/^\d+\.0$/.test(id) && !bulleted && looksLikeHeading(text)) {
      return { kind: 'section', number: id.replace(/\.0$/, ''), title: text };
    }
    return { kind: 'numbered', id, text };
  }
  const single = singlePattern.exec(body);
  if (single) {
    const number = single[1] ?? '';
    const text = single[2] ?? '';
    if (looksLikeHeading(text)) return { kind: 'section', number, title: text };
    return { kind: 'numbered', id: number, text };
  }
  const item = parseItemMarker(body);
  if (item) return { kind: 'item', marker: item.marker, text: item.text };
  if (bulleted) return { kind: 'bullet', text: body };
  return { kind: 'text', text: line };
}

/**
 * Whether a line reads as a heading: capitalised, at most twelve words, and not ending like a sentence. Capitals
 * (`COMMON LAW`, `UNACCEPTABLE OR INAPPROPRIATE BEHAVIOUR:`, `HOW CAN THE INFORMATION BE USED?`) may end in a colon
 * or question mark; title-case headings (`Members' Enquiries`) may not contain a colon at all, which keeps cover
 * lines such as `Date: Monday, 18 December 2023` out.
 */
export function looksLikeHeading(text: string): boolean {
  if (!/^["“']?[A-Z]/.test(text)) return false;
  if (text.split(' ').length > 12) return false;
  const letters = text.replace(/[^A-Za-z]/g, '');
  if (letters.length >= 2 && letters === letters.toUpperCase()) return !/[.;,]$/.test(text);
  return !/[.;:,!?\-–—]$/.test(text) && !/[:=]/.test(text) && !finiteVerb.test(text);
}

/** A heading names a topic; a line with one of these verbs is a sentence ("There are no background papers"). */
const finiteVerb = /\b(?:is|are|was|were|will|must|should|shall|may|can|has|have)\b/i;

/**
 * A heading as it goes into a heading path: markup already gone, a trailing colon dropped, and an agenda's page
 * range (`Monitoring Officer Annual Report 5 - 14`) left to the text.
 */
export function headingText(text: string): string {
  return text.replace(/\s*:$/, '').replace(/\s+\d{1,3}\s*-\s*\d{1,3}$/, '');
}
