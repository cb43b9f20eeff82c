// Standalone API process for production (scale out behind a load balancer): needs DATABASE_URL and
// TEMPORAL_ADDRESS; migrations are applied by `node dist/apps/api/src/migrate.js` beforehand.

import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { createDataSource } from '@app/database';
import { Client, Connection } from '@temporalio/client';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.database.url) throw new Error('DATABASE_URL is required for a standalone API (npm start runs everything on embedded defaults)');
  const address = config.temporal.address ?? '127.0.0.1:7233';
  const dataSource = createDataSource({ url: config.database.url, applicationName: 'incubator-api', poolSize: 20 });
  await dataSource.initialize();
  // Lazy: the API starts, and answers 503 for Temporal-backed routes, while Temporal is still coming up.
  const connection = Connection.lazy({ address });
  const app = await createApiApp({ config, dataSource, temporal: new Client({ connection, namespace: config.temporal.namespace }) });
  await app.listen({ host: config.api.host, port: config.api.port });
  const close = async () => {
    await app.close();
    await connection.close();
    await dataSource.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', () => void close());
  process.once('SIGINT', () => void close());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
