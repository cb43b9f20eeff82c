// Starts the whole engine in one process on embedded defaults (or on DATABASE_URL / TEMPORAL_ADDRESS):
// PostgreSQL, migrations, a Temporal dev server, the worker and the API; and stops it in reverse order.

import type { AppConfig } from '@app/config';
import { createDataSource } from '@app/database';
import { InfluencerIdKey, ProductStageKey, SEARCH_ATTRIBUTES } from '@app/domain';
import { resolveTemporalCli, startEmbeddedPostgres, startTemporalDevServer, type RunningPostgres } from '@app/runtime';
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
    // PostgreSQL
    let databaseUrl = config.database.url;
    if (!databaseUrl) {
      const pg: RunningPostgres = await startEmbeddedPostgres({
        dataDir: path.join(config.dataDir, 'postgres'),
        port: config.database.embeddedPort,
        database: 'incubator',
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

    // Temporal
    let temporalAddress = config.temporal.address;
    let temporalUiUrl = config.temporal.uiUrl;
    if (!temporalAddress) {
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
        });
        stoppers.push(() => server.stop());
        temporalAddress = server.address;
        temporalUiUrl ??= server.uiUrl;
      } else {
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
        temporalAddress = `127.0.0.1:${config.temporal.devPort}`;
        temporalUiUrl ??= config.temporal.uiPort > 0 ? `http://127.0.0.1:${config.temporal.uiPort}` : undefined;
      }
    }
    const effectiveConfig: AppConfig = {
      ...config,
      database: { ...config.database, url: databaseUrl },
      temporal: { ...config.temporal, address: temporalAddress, uiUrl: temporalUiUrl },
    };

    // Worker
    let workerDone: Promise<void> = Promise.resolve();
    if (opts.worker !== false) {
      installWorkerRuntime(config.logLevel);
      const workerConnection = await NativeConnection.connect({ address: temporalAddress });
      stoppers.push(() => workerConnection.close());
      const worker: Worker = await createEngineWorker({
        connection: workerConnection,
        namespace: config.temporal.namespace,
        taskQueue: config.temporal.taskQueue,
        dataSource,
        workflowBundlePath: opts.workflowBundlePath,
        // The API listens after the worker starts; share links are made later, from where it listens.
        social: socialActivityDeps(effectiveConfig, () => apiUrl),
      });
      workerDone = worker.run();
      stoppers.push(async () => {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await workerDone.catch(() => undefined);
      });
    }

    // API
    let apiUrl = '';
    let firstStaffKey: string | undefined;
    let apiPids = (): number[] => [];
    const host = config.api.host === '0.0.0.0' ? '127.0.0.1' : config.api.host;
    if (opts.api !== false && config.api.processes > 1) {
      // Created here once, so the API processes do not race to create it.
      loadSecretsKey({ keyBase64: config.secretsKey, dataDir: config.dataDir });
      const apiCluster = await startApiCluster({
        entry: opts.apiEntry ?? path.join(compiledRoot(), 'apps', 'api', 'src', 'main.js'),
        processes: config.api.processes,
        config: { ...effectiveConfig, api: { ...effectiveConfig.api, processes: 1 } },
        log,
      });
      stoppers.push(() => apiCluster.stop());
      apiPids = apiCluster.pids;
      apiUrl = `http://${host}:${apiCluster.port}`;
      log(`API served by ${config.api.processes} processes`);
      if (opts.bootstrapStaffKey) firstStaffKey = await issueFirstStaffKey(ApiKeyService.over(dataSource, effectiveConfig));
    } else if (opts.api !== false) {
      // The SDK's native (Rust) connection serves the API's client too: its gRPC work runs off the
      // JavaScript thread that serves HTTP.
      const clientConnection = await NativeConnection.connect({ address: temporalAddress });
      stoppers.push(() => clientConnection.close());
      const client = new Client({ connection: clientConnection, namespace: config.temporal.namespace });
      const app = await createApiApp({ config: effectiveConfig, dataSource, temporal: client, extraModules: opts.apiModules });
      await app.listen({ host: config.api.host, port: config.api.port });
      stoppers.push(() => app.close());
      apiUrl = `http://${host}:${listeningPort(app)}`;
      if (opts.bootstrapStaffKey) firstStaffKey = await issueFirstStaffKey(app.get(ApiKeyService));
    }

    return {
      apiUrl,
      docsUrl: `${apiUrl}/docs`,
      temporalAddress,
      temporalUiUrl,
      databaseUrl,
      dataSource,
      firstStaffKey,
      apiPids,
      workerDone,
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
