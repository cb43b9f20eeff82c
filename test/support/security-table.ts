// The security suites' report: one row per kind of attack a suite tried (reportAttack, or recordAttacks in the e2e
// helpers), printed by the global teardown as `attack | tries | blocked` with a last line of JSON totals.
import { appendReportRow, readReportRows, writeTable } from './report-table';

export interface AttackRow {
  attack: string;
  /** Attempts the suite actually made. */
  tries: number;
  /** Attempts it saw refused (or, for a leak check, that leaked nothing). */
  blocked: number;
  /** Secrets, stack traces or other data it found exposed; only suites that look for leaks count them. */
  leaks?: number;
}

/** Adds a suite's row to the run's security report (TEST_ROOT is the run's folder). */
export function reportAttack(row: AttackRow): void {
  appendReportRow('security', row);
}

export function printSecurityTable(root: string, write: (line: string) => void): void {
  const rows = readReportRows<AttackRow>(root, 'security').sort((a, b) => a.attack.localeCompare(b.attack));
  if (rows.length === 0) return;
  writeTable(['attack', 'tries', 'blocked'], rows.map((r) => [r.attack, String(r.tries), String(r.blocked)]), write);
  const total = (k: 'tries' | 'blocked' | 'leaks') => rows.reduce((t, r) => t + (r[k] ?? 0), 0);
  write(JSON.stringify({ attacks: total('tries'), blocked: total('blocked'), leaks: total('leaks') }));
}
