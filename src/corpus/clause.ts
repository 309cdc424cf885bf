/**
 * One citable unit of a document: a numbered paragraph, a lettered or roman sub-item, or (for text with no
 * printed number) the text under the nearest heading.
 */
export interface Clause {
  /** Document id from the manifest. */
  document: string;
  /**
   * Clause id as printed: `6.2`, `2.4.1`, `2.2(a)`, `4.19(iii)`. For unnumbered text, the nearest existing number
   * or heading (e.g. `4` or `Declarations of Interest`). Not unique: a document may print the same number twice.
   */
  id: string;
  /** Unique within the whole corpus: `${document}#${ordinal}`. */
  key: string;
  /** Position within the document, from 0. */
  ordinal: number;
  /** Parent clause id (`6` for `6.2`, `2.2` for `2.2(a)`), or null at the top. */
  parent: string | null;
  /** Headings in force above this clause, outermost first (e.g. ["REQUESTS FOR INFORMATION"]). */
  headings: string[];
  /** The clause text, page furniture removed, whitespace normalised, sub-item markers kept. */
  text: string;
}
