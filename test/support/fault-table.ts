// The fault suites' report: each suite adds one row per fault (reportFault), and the test run ends by
// printing them as a table with a last line of JSON totals (global-teardown.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface FaultRow {
  fault: string;
  runs: number;
  products: number;
  votes: number;
  deliveries: number;
  lost: number;
  duplicated: number;
  checked: string;
}

const reportFile = (root: string) => path.join(root, 'fault-report.jsonl');

/** Adds a suite's row to the run's fault report (TEST_ROOT is the run's folder). */
export function reportFault(row: FaultRow): void {
  fs.appendFileSync(reportFile(process.env.TEST_ROOT!), `${JSON.stringify(row)}\n`);
}

export function printFaultTable(root: string, write: (line: string) => void): void {
  const file = reportFile(root);
  if (!fs.existsSync(file)) return;
  const rows = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as FaultRow)
    .sort((a, b) => a.fault.localeCompare(b.fault));
  const header = ['fault', 'runs', 'products in flight', 'votes in flight', 'deliveries in flight', 'lost', 'duplicated', 'checked'];
  const cells = rows.map((r) => [r.fault, r.runs, r.products, r.votes, r.deliveries, r.lost, r.duplicated, r.checked].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  write('');
  write(line(header));
  write(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) write(line(c));
  const total = (k: 'runs' | 'lost' | 'duplicated') => rows.reduce((t, r) => t + r[k], 0);
  write(JSON.stringify({ faults: rows.length, runs: total('runs'), lost: total('lost'), duplicated: total('duplicated') }));
}
