// Standalone worker process for production (one API, N workers): connects to TEMPORAL_ADDRESS and
// DATABASE_URL, runs until SIGINT/SIGTERM, and exits non-zero when the worker fails.

import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { createDataSource } from '@app/database';
import { SEARCH_ATTRIBUTES } from '@app/domain';
import { ensureSearchAttributes } from '@app/runtime';
import { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import pino from 'pino';
import { startTracing } from '@app/tracing';
import { createEngineWorker, installWorkerRuntime, prebuiltBundlePath, socialActivityDeps } from './worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = pino({ level: config.logLevel, name: 'worker' });
  if (!config.database.url) throw new Error('DATABASE_URL is required for a standalone worker (npm start runs everything on embedded defaults)');
  if (!config.secretsKey) {
    throw new Error('SECRETS_KEY is required for a standalone worker: it signs deliveries with channel secrets the API sealed with the same key');
  }
  const address = config.temporal.address ?? '127.0.0.1:7233';
  const dataSource = createDataSource({ url: config.database.url, applicationName: 'incubator-worker' });
  await dataSource.initialize();
  // METRICS_PORT: the SDK's Prometheus metrics on METRICS_HOST:METRICS_PORT (GET /metrics).
  const metricsAddress = config.metrics.port === undefined ? undefined : `${config.metrics.host.includes(':') ? `[${config.metrics.host}]` : config.metrics.host}:${config.metrics.port}`;
  installWorkerRuntime(config.logLevel, metricsAddress);
  // The workflows set ProductStage/InfluencerId; a namespace without them would fail every product.
  const admin = await Connection.connect({ address });
  try {
    const added = await ensureSearchAttributes(admin, config.temporal.namespace, SEARCH_ATTRIBUTES);
    if (added.length > 0) log.info({ added }, 'registered search attributes');
  } finally {
    await admin.close();
  }
  const connection = await NativeConnection.connect({ address });
  const tracing = startTracing(config.tracing);
  const worker = await createEngineWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    dataSource,
    workflowBundlePath: prebuiltBundlePath(),
    // Share links point at the API: PUBLIC_BASE_URL, else where the API listens by default.
    social: socialActivityDeps(config, () => `http://${config.api.host}:${config.api.port}`),
    tracing,
  });
  log.info({ address, taskQueue: config.temporal.taskQueue, ...(metricsAddress ? { metrics: `http://${metricsAddress}/metrics` } : {}) }, 'worker started');
  // The SDK installs SIGINT/SIGTERM handlers that begin a graceful shutdown; run() resolves after it.
  try {
    await worker.run();
  } finally {
    await connection.close();
    await dataSource.destroy();
    await tracing?.shutdown();
    log.info('worker stopped');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
