// Shared by the benchmarks: the engine they start, percentiles and the CPU each part of the stack used, and
// each kind of thread of the bench's own process (Linux /proc). They drive the engine with the tests' harness
// (test/support, plain Node).
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

/** The median of rounds' figures (of an even number: the mean of the middle two, to 3 decimals). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : round((s[m - 1] + s[m]) / 2, 3);
}

/**
 * A /proc stat file's fields after the command name (field 3 on: state, ppid, …), and the CPU seconds in its
 * utime + stime (USER_HZ ticks). Throws when the process or thread ended meanwhile.
 */
export function readStat(file: string): { fields: string[]; cpu: number } {
  const fields = fs.readFileSync(file, 'utf8').split(') ')[1].split(' ');
  return { fields, cpu: (Number(fields[11]) + Number(fields[12])) / 100 };
}

/** CPU seconds used so far by this process, its API and load-generator processes, the Temporal dev server and the embedded PostgreSQL (Linux /proc). */
export function cpuSeconds(dataDir: string): Record<string, number> {
  const procs: { pid: number; ppid: number; cmd: string; cpu: number; endedChildren: number }[] = [];
  for (const entry of fs.existsSync('/proc') ? fs.readdirSync('/proc') : []) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const { fields, cpu } = readStat(`/proc/${entry}/stat`);
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

/** The threads this process had before any benchmark code ran: V8's and Node's own helpers (GC, compiler). */
const THREADS_AT_START = new Set(threadIds());

function threadIds(): number[] {
  const dir = `/proc/${process.pid}/task`;
  return fs.existsSync(dir) ? fs.readdirSync(dir).map(Number) : [];
}

/** CPU seconds a thread of this process has used so far, and its kind (see threadCpuSeconds). */
export type ThreadCpu = Map<number, { kind: string; cpu: number }>;

/**
 * CPU seconds used so far by each thread of this process, by kind (Linux /proc; empty elsewhere): the main
 * thread (HTTP, Nest, activities and the SDK's bridge), the Temporal SDK's core in Rust (every thread it names:
 * its tokio runtime and workflow processing), libuv's thread pool, V8's and Node's helpers (threads named
 * "node" that existed when this module was loaded: garbage collection, compilation) and the SDK's workflow
 * threads (those started later: the workflow code and the SDK's sandbox around it).
 */
export function threadCpuSeconds(): ThreadCpu {
  const out: ThreadCpu = new Map();
  for (const tid of threadIds()) {
    let comm: string;
    let cpu: number;
    try {
      comm = fs.readFileSync(`/proc/${process.pid}/task/${tid}/comm`, 'utf8').trim();
      cpu = readStat(`/proc/${process.pid}/task/${tid}/stat`).cpu;
    } catch {
      continue; // the thread ended meanwhile
    }
    const kind =
      tid === process.pid
        ? 'main thread'
        : comm.startsWith('libuv-worker')
          ? 'libuv pool'
          : comm !== 'node'
            ? 'Temporal core (Rust)'
            : THREADS_AT_START.has(tid)
              ? 'V8 helpers (GC, compiler)'
              : 'workflow threads';
    out.set(tid, { kind, cpu });
  }
  return out;
}

/**
 * CPU-ms per unit of work by kind of thread between two readings of threadCpuSeconds, largest first: each
 * thread's own difference (a thread started between them counts whole; one that ended drops out with its
 * last interval, as another kind's earlier CPU must not be subtracted from this one's).
 */
export function threadMsPer(a: ThreadCpu, b: ThreadCpu, units: number): Record<string, number> {
  const byKind = new Map<string, number>();
  for (const [tid, { kind, cpu }] of b) byKind.set(kind, (byKind.get(kind) ?? 0) + cpu - (a.get(tid)?.cpu ?? 0));
  return Object.fromEntries(
    [...byKind]
      .map(([kind, s]): [string, number] => [kind, round((s * 1000) / units)])
      .filter(([, ms]) => ms > 0)
      .sort((x, y) => y[1] - x[1]),
  );
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
