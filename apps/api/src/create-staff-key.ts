// Issues a staff API key against DATABASE_URL and prints it once (for production deployments).
import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { ApiKeyEntity, createDataSource } from '@app/database';
import { randomUUID } from 'node:crypto';
import { generateApiKey } from './auth/api-key-format';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.database.url) throw new Error('DATABASE_URL is required');
  const label = process.argv[2] ?? 'staff key (command line)';
  const ds = createDataSource({ url: config.database.url, applicationName: 'incubator-cli' });
  await ds.initialize();
  try {
    const { key, prefix, secretHash } = generateApiKey();
    await ds.getRepository(ApiKeyEntity).insert({
      id: randomUUID(),
      prefix,
      secretHash,
      role: 'staff',
      influencerId: null,
      label,
      revokedAt: null,
    });
    console.log(key);
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
