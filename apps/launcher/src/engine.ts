// Starts the whole engine in one process on embedded defaults (or on DATABASE_URL / TEMPORAL_ADDRESS):
// PostgreSQL, migrations, a Temporal dev server, the worker and the API; and stops it in reverse order.

import type { AppConfig } from '@app/config';
import { createDataSource } from '@app/database';
import { InfluencerIdKey, ProductStageKey, SEARCH_ATTRIBUTES } from '@app/domain';
import { freePort, resolveTemporalCli, startEmbeddedPostgres, startTemporalDevServer, type RunningPostgres } from '@app/runtime';
import { loadSecretsKey } from '@app/webhooks';
import { Client } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import { ApiKeyService } from '../../api/src/auth/api-key.service';
import type { ApiInfrastructure } from '../../api/src/app.module';
import { createApiApp, listeningPort } from '../../api/src/bootstrap';
import { compiledRoot, createEngineWorker, installWorkerRuntime, socialActivityDeps } from '../../worker/src/worker';
import { startApiCluster } from './api-cluster';
import { startTracing, type Tracing } from '@app/tracing';
import { temporalClientInterceptors } from '../../api/src/tracing/request-tracing';

export interface EngineOptions {
  config: AppConfig;
  log: (message: string) => void;
  /** Prebuilt workflow bundle; omitted → bundle workflows/ from source. */
  workflowBundlePath?: string;
  /** Create and report a staff key when the database has none (first start). */
  bootstrapStaffKey?: boolean;
  worker?: boolean;
  api?: boolean;
  /** Extra Nest modules for the API (a benchmark's bare endpoint); with API_PROCESSES > 1 use apiEntry. */
  apiModules?: ApiInfrastructure['extraModules'];
  /** The compiled script each API process runs when API_PROCESSES > 1 (default: the API's main). */
  apiEntry?: string;
}

export interface RunningEngine {
  apiUrl: string;
  docsUrl: string;
  temporalAddress: string;
  temporalUiUrl?: string;
  databaseUrl: string;
  dataSource: DataSource;
  /** Only on the first start: the staff key created for the new database. */
  firstStaffKey?: string;
  /** The API processes' ids when API_PROCESSES > 1 (empty when the API runs in this process). */
  apiPids(): number[];
  /** Resolves when the worker stops; rejects when it fails. */
  workerDone: Promise<void>;
  stop(): Promise<void>;
}

type Stopper = () => Promise<unknown>;

/** A staff key for a database that has none (first start); undefined otherwise. */
async function issueFirstStaffKey(keys: ApiKeyService): Promise<string | undefined> {
  if (await keys.hasStaffKey()) return undefined;
  return (await keys.issue('staff', null, 'first staff key')).key;
}

export async function startEngine(opts: EngineOptions): Promise<RunningEngine> {
  const { config, log } = opts;
  const stoppers: Stopper[] = [];
  const stopAll = async () => {
    for (const stop of stoppers.reverse()) {
      await stop().catch((err) => log(`while stopping: ${(err as Error).message}`));
    }
  };

  try {
    // Traces when OTEL_EXPORTER_OTLP_ENDPOINT is set; flushed and stopped last.
    const tracing = startTracing(config.tracing);
    if (tracing) stoppers.push(() => tracing.shutdown());
    const { databaseUrl, dataSource } = await startDatabase(config, log, stoppers);
    const temporal = await startTemporal(config, log, stoppers);
    const effectiveConfig: AppConfig = {
      ...config,
      database: { ...config.database, url: databaseUrl },
      temporal: { ...config.temporal, address: temporal.address, uiUrl: temporal.uiUrl },
    };
    // The API listens after the worker starts; share links are made later, from where it listens.
    let apiUrl = '';
    const worker = opts.worker === false ? undefined : await startWorker(opts, effectiveConfig, dataSource, () => apiUrl, stoppers, tracing);
    const workerDone = worker?.done ?? Promise.resolve();
    // The API's metrics carry the in-process worker's too: one place to look.
    const apiConfig: AppConfig = { ...effectiveConfig, metrics: { ...effectiveConfig.metrics, workerUrl: worker?.metricsUrl } };
    const api = opts.api === false ? { url: '', apiPids: (): number[] => [] } : await startApi(opts, apiConfig, dataSource, stoppers, tracing);
    apiUrl = api.url;
    return {
      apiUrl,
      docsUrl: `${apiUrl}/docs`,
      temporalAddress: temporal.address,
      temporalUiUrl: temporal.uiUrl,
      databaseUrl,
      dataSource,
      firstStaffKey: api.firstStaffKey,
      apiPids: api.apiPids,
      workerDone,
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/** DATABASE_URL, or the embedded PostgreSQL; migrations applied. */
async function startDatabase(config: AppConfig, log: (m: string) => void, stoppers: Stopper[]): Promise<{ databaseUrl: string; dataSource: DataSource }> {
  let databaseUrl = config.database.url;
  if (!databaseUrl) {
    const pg: RunningPostgres = await startEmbeddedPostgres({
      dataDir: path.join(config.dataDir, 'postgres'),
      port: config.database.embeddedPort,
      database: 'incubator',
      settings: config.database.embeddedSettings,
      log,
    });
    stoppers.push(() => pg.stop());
    databaseUrl = pg.url;
  }
  // API and worker share this pool in the all-in-one process.
  const dataSource = createDataSource({ url: databaseUrl, applicationName: 'incubator-engine', poolSize: 30 });
  await dataSource.initialize();
  stoppers.push(() => dataSource.destroy());
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  if (applied.length > 0) log(`Applied ${applied.length} database migration(s).`);
  return { databaseUrl, dataSource };
}

/** TEMPORAL_ADDRESS, or a local dev server: the temporal CLI (found or built with Go), else the SDK's download. */
async function startTemporal(config: AppConfig, log: (m: string) => void, stoppers: Stopper[]): Promise<{ address: string; uiUrl?: string }> {
  if (config.temporal.address) return { address: config.temporal.address, uiUrl: config.temporal.uiUrl };
  const cliPath = await resolveTemporalCli({ cliPath: config.temporal.cliPath, cacheDir: config.temporal.cliCacheDir, log });
  if (cliPath) {
    const server = await startTemporalDevServer({
      cliPath,
      port: config.temporal.devPort,
      uiPort: config.temporal.uiPort,
      dbFile: path.join(config.dataDir, 'temporal', 'temporal.db'),
      namespace: config.temporal.namespace,
      searchAttributes: SEARCH_ATTRIBUTES,
      logFile: path.join(config.dataDir, 'logs', 'temporal.log'),
      detached: true,
      // A server that outlived a killed engine is recognised and stopped at the next start.
      pidFile: path.join(config.dataDir, 'temporal', 'server.process.json'),
      log,
    });
    stoppers.push(() => server.stop());
    return { address: server.address, uiUrl: config.temporal.uiUrl ?? server.uiUrl };
  }
  // Last resort, needs internet: the SDK downloads a dev server build.
  log('No temporal CLI and no Go toolchain found; asking the Temporal SDK to download a dev server (needs internet).');
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  fs.mkdirSync(path.join(config.dataDir, 'temporal'), { recursive: true });
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'cached-download' },
      ip: '127.0.0.1',
      port: config.temporal.devPort,
      ui: config.temporal.uiPort > 0,
      uiPort: config.temporal.uiPort || undefined,
      dbFilename: path.join(config.dataDir, 'temporal', 'temporal.db'),
      namespace: config.temporal.namespace,
      searchAttributes: [ProductStageKey, InfluencerIdKey],
    },
  });
  stoppers.push(() => env.teardown());
  const uiUrl = config.temporal.uiUrl ?? (config.temporal.uiPort > 0 ? `http://127.0.0.1:${config.temporal.uiPort}` : undefined);
  return { address: `127.0.0.1:${config.temporal.devPort}`, uiUrl };
}

/** The worker in this process; `done` resolves when it stops, rejects when it fails. */
async function startWorker(
  opts: EngineOptions,
  config: AppConfig,
  dataSource: DataSource,
  apiUrl: () => string,
  stoppers: Stopper[],
  tracing: Tracing | undefined,
): Promise<{ done: Promise<void>; metricsUrl?: string }> {
  // The SDK's metrics on a free loopback port, read by the API's /metrics (see startEngine).
  const metricsAddress = `127.0.0.1:${await freePort()}`;
  const metricsUrl = installWorkerRuntime(config.logLevel, metricsAddress) ? `http://${metricsAddress}/metrics` : undefined;
  const workerConnection = await NativeConnection.connect({ address: config.temporal.address! });
  stoppers.push(() => workerConnection.close());
  const worker: Worker = await createEngineWorker({
    connection: workerConnection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    dataSource,
    workflowBundlePath: opts.workflowBundlePath,
    social: socialActivityDeps(config, apiUrl),
    tracing,
  });
  const done = worker.run();
  stoppers.push(async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await done.catch(() => undefined);
  });
  return { done, metricsUrl };
}

/** The API: in this process, or API_PROCESSES processes sharing the port. */
async function startApi(
  opts: EngineOptions,
  config: AppConfig,
  dataSource: DataSource,
  stoppers: Stopper[],
  tracing: Tracing | undefined,
): Promise<{ url: string; firstStaffKey?: string; apiPids: () => number[] }> {
  const host = config.api.host === '0.0.0.0' ? '127.0.0.1' : config.api.host;
  if (config.api.processes > 1) {
    // Created here once, so the API processes do not race to create it.
    loadSecretsKey({ keyBase64: config.secretsKey, dataDir: config.dataDir });
    const apiCluster = await startApiCluster({
      entry: opts.apiEntry ?? path.join(compiledRoot(), 'apps', 'api', 'src', 'main.js'),
      processes: config.api.processes,
      config: { ...config, api: { ...config.api, processes: 1 } },
      log: opts.log,
    });
    stoppers.push(() => apiCluster.stop());
    opts.log(`API served by ${config.api.processes} processes`);
    const firstStaffKey = opts.bootstrapStaffKey ? await issueFirstStaffKey(ApiKeyService.over(dataSource, config)) : undefined;
    return { url: `http://${host}:${apiCluster.port}`, firstStaffKey, apiPids: () => apiCluster.pids() };
  }
  // The SDK's native (Rust) connection serves the API's client too: its gRPC work runs off the
  // JavaScript thread that serves HTTP.
  const clientConnection = await NativeConnection.connect({ address: config.temporal.address! });
  stoppers.push(() => clientConnection.close());
  const client = new Client({ connection: clientConnection, namespace: config.temporal.namespace, interceptors: temporalClientInterceptors(tracing) });
  const app = await createApiApp({ config, dataSource, temporal: client, extraModules: opts.apiModules, tracing });
  await app.listen({ host: config.api.host, port: config.api.port });
  stoppers.push(() => app.close());
  const firstStaffKey = opts.bootstrapStaffKey ? await issueFirstStaffKey(app.get(ApiKeyService)) : undefined;
  return { url: `http://${host}:${listeningPort(app)}`, firstStaffKey, apiPids: () => [] };
}
