// Runs a local Temporal dev server (the `temporal` CLI) with a persisted SQLite file and the engine's
// search attributes, and stops it cleanly. Used by `npm start` and by the test suites.

import { Connection } from '@temporalio/client';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { portInUse, removeChildRecord, stopLeftover, writeChildRecord } from './leftovers';

export interface DevServerOptions {
  cliPath: string;
  port: number;
  /** 0 disables the UI. */
  uiPort: number;
  /** SQLite file; products survive a restart. Omit for an in-memory server (tests). */
  dbFile?: string;
  namespace: string;
  searchAttributes: Record<string, string>;
  logFile: string;
  startTimeoutMs?: number;
  /**
   * Own process group, so a terminal's Ctrl-C reaches only the engine, which stops the server after the
   * worker has drained (npm start). Tests leave it in their group, so an aborted run takes it along.
   */
  detached?: boolean;
  /**
   * Where the server's pid and command line are recorded while it runs (npm start: in DATA_DIR), so the
   * next start stops a server that outlived a killed engine before starting its own.
   */
  pidFile?: string;
  log?: (message: string) => void;
}

export interface RunningDevServer {
  address: string;
  uiUrl?: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startTemporalDevServer(opts: DevServerOptions): Promise<RunningDevServer> {
  if (opts.pidFile) await stopLeftover(opts.pidFile, { signal: 'SIGTERM', log: opts.log ?? (() => undefined) });
  const ports = [opts.port, ...(opts.uiPort > 0 ? [opts.uiPort] : [])];
  // Otherwise the new server would fail to bind while the readiness check talks to the old one.
  for (const port of ports) {
    if (await portInUse(port)) {
      throw new Error(`port ${port} on 127.0.0.1 is already in use (a program that is not this data folder's leftover, e.g. another engine); stop it or set TEMPORAL_DEV_PORT / TEMPORAL_UI_PORT`);
    }
  }
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(opts.port), '--namespace', opts.namespace, '--log-level', 'warn'];
  if (opts.uiPort > 0) args.push('--ui-port', String(opts.uiPort));
  else args.push('--headless');
  if (opts.dbFile) {
    fs.mkdirSync(path.dirname(opts.dbFile), { recursive: true });
    args.push('--db-filename', opts.dbFile);
    // WAL: one fsync per commit instead of a rollback journal's several; still durable on every commit.
    args.push('--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=full');
  }
  for (const [name, type] of Object.entries(opts.searchAttributes)) args.push('--search-attribute', `${name}=${type}`);

  fs.mkdirSync(path.dirname(opts.logFile), { recursive: true });
  const logFd = fs.openSync(opts.logFile, 'a');
  const child = spawn(opts.cliPath, args, { stdio: ['ignore', logFd, logFd], detached: opts.detached ?? false });
  fs.closeSync(logFd);
  // Recorded before the readiness wait: an engine killed while the server starts leaves it behind too.
  const pidFile = opts.pidFile;
  if (pidFile && child.pid) {
    writeChildRecord(pidFile, { what: 'Temporal dev server', child: { pid: child.pid, command: [opts.cliPath, ...args].join(' ') }, ports });
    child.once('exit', () => removeChildRecord(pidFile));
  }
  const address = `127.0.0.1:${opts.port}`;

  const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
  for (;;) {
    const exit = child.exitCode ?? child.signalCode;
    if (exit !== null) throw new Error(`the Temporal dev server stopped while starting (exit ${exit}); see ${opts.logFile}`);
    try {
      const conn = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await conn.workflowService.describeNamespace({ namespace: opts.namespace });
        break;
      } finally {
        await conn.close();
      }
    } catch (err) {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`the Temporal dev server did not answer on ${address} in time (${(err as Error).message}); see ${opts.logFile}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  return {
    address,
    uiUrl: opts.uiPort > 0 ? `http://127.0.0.1:${opts.uiPort}` : undefined,
    process: child,
    stop: () => stopChild(child, 15_000),
  };
}

/** SIGTERM, then SIGKILL after the grace period. */
export async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
