// Per-suite access to the shared real stack: a fresh migrated database, a Temporal client, a worker on
// a task queue of the suite's own, or the whole engine (worker + API over HTTP) on top of them.

import { loadConfig, type AppConfig } from '../../libs/config';
import { createDataSource } from '../../libs/database';
import { ensureDatabase } from '../../libs/runtime';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createEngineWorker, installWorkerRuntime, socialActivityDeps } from '../../apps/worker/src/worker';
import { startEngine, type EngineOptions, type RunningEngine } from '../../apps/launcher/src/engine';
import { apiClient, type Api } from './api-client';

export { eventually } from './wait';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run integration tests through jest (test/support/global-setup.ts)`);
  return value;
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

export interface TestDatabase {
  url: string;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** A new database with every migration applied; each suite gets its own. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = required('TEST_PG_ADMIN_URL');
  const name = uniqueName('t');
  await ensureDatabase(admin, name);
  const url = admin.replace(/\/[^/]*$/, `/${name}`);
  const dataSource = createDataSource({ url, applicationName: 'incubator-test' });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return { url, dataSource, close: () => dataSource.destroy() };
}

export async function temporalClient(): Promise<Client> {
  const connection = await Connection.connect({ address: required('TEST_TEMPORAL_ADDRESS') });
  return new Client({ connection, namespace: 'default' });
}

// One key per test run: sealed webhook secrets never touch the project's data folder.
const TEST_SECRETS_KEY = randomBytes(32).toString('base64');

/** The configuration a test engine runs with: the shared servers, its own task queue, quick timers. */
export function testConfig(overrides: Record<string, string> = {}, databaseUrl?: string): AppConfig {
  return loadConfig({
    LOG_LEVEL: 'error',
    TEMPORAL_ADDRESS: required('TEST_TEMPORAL_ADDRESS'),
    TEMPORAL_TASK_QUEUE: uniqueName('tq'),
    API_PORT: '0',
    SECRETS_KEY: TEST_SECRETS_KEY,
    // Suites are fast clients on one staff key; the limit itself is tested where a suite sets it lower.
    API_KEY_RATE_LIMIT: '100000',
    OUTBOUND_ALLOWED_NETWORKS: '127.0.0.0/8', // the suites' receivers listen on loopback; the default refuses it
    // The pages global-setup built from apps/web (unset outside jest: the default, dist/web).
    ...(process.env.TEST_WEB_DIR ? { WEB_DIR: process.env.TEST_WEB_DIR } : {}),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...overrides,
  });
}

export interface TestWorker {
  worker: Worker;
  taskQueue: string;
  stop(): Promise<void>;
}

/** A real worker with the prebuilt test bundle and real activities on the given database. */
export async function startTestWorker(dataSource: DataSource, taskQueue = uniqueName('tq'), config: AppConfig = testConfig()): Promise<TestWorker> {
  installWorkerRuntime('error');
  const connection = await NativeConnection.connect({ address: required('TEST_TEMPORAL_ADDRESS') });
  const worker = await createEngineWorker({
    connection,
    namespace: 'default',
    taskQueue,
    dataSource,
    workflowBundlePath: required('TEST_WORKFLOW_BUNDLE'),
    shutdownGraceTimeMs: 2_000,
    social: socialActivityDeps(config, () => 'http://share.test'),
  });
  const running = worker.run();
  return {
    worker,
    taskQueue,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
    },
  };
}

export interface TestEngine extends Api {
  engine: RunningEngine;
  config: AppConfig;
  db: TestDatabase;
  staffKey: string;
  stop(): Promise<void>;
}

/** The whole engine (worker + API) on a fresh database, listening on a free port. */
export async function startTestEngine(overrides: Record<string, string> = {}, engineOptions: Pick<EngineOptions, 'apiEntry'> = {}): Promise<TestEngine> {
  const db = await createTestDatabase();
  const config = testConfig(overrides, db.url);
  const engine = await startEngine({
    config,
    log: () => undefined,
    workflowBundlePath: required('TEST_WORKFLOW_BUNDLE'),
    bootstrapStaffKey: true,
    ...engineOptions,
  });
  const staffKey = engine.firstStaffKey!;
  return {
    engine,
    config,
    db,
    staffKey,
    ...apiClient(engine.apiUrl, staffKey),
    async stop() {
      await engine.stop();
      await db.close();
    },
  };
}
