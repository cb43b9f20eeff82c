// Prints a one-time sign-in link for a staff member, creating her when she is not registered yet: how the
// first person signs in after `npm start`, and a way in without SMTP. Uses DATABASE_URL, or the embedded
// database of `npm start` (which must be running): `npm run sign-in-link -- anna@incubator.example [--name "Anna Li"]`.
// The link points at PUBLIC_BASE_URL, or http://API_HOST:API_PORT.
import 'reflect-metadata';
import { loadConfig, type AppConfig } from '@app/config';
import { createDataSource, isUniqueViolation, newId, SignInTokenRepository, StaffMemberRepository, type StaffMemberEntity } from '@app/database';
import { defaultContact, normaliseEmail } from '@app/domain';
import { signInLinkUrl } from '@app/notify';
import { embeddedDatabaseUrl } from '@app/runtime';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { issueSignInToken } from './auth/sign-in-tokens';

const USAGE = 'usage: npm run sign-in-link -- <email> [--name "Anna Li"]';

function baseUrl(config: AppConfig): string {
  if (config.api.publicBaseUrl) return config.api.publicBaseUrl;
  const host = config.api.host === '0.0.0.0' ? '127.0.0.1' : config.api.host;
  return `http://${host}:${config.api.port}`;
}

async function staffMember(members: StaffMemberRepository, email: string, name: string | undefined): Promise<StaffMemberEntity> {
  const found = await members.findByEmail(email);
  if (found) {
    if (found.disabledAt) throw new Error(`staff member ${found.id} (${email}) is disabled; enable her first (POST /staff-members/${found.id}/enable)`);
    return found;
  }
  const id = newId('stf');
  try {
    const created = await members.insert({ id, name: name ?? email.split('@')[0], ...defaultContact(email), email, webhookSecretSealed: null });
    console.error(`Registered staff member ${created.id} (${email}).`);
    return created;
  } catch (err) {
    // Registered by someone else meanwhile: use hers.
    if (isUniqueViolation(err)) return (await members.findByEmail(email))!;
    throw err;
  }
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { name: { type: 'string' } } });
  const raw = positionals[0];
  if (!raw || positionals.length > 1 || !/^[^\s@]+@[^\s@]+$/.test(raw.trim())) throw new Error(USAGE);
  const email = normaliseEmail(raw);
  const name = values.name?.trim();
  if (name !== undefined && (name.length === 0 || name.length > 200)) throw new Error('--name must be 1 to 200 characters');
  const config = loadConfig();
  const url = config.database.url ?? embeddedDatabaseUrl(path.join(config.dataDir, 'postgres'), config.database.embeddedPort, 'incubator');
  const ds = createDataSource({ url, applicationName: 'incubator-cli' });
  await ds.initialize().catch((err: Error) => {
    throw new Error(`cannot reach the database (${err.message}); set DATABASE_URL, or start the engine with npm start first`);
  });
  try {
    const member = await staffMember(new StaffMemberRepository(ds), email, name);
    const { token, expiresAt } = await issueSignInToken(new SignInTokenRepository(ds), member.id, config.auth.signInLinkTtlMs);
    console.error(`One-time sign-in link for ${member.name}, valid until ${expiresAt.toISOString()}:`);
    console.log(signInLinkUrl(baseUrl(config), token));
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
