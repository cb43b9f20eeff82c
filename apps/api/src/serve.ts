// Runs one API process on an external PostgreSQL and Temporal: the standalone `npm run start:api`, and
// each API process the launcher forks when API_PROCESSES > 1 (it then reports its port to the launcher
// and stops when told to). SIGTERM/SIGINT close it gracefully: in-flight requests and vote batches finish.

import { loadConfig, type AppConfig } from '@app/config';
import { createDataSource } from '@app/database';
import { Client, Connection } from '@temporalio/client';
import type { ApiInfrastructure } from './app.module';
import { startTracing } from '@app/tracing';
import { createApiApp, listeningPort } from './bootstrap';
import { temporalClientInterceptors } from './tracing/request-tracing';

/** Messages between the launcher and the API processes it forked. */
export type ApiProcessMessage = { type: 'config'; config: AppConfig } | { type: 'listening'; port: number } | { type: 'shutdown' };

/**
 * The configuration to serve with: the launcher's own (sent right after the fork, so every API process
 * runs with exactly the settings the launcher resolved), or, when started on its own, the environment.
 */
export function apiProcessConfig(): Promise<AppConfig> {
  if (!process.send) return Promise.resolve(loadConfig());
  return new Promise((resolve) => {
    const onMessage = (msg: ApiProcessMessage) => {
      if (msg?.type !== 'config') return;
      process.off('message', onMessage);
      resolve(msg.config);
    };
    process.on('message', onMessage);
  });
}

export async function serveApi(config: AppConfig, extraModules?: ApiInfrastructure['extraModules']): Promise<void> {
  // Listen for a stop from the start: one that arrives while the process is still starting ends it at
  // once (nothing is in flight yet); later ones close gracefully.
  const running: { close?: () => Promise<void> } = {};
  const stop = () => (running.close ? void running.close() : process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.on('message', (msg: ApiProcessMessage) => msg?.type === 'shutdown' && stop());

  if (!config.database.url) throw new Error('DATABASE_URL is required for a standalone API (npm start runs everything on embedded defaults)');
  // Launched by `npm start`, the processes share the launcher's key file; instances started on their own
  // must be given the one key every instance uses, or each would seal webhook secrets with its own.
  if (!process.send && !config.secretsKey) {
    throw new Error('SECRETS_KEY is required for a standalone API: every API instance must use the same key (openssl rand -base64 32)');
  }
  const address = config.temporal.address ?? '127.0.0.1:7233';
  const dataSource = createDataSource({ url: config.database.url, applicationName: 'incubator-api', poolSize: 20 });
  await dataSource.initialize();
  // Lazy: the API starts, and answers 503 for Temporal-backed routes, while Temporal is still coming up.
  const connection = Connection.lazy({ address });
  const tracing = startTracing(config.tracing);
  const temporal = new Client({ connection, namespace: config.temporal.namespace, interceptors: temporalClientInterceptors(tracing) });
  const app = await createApiApp({ config, dataSource, temporal, extraModules, tracing });
  await app.listen({ host: config.api.host, port: config.api.port });

  let closing: Promise<void> | undefined;
  running.close = () =>
    (closing ??= (async () => {
      await app.close();
      await connection.close();
      await dataSource.destroy();
      await tracing?.shutdown();
      process.exit(0);
    })());
  if (process.send) {
    process.send({ type: 'listening', port: listeningPort(app) } satisfies ApiProcessMessage);
  }
}
