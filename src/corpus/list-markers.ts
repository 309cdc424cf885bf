/**
 * Lettered and roman sub-item markers: `a)`, `a.`, `(a)`, `(iii)`. Whether `i`, `v` or `x` is a letter or a roman
 * numeral depends on the list it continues (`(i)` after `(h)` is the ninth letter), so the caller passes the
 * markers of the lists still open.
 */

/** The kind of list an item marker belongs to. */
export type ItemKind = 'letter' | 'roman';

/** An item marker as printed and the token inside it (`(iii)` → `iii`). */
export interface ItemMarker {
  /** As printed: `a)`, `a.`, `(a)`, `(iii)`. */
  printed: string;
  /** The letter or numeral, lower case: `a`, `iii`. */
  token: string;
}

/** An open list item, as far as numbering is concerned. */
export interface OpenItem {
  kind: ItemKind;
  token: string;
}

const markerPattern = /^(\(([a-z]{1,5})\)|([a-z]{1,5})[.)])\s+(\S.*)$/;
const romanPattern = /^(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})$/;

/** Splits `(a) text` / `a) text` / `a. text` into marker and text, or returns null when the line has no marker. */
export function parseItemMarker(line: string): { marker: ItemMarker; text: string } | null {
  const match = markerPattern.exec(line);
  if (!match) return null;
  const token = match[2] ?? match[3] ?? '';
  if (token.length > 1 && !romanPattern.test(token)) return null;
  return { marker: { printed: match[1] ?? token, token }, text: match[4] ?? '' };
}

/** Value of a lower-case roman numeral (`iv` → 4), or 0 when `token` is not one. */
export function romanValue(token: string): number {
  if (!romanPattern.test(token)) return 0;
  const values: Record<string, number> = { i: 1, v: 5, x: 10 };
  let total = 0;
  for (let index = 0; index < token.length; index += 1) {
    const value = values[token.charAt(index)] ?? 0;
    const next = values[token.charAt(index + 1)] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/**
 * Decides whether `token` numbers a lettered or a roman list. Multi-character tokens are roman; a single `i`, `v` or
 * `x` is a letter when it follows the letter before it in an open list (`h` → `i`), roman when it follows the
 * numeral before it (`iv` → `v`), and otherwise `i` starts a roman list while `v` and `x` are letters.
 */
export function itemKind(token: string, open: readonly OpenItem[]): ItemKind {
  if (token.length > 1) return 'roman';
  if (!'ivx'.includes(token)) return 'letter';
  for (let index = open.length - 1; index >= 0; index -= 1) {
    const item = open[index];
    if (!item) continue;
    if (item.kind === 'letter' && item.token.charCodeAt(0) + 1 === token.charCodeAt(0)) return 'letter';
    if (item.kind === 'roman' && romanValue(item.token) + 1 === romanValue(token)) return 'roman';
  }
  return token === 'i' ? 'roman' : 'letter';
}
