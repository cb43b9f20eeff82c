// Shared by the benchmarks: the engine they start, percentiles and the CPU each part of the stack used
// (Linux /proc). They drive the engine with the tests' harness (test/support, plain Node).
import * as fs from 'node:fs';
import { startPrivateEngine, type PrivateEngine } from '../apps/launcher/src/private-engine';
import { apiClient, type Api } from '../test/support/api-client';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function summary(samples: number[]): { p50: number; p99: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), n: sorted.length };
}

export const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/** CPU seconds used so far by this process, its API and load-generator processes, the Temporal dev server and the embedded PostgreSQL (Linux /proc). */
export function cpuSeconds(dataDir: string): Record<string, number> {
  const procs: { pid: number; ppid: number; cmd: string; cpu: number; endedChildren: number }[] = [];
  for (const entry of fs.existsSync('/proc') ? fs.readdirSync('/proc') : []) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
      const cpu = (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime in USER_HZ ticks
      // cutime + cstime: children that ended and were waited for (PostgreSQL's autovacuum workers and closed
      // connections' backends), whose CPU would otherwise vanish from the sum between two readings.
      const endedChildren = (Number(fields[13]) + Number(fields[14])) / 100;
      procs.push({ pid: Number(entry), ppid: Number(fields[1]), cmd: fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8'), cpu, endedChildren });
    } catch {
      // the process ended meanwhile
    }
  }
  const postmaster = procs.find((p) => p.cmd.includes(dataDir) && p.cmd.includes('postgres'))?.pid;
  const sum = (pred: (p: (typeof procs)[number]) => boolean) => procs.filter(pred).reduce((t, p) => t + p.cpu, 0);
  return {
    engine: sum((p) => p.pid === process.pid),
    'api processes': sum((p) => p.ppid === process.pid && /api-process\.js|api\/src\/main\.js/.test(p.cmd)),
    temporal: sum((p) => p.cmd.includes(dataDir) && p.cmd.includes('temporal')),
    postgres: sum((p) => p.pid === postmaster || p.ppid === postmaster) + (procs.find((p) => p.pid === postmaster)?.endedChildren ?? 0),
  };
}

/** CPU seconds used between two readings, all parts together. */
export function cpuTotal(a: Record<string, number>, b: Record<string, number>): number {
  return Object.keys(b).reduce((t, k) => t + b[k] - (a[k] ?? 0), 0);
}

export function cpuDelta(a: Record<string, number>, b: Record<string, number>): string {
  return Object.keys(b)
    .map((k) => `${k} ${round(b[k] - (a[k] ?? 0), 1)} s`)
    .join(', ');
}

export interface BenchEngine extends PrivateEngine, Api {
  staffKey: string;
}

/** The engine on embedded defaults in a temporary folder (its log indented on stdout), with an HTTP client holding its first staff key. */
export async function startBenchEngine(name: string, env: Record<string, string>, opts: Parameters<typeof startPrivateEngine>[2] = {}): Promise<BenchEngine> {
  console.log('Starting the engine on embedded defaults in a temporary folder …');
  // The benches' receivers listen on loopback, which channels may not reach by default.
  const engine = await startPrivateEngine(name, { OUTBOUND_ALLOWED_NETWORKS: '127.0.0.0/8', ...env }, { bootstrapStaffKey: true, log: (m) => console.log(`  ${m}`), ...opts });
  const staffKey = engine.firstStaffKey!;
  return { ...engine, staffKey, ...apiClient(engine.apiUrl, staffKey) };
}

/** Runs a benchmark's main; a failure prints its error and exits 1. */
export function runBench(main: () => Promise<void>): void {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
