/**
 * Removes the Markdown and HTML a PDF conversion leaves in a line (`**bold**`, `*italic*`, `<u>x</u>`, `<p>…</p>`,
 * `[text](#)`), keeping every word, and collapses whitespace. Paragraphs inside one table cell (`<p>a</p> <p>b</p>`)
 * are joined with "; " so the cell stays readable on one line.
 */
export function stripMarkup(line: string): string {
  return line
    .replace(/<\/p>\s*<p>/gi, '; ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
