// Issues a staff API key and prints it once. Uses DATABASE_URL, or the embedded database of `npm start`
// (which must be running): `npm run staff-key -- "label"`. For a lost first key, or production setups.
import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { createDataSource } from '@app/database';
import { embeddedDatabaseUrl } from '@app/runtime';
import * as path from 'node:path';
import { ApiKeyService } from './auth/api-key.service';

async function main(): Promise<void> {
  const config = loadConfig();
  const label = process.argv[2] ?? 'staff key (command line)';
  const url = config.database.url ?? embeddedDatabaseUrl(path.join(config.dataDir, 'postgres'), config.database.embeddedPort, 'incubator');
  const ds = createDataSource({ url, applicationName: 'incubator-cli' });
  await ds.initialize().catch((err: Error) => {
    throw new Error(`cannot reach the database (${err.message}); set DATABASE_URL, or start the engine with npm start first`);
  });
  try {
    const { key } = await ApiKeyService.over(ds, config).issue('staff', null, label);
    console.log(key);
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
