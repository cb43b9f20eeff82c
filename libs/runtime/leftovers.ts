// Servers left running by an engine that was killed (SIGKILL, the OOM killer): each child's pid file in the
// data folder records its pid and command line and the process that started it, so the next start stops
// exactly those leftovers — never a reused pid of an unrelated process, never a server a live engine owns.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

/** A process as `ps` would show it: its id and its command line (arguments joined by spaces). */
export interface ProcessIdentity {
  pid: number;
  command: string;
}

/** One pid file: the child, what it is, the ports it holds and the process that started it. */
export interface ChildRecord {
  what: string;
  child: ProcessIdentity;
  owner: ProcessIdentity;
  ports: number[];
}

/** Looks a process up; null when there is none with that pid (or only a zombie). */
export type CommandOf = (pid: number) => string | null;

/** The command line of a live process: /proc on Linux, `ps` elsewhere. */
export const commandOf: CommandOf = (pid) => {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    const raw = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    // A zombie has an empty command line: it is gone, only not yet reaped.
    return raw.length === 0 ? null : raw.replace(/\0+$/, '').split('\0').join(' ');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && fs.existsSync('/proc/self')) return null;
  }
  try {
    return execFileSync('ps', ['-ww', '-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
};

/**
 * What to do with a recorded child: `gone` (nothing runs under its pid), `foreign` (the pid now belongs to
 * another program: never touched), `owned` (it runs and the process that started it still runs: another
 * engine on this data folder), `leftover` (it runs and its starter is gone: stop it).
 */
export type Verdict =
  | { kind: 'gone' }
  | { kind: 'foreign'; command: string }
  | { kind: 'owned'; owner: ProcessIdentity }
  | { kind: 'leftover' };

export function judge(record: ChildRecord, lookup: CommandOf = commandOf): Verdict {
  const now = lookup(record.child.pid);
  if (now === null) return { kind: 'gone' };
  if (now !== record.child.command) return { kind: 'foreign', command: now };
  const owner = record.owner.pid === process.pid ? null : lookup(record.owner.pid);
  return owner === record.owner.command ? { kind: 'owned', owner: record.owner } : { kind: 'leftover' };
}

/** This process, as the owner of the children it starts. */
export function self(lookup: CommandOf = commandOf): ProcessIdentity {
  return { pid: process.pid, command: lookup(process.pid) ?? [process.argv0, ...process.argv.slice(1)].join(' ') };
}

export function writeChildRecord(file: string, record: Omit<ChildRecord, 'owner'>): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ ...record, owner: self() } satisfies ChildRecord, null, 2), { mode: 0o600 });
}

export function readChildRecord(file: string): ChildRecord | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as Partial<ChildRecord>;
    if (typeof parsed.child?.pid === 'number' && typeof parsed.owner?.pid === 'number' && Array.isArray(parsed.ports)) return parsed as ChildRecord;
  } catch {
    // A file cut short by the crash names nothing we could safely stop.
  }
  return undefined;
}

export function removeChildRecord(file: string): void {
  fs.rmSync(file, { force: true });
}

export interface StopLeftoverOptions {
  log: (message: string) => void;
  /** The child's own clean-shutdown signal (PostgreSQL: SIGINT, its fast shutdown); SIGKILL after `graceMs`. */
  signal?: NodeJS.Signals;
  graceMs?: number;
  lookup?: CommandOf;
}

/**
 * Stops the leftover recorded in `file`, if there is one, and waits until its ports are free; throws when a
 * live engine owns the child (two engines on one data folder). Returns the pid it stopped.
 */
export async function stopLeftover(file: string, opts: StopLeftoverOptions): Promise<number | undefined> {
  const record = readChildRecord(file);
  if (!record) return undefined;
  const lookup = opts.lookup ?? commandOf;
  const verdict = judge(record, lookup);
  switch (verdict.kind) {
    case 'gone':
      removeChildRecord(file);
      return undefined;
    case 'foreign':
      opts.log(`${record.what}: pid ${record.child.pid} from ${file} is now another program (${verdict.command}); left alone`);
      removeChildRecord(file);
      return undefined;
    case 'owned':
      throw new Error(
        `the ${record.what} of this data folder (pid ${record.child.pid}) belongs to a running engine (pid ${verdict.owner.pid}: ${verdict.owner.command}); ` +
          `stop that engine first, or give this one another DATA_DIR`,
      );
    case 'leftover':
      break;
    default: {
      const unknown: never = verdict;
      throw new Error(`unknown verdict ${JSON.stringify(unknown)}`);
    }
  }
  const { pid, command } = record.child;
  opts.log(`Stopping a leftover ${record.what} of this data folder (pid ${pid}, started by pid ${record.owner.pid}, which is gone): ${command}`);
  const still = () => lookup(pid) === command;
  const started = Date.now();
  signal(pid, opts.signal ?? 'SIGTERM');
  const exited = await until(() => !still(), opts.graceMs ?? 15_000);
  if (!exited) {
    opts.log(`${record.what} (pid ${pid}) did not stop within ${Math.round((opts.graceMs ?? 15_000) / 1000)} s; sending SIGKILL`);
    if (still()) signal(pid, 'SIGKILL');
    if (!(await until(() => !still(), 10_000))) throw new Error(`the leftover ${record.what} (pid ${pid}) did not exit after SIGKILL`);
  }
  for (const port of record.ports) {
    if (!(await until(async () => !(await portInUse(port)), 10_000))) throw new Error(`port ${port} is still in use after the leftover ${record.what} (pid ${pid}) stopped`);
  }
  removeChildRecord(file);
  opts.log(`Stopped the leftover ${record.what} (pid ${pid}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return pid;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

/** Whether something accepts connections on 127.0.0.1:`port`. */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
