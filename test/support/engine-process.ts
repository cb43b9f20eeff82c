// Runs the compiled launcher (`npm start`'s entry) as its own process on the shared test servers and a
// fresh database, capturing everything it writes: for suites that must see the real process — its logs,
// its signals, its exit.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileEngine } from './compiled';
import { createTestDatabase, uniqueName, type TestDatabase } from './stack';

export interface EngineProcess {
  apiUrl: string;
  staffKey: string;
  db: TestDatabase;
  secretsKey: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** SIGTERM (or another signal) and wait for the exit; resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  child: ChildProcess;
}

export async function startEngineProcess(env: Record<string, string> = {}): Promise<EngineProcess & { cleanup(): Promise<void> }> {
  const compiled = await compileEngine();
  // Outside a folder named dist/, compiled code looks for the bundle in dist/ beside it.
  fs.mkdirSync(path.join(compiled.dir, 'dist'));
  fs.copyFileSync(process.env.TEST_WORKFLOW_BUNDLE!, path.join(compiled.dir, 'dist', 'workflow-bundle.js'));
  const db = await createTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'incubator-engine-process-'));
  const secretsKey = randomBytes(32).toString('base64');
  let output = '';
  const child = spawn(process.execPath, [path.join(compiled.dir, 'apps', 'launcher', 'src', 'main.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: dataDir,
      DATABASE_URL: db.url,
      TEMPORAL_ADDRESS: process.env.TEST_TEMPORAL_ADDRESS!,
      TEMPORAL_TASK_QUEUE: uniqueName('tq'),
      API_PORT: '0',
      SECRETS_KEY: secretsKey,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const started = await Promise.race([
    (async () => {
      for (;;) {
        const api = /API\s+(http:\/\/\S+)/.exec(output);
        const key = /Staff API key \(shown once, store it now\): (\S+)/.exec(output);
        if (api && key) return { apiUrl: api[1], staffKey: key[1] };
        await new Promise((r) => setTimeout(r, 50));
      }
    })(),
    exited.then((code) => {
      throw new Error(`the engine exited (${code}) before it was up:\n${output}`);
    }),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the engine did not come up:\n${output}`)), 60_000).unref()),
  ]);

  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return {
    ...started,
    db,
    secretsKey,
    child,
    output: () => output,
    stop,
    async cleanup() {
      await stop();
      await db.close();
      compiled.remove();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
