// Applies pending database migrations to DATABASE_URL (production deployments run this before the API).
import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { createDataSource } from '@app/database';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.database.url) throw new Error('DATABASE_URL is required');
  const ds = createDataSource({ url: config.database.url, applicationName: 'incubator-migrate' });
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    console.log(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'the schema is up to date');
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
