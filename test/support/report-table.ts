// The run's reports (faults, attacks): each suite appends rows to a JSON-lines file in the test run's folder
// (TEST_ROOT), and the global teardown prints each report as a table with a last line of JSON totals.
import * as fs from 'node:fs';
import * as path from 'node:path';

const reportFile = (root: string, report: string) => path.join(root, `${report}-report.jsonl`);

/** Adds a row to the run's `report` (TEST_ROOT is the run's folder, set by global-setup.ts). */
export function appendReportRow(report: string, row: object): void {
  fs.appendFileSync(reportFile(process.env.TEST_ROOT!, report), `${JSON.stringify(row)}\n`);
}

/** The rows suites added to `report` in this run; empty when none did. */
export function readReportRows<T>(root: string, report: string): T[] {
  const file = reportFile(root, report);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);
}

/** Writes a Markdown table, its columns as wide as their widest cell. */
export function writeTable(header: string[], cells: string[][], write: (line: string) => void): void {
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  write('');
  write(line(header));
  write(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) write(line(c));
}
