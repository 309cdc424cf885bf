import { ProtocolBotError } from '../errors.js';
import type { Clause } from './clause.js';
import type { CorpusDocument } from './document-manifest.js';
import { classifyLine, headingText, looksLikeHeading, type SourceLine } from './line-classifier.js';
import { type ItemKind, type ItemMarker, itemKind } from './list-markers.js';

export { clauseLabel } from './clause-label.js';

/** Id of the clause holding a document's title block and cover table (everything before its first section). */
export const COVER_CLAUSE_ID = 'Cover';

/**
 * Splits one converted document into citable clauses, in document order.
 *
 * - Printed numbers become ids (`6.2`, `3.1.5`, Swale's `2.0` and its second `2.1` kept as printed); lettered and
 *   roman sub-items become `2.2(a)`, `4.19(iii)` with the clause they belong to as parent, and the parent's text
 *   includes them. Dotted sub-clauses (`3.1.5`) stay separate, start with their parent's lead-in
 *   ("Councillors can expect from Officers:"), and a parent that is only a lead-in also lists them.
 * - Text with no number of its own is cited by the nearest number (an agenda item `4`, a section `6` holding a
 *   table) or, with no number about, by its heading (`Recording and Privacy Notice`); the title block and cover
 *   table before the first section form one clause `Cover`, with a report's `Recommendations` row on its own.
 * - Headings (`REQUESTS FOR INFORMATION`, `COMMON LAW`, `Members' Enquiries`) go into `headings`, outermost first.
 * - Page furniture is dropped, markup stripped, paragraphs broken by a page joined, footnotes moved to the clause
 *   that cites them, tables rendered as `cell — cell` lines. Parts of a clause are separated by newlines; whitespace
 *   inside a part is collapsed.
 */
export function parseDocument(document: CorpusDocument): Clause[] {
  const drafts = new DocumentParser(document.text.split(/\r?\n/).map(classifyLine)).parse();
  const clauses: Clause[] = [];
  for (const draft of drafts) {
    const text = clauseText(draft);
    if (text === '') continue;
    const ordinal = clauses.length;
    clauses.push({
      document: document.meta.id,
      id: draft.id,
      key: `${document.meta.id}#${ordinal}`,
      ordinal,
      parent: draft.parent,
      headings: draft.headings,
      text,
    });
  }
  if (clauses.length === 0) {
    throw new ProtocolBotError('corpus_invalid', `document "${document.meta.id}" has no clauses`);
  }
  return clauses;
}

/** Parses every document of the corpus; clauses come document by document, each in document order. */
export function parseCorpus(documents: CorpusDocument[]): Clause[] {
  return documents.flatMap(parseDocument);
}

/** A clause being built. `parts` are its paragraphs, rows and list lines, with sub-items in place. */
interface Draft {
  id: string;
  parent: string | null;
  headings: string[];
  parts: Array<string | Draft>;
  /** Set for lettered and roman items. */
  item?: { kind: ItemKind; token: string; owner: Draft };
  /** For a dotted clause (`3.1.5`), the clause it belongs to (`3.1`) when that was printed. */
  dottedParent?: Draft;
  /** Dotted clauses that belong to this one, in order. */
  dottedChildren: Draft[];
}

interface Section {
  number: string | null;
  title: string | null;
  /** The title as printed, page range and all; the text of a section clause that has nothing else. */
  printedTitle: string | null;
  /** Whether some clause is cited by this section's number (a section clause or a dotted one). */
  numbered: boolean;
  /** Where a clause for an otherwise empty section goes, to keep document order. */
  insertAt: number;
}

class DocumentParser {
  private readonly drafts: Draft[] = [];
  private readonly cover: Draft = newDraft(COVER_CLAUSE_ID, null, []);
  private preamble = true;
  private section: Section = { number: null, title: null, printedTitle: null, numbered: false, insertAt: 0 };
  private subheading: string | null = null;
  /** The subheading came after the last clause, so a clause of a new section may take it as its section title. */
  private subheadingSinceClause = false;
  /** An unnumbered heading that has no clause yet; prose under it becomes a clause cited by the heading. */
  private pendingHeading: string | null = null;
  /** The numbered clause that lettered items attach to. */
  private owner: Draft | null = null;
  /** Open lettered/roman items, outermost first. */
  private items: Draft[] = [];
  /** Where the next continuation goes. */
  private block: Draft | null;
  private previousBlank = true;
  private previousContent: SourceLine['kind'] | null = null;
  private readonly footnotes: Array<{ marker: string; text: string; near: Draft }> = [];

  constructor(private readonly lines: readonly SourceLine[]) {
    this.drafts.push(this.cover);
    this.block = this.cover;
  }

  parse(): Draft[] {
    this.lines.forEach((line, index) => {
      this.read(line, index);
      if (line.kind === 'blank' || line.kind === 'furniture') {
        this.previousBlank = true;
      } else {
        this.previousBlank = false;
        this.previousContent = line.kind;
      }
    });
    this.closeSection();
    this.attachFootnotes();
    return this.drafts;
  }

  private read(line: SourceLine, index: number): void {
    switch (line.kind) {
      case 'blank':
      case 'furniture':
        break;
      case 'footnote':
        // Where it was printed is only the fallback; attachFootnotes looks for the clause carrying the marker.
        this.footnotes.push({
          marker: line.marker,
          text: `${line.marker} ${line.text}`,
          near: this.block ?? this.owner ?? this.cover,
        });
        break;
      case 'table':
        this.readTableRow(line.cells);
        break;
      case 'section':
        this.startSection(line.number, line.title);
        break;
      case 'numbered':
        if (line.id.includes('.')) this.startDottedClause(line.id, line.text, index);
        else this.startNumberedParagraph(line.id, line.text);
        break;
      case 'item':
        this.startItem(line.marker, line.text);
        break;
      case 'bullet':
        this.target().parts.push(`- ${line.text}`);
        break;
      case 'text':
        if (this.previousBlank && this.isGap(index + 1) && looksLikeHeading(line.text)) {
          this.readHeading(line.text, index);
        } else {
          this.readText(line.text);
        }
        break;
    }
  }

  private readText(text: string): void {
    // A line straight after another, or one starting in lower case after a page break, continues the last part.
    if (this.block && (!this.previousBlank || /^[a-z]/.test(text))) {
      appendToLastPart(this.block, text);
      return;
    }
    if (this.items.length > 0) {
      // Prose after a list belongs to the clause that owns the list, not to the last item.
      this.items = [];
      this.block = this.owner;
    }
    this.target().parts.push(text);
  }

  private readHeading(text: string, index: number): void {
    if (this.preamble) {
      // In the title block, a heading followed by prose starts its own clause; other short lines are cover.
      const next = this.lines[this.nextContent(index)];
      if (next?.kind === 'text' && isProse(next.text)) {
        this.block = this.addDraft(newDraft(headingText(text), null, [headingText(text)]));
      } else {
        this.target().parts.push(text);
      }
      return;
    }
    this.materialisePendingHeading();
    this.subheading = headingText(text);
    this.subheadingSinceClause = true;
    this.pendingHeading = this.subheading;
    this.items = [];
    this.block = null;
  }

  private readTableRow(cells: string[]): void {
    const filled = cells.filter((cell) => cell !== '');
    if (filled.length === 0) return;
    const row = renderRow(filled);
    if (this.preamble) {
      const [key, ...rest] = filled;
      if (key !== undefined && /^recommendations?$/i.test(key) && rest.length > 0) {
        const recommendations = this.addDraft(newDraft(key, null, [key]));
        recommendations.parts.push(rest.join(' '));
        return;
      }
      this.target().parts.push(row);
      return;
    }
    // A table whose first row is a single cell is titled by it ("Communication and Consultation").
    if (this.previousContent !== 'table' && filled.length === 1 && filled[0] !== undefined) {
      this.readHeading(filled[0], -1);
      return;
    }
    this.target().parts.push(row);
  }

  private startSection(number: string, title: string): void {
    this.closeSection();
    this.preamble = false;
    this.section = {
      number,
      title: headingText(title),
      printedTitle: title,
      numbered: false,
      insertAt: this.drafts.length,
    };
    this.resetWithinSection();
  }

  private startDottedClause(id: string, text: string, index: number): void {
    const top = id.split('.')[0] ?? id;
    if (this.preamble || top !== this.section.number) {
      // A new section with no printed section heading: an unnumbered heading just above it is its title
      // (Bursledon's `POLITICAL GROUPS` before `4.1`).
      const title = this.subheadingSinceClause ? this.subheading : null;
      this.pendingHeading = null;
      this.closeSection();
      this.preamble = false;
      this.section = {
        number: top,
        title,
        printedTitle: title,
        numbered: false,
        insertAt: this.drafts.length,
      };
      this.resetWithinSection();
    }
    const next = this.lines[this.nextContent(index)];
    if (looksLikeHeading(text) && next?.kind !== 'item') {
      // `2.3 Chairman and Vice Chairmen`, `13.1 Correspondence`: a numbered heading over the text that follows.
      this.subheading = headingText(text);
    }
    const parentId = id.slice(0, id.lastIndexOf('.'));
    const draft = this.startClause(id, parentId, text);
    const parent = this.drafts.findLast((candidate) => candidate.id === parentId && !candidate.item);
    if (parent && parent !== draft) {
      draft.dottedParent = parent;
      parent.dottedChildren.push(draft);
    }
  }

  private startNumberedParagraph(id: string, text: string): void {
    this.startSection(id, '');
    this.section.title = null;
    this.section.printedTitle = null;
    this.startClause(id, null, text);
  }

  private startClause(id: string, parent: string | null, text: string): Draft {
    this.pendingHeading = null;
    this.subheadingSinceClause = false;
    this.section.numbered = true;
    const draft = this.addDraft(newDraft(id, parent, this.headingPath()));
    draft.parts.push(text);
    this.owner = draft;
    this.items = [];
    this.block = draft;
    return draft;
  }

  private startItem(marker: ItemMarker, text: string): void {
    const kind = itemKind(
      marker.token,
      this.items.map((item) => ({ kind: item.item?.kind ?? 'letter', token: item.item?.token ?? '' })),
    );
    const level = this.items.findLastIndex((item) => item.item?.kind === kind);
    if (level >= 0) this.items.length = level;
    let owner = this.items.at(-1);
    if (!owner) {
      owner = this.owner ?? this.target();
      if (this.pendingHeading !== null) {
        // Bursledon's `Reports` / `Officer Attendance` lists belong to 4.1; keep the heading inside 4.1's text.
        owner.parts.push(this.pendingHeading);
        this.pendingHeading = null;
      }
    }
    const draft = this.addDraft(newDraft(`${owner.id}(${marker.token})`, owner.id, this.headingPath()));
    draft.item = { kind, token: marker.token, owner };
    draft.parts.push(`${marker.printed} ${text}`);
    owner.parts.push(draft);
    this.items.push(draft);
    this.block = draft;
  }

  /** The block prose goes into, creating the clause that cites unnumbered text when there is none yet. */
  private target(): Draft {
    if (this.block) return this.block;
    if (this.pendingHeading !== null) {
      const heading = this.pendingHeading;
      this.pendingHeading = null;
      this.block = this.addDraft(newDraft(heading, null, this.headingPath()));
    } else if (this.owner) {
      this.block = this.owner;
    } else if (this.section.number !== null) {
      this.section.numbered = true;
      this.owner = this.addDraft(newDraft(this.section.number, null, this.headingPath()));
      this.block = this.owner;
    } else {
      this.block = this.cover;
    }
    return this.block;
  }

  /** A section that ended with no clause of its own number gets one holding its title (agenda items 2, 5–7). */
  private closeSection(): void {
    this.materialisePendingHeading();
    const { number, title, printedTitle, numbered, insertAt } = this.section;
    if (this.preamble || number === null || numbered || !title || !printedTitle) return;
    const draft = newDraft(number, null, [title]);
    draft.parts.push(printedTitle);
    this.drafts.splice(insertAt, 0, draft);
  }

  /** A heading with nothing under it before the next heading or section keeps its words as a clause. */
  private materialisePendingHeading(): void {
    if (this.pendingHeading === null) return;
    const heading = this.pendingHeading;
    this.pendingHeading = null;
    const draft = this.addDraft(newDraft(heading, null, this.headingPath()));
    draft.parts.push(heading);
  }

  private resetWithinSection(): void {
    this.subheading = null;
    this.subheadingSinceClause = false;
    this.pendingHeading = null;
    this.owner = null;
    this.items = [];
    this.block = null;
  }

  private headingPath(): string[] {
    return [this.section.title, this.subheading].filter((heading): heading is string => !!heading);
  }

  private addDraft(draft: Draft): Draft {
    this.drafts.push(draft);
    return draft;
  }

  /** Footnote text goes to the clause whose own text carries its marker (`Directors²`), else where it was printed. */
  private attachFootnotes(): void {
    for (const footnote of this.footnotes) {
      const cited = this.drafts.find((draft) =>
        draft.parts.some((part) => typeof part === 'string' && part.includes(footnote.marker)),
      );
      (cited ?? footnote.near).parts.push(footnote.text);
    }
  }

  private nextContent(index: number): number {
    let next = index + 1;
    while (next < this.lines.length && this.isSkippable(next)) next += 1;
    return next;
  }

  private isSkippable(index: number): boolean {
    const kind = this.lines[index]?.kind;
    return kind === 'blank' || kind === 'furniture' || kind === 'footnote';
  }

  private isGap(index: number): boolean {
    const kind = this.lines[index]?.kind;
    return kind === undefined || kind === 'blank' || kind === 'furniture';
  }
}

function newDraft(id: string, parent: string | null, headings: string[]): Draft {
  return { id, parent, headings, parts: [], dottedChildren: [] };
}

function appendToLastPart(draft: Draft, text: string): void {
  const last = draft.parts.at(-1);
  if (typeof last === 'string') draft.parts[draft.parts.length - 1] = `${last} ${text}`;
  else if (last) appendToLastPart(last, text);
  else draft.parts.push(text);
}

/** Cells joined by " — ", or by a space after a label that ends in a colon ("Owner: Angela Wakefield"). */
function renderRow(cells: string[]): string {
  return cells.reduce(
    (row, cell) => (row === '' ? cell : `${row}${row.endsWith(':') ? ' ' : ' — '}${cell}`),
    '',
  );
}

/** A paragraph of running text, as opposed to a short cover line such as `Quorum = 3`. */
function isProse(text: string): boolean {
  return !looksLikeHeading(text) && text.split(' ').length >= 12 && /[.!?:]["”’)]?$/.test(text);
}

/** The draft's own text with its sub-items in place, plus its dotted sub-clauses when it only introduces them. */
function bodyText(draft: Draft): string {
  const lines = draft.parts.map((part) => (typeof part === 'string' ? part : bodyText(part)));
  const ownText = draft.parts.filter((part): part is string => typeof part === 'string');
  if (draft.dottedChildren.length > 0 && isLeadIn(ownText.at(-1) ?? '')) {
    for (const child of draft.dottedChildren) lines.push(`${child.id} ${bodyText(child)}`);
  }
  return lines.filter((line) => line !== '').join('\n');
}

function clauseText(draft: Draft): string {
  const body = bodyText(draft);
  const leadIn = leadInOf(draft);
  return leadIn && body !== '' ? `${leadIn} ${body}` : body;
}

/**
 * The sentence that introduces a sub-item's list ("Councillors can expect from Officers:"), so a sub-item read on
 * its own still says what it is part of; empty when the text before the list does not introduce it.
 */
function leadInOf(draft: Draft): string {
  let before: string | undefined;
  if (draft.item) {
    const parts = draft.item.owner.parts;
    for (let index = parts.indexOf(draft) - 1; index >= 0 && before === undefined; index -= 1) {
      const part = parts[index];
      if (typeof part === 'string') before = part;
    }
  } else if (draft.dottedParent) {
    before = draft.dottedParent.parts.findLast((part): part is string => typeof part === 'string');
  }
  // A heading carried into the text (Bursledon's `Reports`) is already in the clause's heading path.
  if (!before || !isLeadIn(before) || draft.headings.includes(before)) return '';
  const sentence = before.split(/(?<=[.!?])\s+/).at(-1) ?? '';
  return sentence.length <= 250 ? sentence : '';
}

function isLeadIn(text: string): boolean {
  return text !== '' && (/:-?$/.test(text) || !/[.!?;]["”’)]?$/.test(text));
}
