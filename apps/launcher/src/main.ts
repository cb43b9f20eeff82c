// `npm start`: the whole engine on embedded defaults in one process. Prints where everything is and,
// on the first start only, a staff API key. Ctrl-C stops everything cleanly; running products resume
// at the next start because PostgreSQL and Temporal keep their data under DATA_DIR.

import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { prebuiltBundlePath } from '../../worker/src/worker';
import { startEngine } from './engine';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = (m: string) => console.log(`[engine] ${m}`);
  log(`Starting on ${config.database.url ? 'DATABASE_URL' : 'embedded PostgreSQL'} and ${config.temporal.address ? 'TEMPORAL_ADDRESS' : 'a local Temporal dev server'} (data in ${config.dataDir})`);
  const engine = await startEngine({ config, log, workflowBundlePath: prebuiltBundlePath(), bootstrapStaffKey: true });

  const lines = [
    '',
    `  Staff board  ${engine.apiUrl}/app/   (first sign-in link: npm run sign-in-link -- you@example.com)`,
    `  API          ${engine.apiUrl}`,
    `  OpenAPI docs ${engine.docsUrl}`,
    `  Temporal UI  ${engine.temporalUiUrl ?? '(external Temporal: see your Temporal UI)'}`,
    `  Temporal     ${engine.temporalAddress}`,
  ];
  if (engine.firstStaffKey) {
    lines.push('', `  Staff API key (shown once, store it now): ${engine.firstStaffKey}`);
  }
  lines.push('', '  Ctrl-C stops the engine; products resume where they were at the next start.', '');
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping…`);
    await engine.stop();
    log('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  engine.workerDone.catch(async (err) => {
    console.error('[engine] the worker failed:', err);
    await engine.stop();
    process.exit(1);
  });
}

main().catch((err) => {
  console.error('[engine] failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
