import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type BenchContext, type BenchSection, formatBenchTable } from './bench-table.js';

export { type BenchRow, formatBenchTable } from './bench-table.js';

/**
 * `npm run bench [section …]`: runs every `bench/sections/*` module (or those whose file name contains one of the
 * arguments), in file-name order, and prints one table per section. Progress goes to standard error on a terminal
 * only, so piped output is just the tables. To add a section, drop a file exporting `run(context)` in sections/.
 */
async function main(): Promise<void> {
  const filters = process.argv.slice(2).filter((argument) => !argument.startsWith('-'));
  const folder = new URL('./sections/', import.meta.url);
  const files = readdirSync(fileURLToPath(folder))
    .filter((name) => name.endsWith('.js'))
    .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
    .sort();
  const interactive = process.stderr.isTTY === true;
  const started = performance.now();
  const context: BenchContext = {
    args: process.argv.slice(2),
    progress: (message) => {
      if (!interactive) return;
      const seconds = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
      process.stderr.write(`\r\u001b[2K[${seconds} s] ${message}`);
    },
  };
  for (const file of files) {
    const section = (await import(new URL(file, folder).href)) as BenchSection;
    const sectionRows = await section.run(context);
    if (interactive) process.stderr.write('\r\u001b[2K');
    // Print as we go, so a long run shows its first tables early (a file may print more than one table).
    process.stdout.write(`${formatBenchTable(sectionRows)}\n`);
  }
  if (files.length === 0) process.stderr.write(`No bench section matches ${filters.join(', ')}\n`);
}

await main();
