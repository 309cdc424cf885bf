/**
 * Page furniture: lines a PDF conversion leaves behind that belong to the page, not to the text — blank-page
 * notices, running headers, page numbers, table-of-contents entries and pipe-table rulers.
 */

const furniturePatterns: readonly RegExp[] = [
  /^this page is intentionally left blank\.?$/i,
  // Running header of a constitution part ("Constitution: Part 5C").
  /^constitution:\s*part\s+\w+$/i,
  // A page number on its own ("12", "Page 12", "- 12 -").
  /^(?:page\s+)?-?\s*\d{1,3}\s*-?$/i,
  /^contents$/i,
  // A table-of-contents entry: a numbered title, then dots or a tab, then the page number.
  /^\d+(?:\.\d+)*\.?\s+\S.*?(?:\.{3,}\s*|\t\s*)\d{1,3}$/,
  // The ruler under a pipe table's header row.
  /^\|[\s|:-]*-[\s|:-]*\|$/,
];

/** True when `line` (raw, untrimmed) is page furniture and carries no text of the document. */
export function isPageFurniture(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && furniturePatterns.some((pattern) => pattern.test(trimmed));
}
