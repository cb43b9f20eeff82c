// The fault suites' report: each suite adds one row per fault (reportFault), and the test run ends by
// printing them as a table with a last line of JSON totals (global-teardown.ts).
import { appendReportRow, readReportRows, writeTable } from './report-table';

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

/** Adds a suite's row to the run's fault report (TEST_ROOT is the run's folder). */
export function reportFault(row: FaultRow): void {
  appendReportRow('fault', row);
}

export function printFaultTable(root: string, write: (line: string) => void): void {
  const rows = readReportRows<FaultRow>(root, 'fault').sort((a, b) => a.fault.localeCompare(b.fault));
  if (rows.length === 0) return;
  const header = ['fault', 'runs', 'products in flight', 'votes in flight', 'deliveries in flight', 'lost', 'duplicated', 'checked'];
  writeTable(header, rows.map((r) => [r.fault, r.runs, r.products, r.votes, r.deliveries, r.lost, r.duplicated, r.checked].map(String)), write);
  const total = (k: 'runs' | 'lost' | 'duplicated') => rows.reduce((t, r) => t + r[k], 0);
  write(JSON.stringify({ faults: rows.length, runs: total('runs'), lost: total('lost'), duplicated: total('duplicated') }));
}
