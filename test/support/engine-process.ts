// Runs the compiled launcher (`npm start`'s entry) as its own process on the shared test servers and a
// fresh database, capturing everything it writes: for suites that must see the real process — its logs,
// its signals, its exit; `http` calls its API with the staff key it printed.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { apiClient, type Api } from './api-client';
import { compileEngine } from './compiled';
import { createTestDatabase, uniqueName, type TestDatabase } from './stack';

export interface EngineProcess extends Api {
  apiUrl: string;
  staffKey: string;
  db: TestDatabase;
  secretsKey: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** SIGTERM (or another signal) and wait for the exit; resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startEngineProcess(env: Record<string, string> = {}): Promise<EngineProcess & { cleanup(): Promise<void> }> {
  const compiled = await compileEngine();
  const db = await createTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'incubator-engine-process-'));
  const secretsKey = randomBytes(32).toString('base64');
  const engine = compiled.run('apps/launcher/src/main.js', {
    DATA_DIR: dataDir,
    DATABASE_URL: db.url,
    TEMPORAL_ADDRESS: process.env.TEST_TEMPORAL_ADDRESS!,
    TEMPORAL_TASK_QUEUE: uniqueName('tq'),
    API_PORT: '0',
    SECRETS_KEY: secretsKey,
    OUTBOUND_ALLOWED_NETWORKS: '127.0.0.0/8', // the suites' receivers listen on loopback; the default refuses it
    ...env,
  });

  const started = await Promise.race([
    (async () => {
      for (;;) {
        const api = /API\s+(http:\/\/\S+)/.exec(engine.output());
        const key = /Staff API key \(shown once, store it now\): (\S+)/.exec(engine.output());
        if (api && key) return { apiUrl: api[1], staffKey: key[1] };
        await new Promise((r) => setTimeout(r, 50));
      }
    })(),
    engine.exited.then((code) => {
      throw new Error(`the engine exited (${code}) before it was up:\n${engine.output()}`);
    }),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the engine did not come up:\n${engine.output()}`)), 60_000).unref()),
  ]);

  const stop = engine.kill;
  return {
    ...started,
    ...apiClient(started.apiUrl, started.staffKey),
    db,
    secretsKey,
    output: engine.output,
    stop,
    async cleanup() {
      await stop();
      await db.close();
      compiled.remove();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
