// Standalone API process for production (scale out behind a load balancer): needs DATABASE_URL and
// TEMPORAL_ADDRESS; migrations are applied by `node dist/apps/api/src/migrate.js` beforehand.

import 'reflect-metadata';
import { apiProcessConfig, serveApi } from './serve';

apiProcessConfig()
  .then((config) => serveApi(config))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
