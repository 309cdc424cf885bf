/** One line of the benchmark table: a section (e.g. "retrieval: shipped corpus"), a label and its figures. */
export interface BenchRow {
  section: string;
  label: string;
  /** Column → value; a missing or null value prints as "–". Columns appear in first-seen order. */
  metrics: Record<string, number | string | null>;
}

/** A benchmark section: `bench/sections/*.ts` files export `run` (and optionally `title`). */
export interface BenchSection {
  title?: string;
  run(context: BenchContext): Promise<BenchRow[]>;
}

/** What a section gets from the runner. */
export interface BenchContext {
  /** Progress line (shown on a terminal, dropped when output is piped). */
  progress(message: string): void;
  /** Command-line arguments after the section filter. */
  args: readonly string[];
}

function formatValue(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (Number.isInteger(value)) return value.toLocaleString('en-GB');
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-GB');
  if (Math.abs(value) >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

/** Renders rows as plain-text tables, one per section, columns aligned (numbers right-aligned). */
export function formatBenchTable(rows: readonly BenchRow[]): string {
  const sections = [...new Set(rows.map((row) => row.section))];
  const blocks: string[] = [];
  for (const section of sections) {
    const sectionRows = rows.filter((row) => row.section === section);
    const columns = [...new Set(sectionRows.flatMap((row) => Object.keys(row.metrics)))];
    const header = ['', ...columns];
    const body = sectionRows.map((row) => [
      row.label,
      ...columns.map((column) => formatValue(row.metrics[column])),
    ]);
    const widths = header.map((cell, index) =>
      Math.max(cell.length, ...body.map((line) => (line[index] as string).length)),
    );
    const render = (cells: string[]) =>
      cells
        .map((cell, index) =>
          index === 0 ? cell.padEnd(widths[index] as number) : cell.padStart(widths[index] as number),
        )
        .join('  ');
    blocks.push(
      [
        `## ${section}`,
        render(header),
        widths.map((width) => '-'.repeat(width)).join('  '),
        ...body.map(render),
      ].join('\n'),
    );
  }
  return `${blocks.join('\n\n')}\n`;
}
