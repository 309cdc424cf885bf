import type { Clause } from './clause.js';

/**
 * How to cite a clause in prose: `§6.2` for a printed number, the heading itself for unnumbered text
 * (`Recording and Privacy Notice`), and `the cover page` for a document's title block.
 */
export function clauseLabel(clause: Pick<Clause, 'id'>): string {
  if (/^\d/.test(clause.id)) return `§${clause.id}`;
  if (clause.id === 'Cover') return 'the cover page';
  return clause.id;
}
