// Finds the `temporal` CLI (explicit path, PATH, user cache) or builds it once with `go install`
// into the user-level cache, so a fresh machine with Go gets a real Temporal dev server.

import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The newest CLI release whose go.mod `go install` accepts. */
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

export interface CliLocation {
  cliPath?: string;
  cacheDir: string;
  log: (message: string) => void;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

/**
 * Returns the CLI's path, building it when needed; null when there is no CLI and no Go to build one
 * (the caller may then fall back to the SDK's download, which needs internet access).
 */
export async function resolveTemporalCli({ cliPath, cacheDir, log }: CliLocation): Promise<string | null> {
  if (cliPath) {
    if (!isExecutable(cliPath)) throw new Error(`TEMPORAL_CLI_PATH=${cliPath} is not an executable file`);
    return cliPath;
  }
  const fromPath = onPath('temporal');
  if (fromPath) return fromPath;
  const cached = path.join(cacheDir, 'temporal');
  if (isExecutable(cached)) return cached;
  const go = onPath('go') ?? (isExecutable('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : null);
  if (!go || spawnSync(go, ['version']).status !== 0) return null;
  await buildWithGo(go, cacheDir, log);
  return cached;
}

async function buildWithGo(go: string, cacheDir: string, log: (m: string) => void): Promise<void> {
  fs.mkdirSync(cacheDir, { recursive: true });
  // Build into a private folder and rename, so a second process never sees a half-written binary.
  const staging = fs.mkdtempSync(path.join(cacheDir, '.build-'));
  log(`Building the Temporal CLI once with "go install ${TEMPORAL_CLI_MODULE}" into ${cacheDir}; the first build takes a few minutes.`);
  const started = Date.now();
  const ticker = setInterval(() => log(`  ...still building the Temporal CLI (${Math.round((Date.now() - started) / 1000)} s)`), 15_000);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(go, ['install', TEMPORAL_CLI_MODULE], {
        env: { ...process.env, GOBIN: staging, CGO_ENABLED: process.env.CGO_ENABLED ?? '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      const collect = (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-20_000);
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`go install ${TEMPORAL_CLI_MODULE} failed (exit ${code}):\n${output}`)),
      );
    });
    fs.renameSync(path.join(staging, 'temporal'), path.join(cacheDir, 'temporal'));
    log(`Temporal CLI built in ${Math.round((Date.now() - started) / 1000)} s.`);
  } finally {
    clearInterval(ticker);
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
