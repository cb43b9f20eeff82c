// Compiles the engine (with the run's workflow bundle) into a temporary folder, and runs its scripts as
// processes of their own, the way `npm start`, `start:api` and `start:worker` do, capturing their output.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');

export interface CompiledProcess {
  process: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output: () => string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Sends the signal (SIGTERM unless given) unless it has exited, and waits for the exit. */
  kill: (signal?: NodeJS.Signals) => Promise<number | null>;
}

export interface CompiledEngine {
  dir: string;
  /** Runs a compiled script (e.g. `apps/worker/src/main.js`) with exactly this environment plus PATH, and its arguments. */
  run(script: string, env: Record<string, string>, args?: string[]): CompiledProcess;
  remove(): void;
}

export async function compileEngine(): Promise<CompiledEngine> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'incubator-compiled-'));
  const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);
  await exec(bin('tsc'), ['-p', 'tsconfig.build.json', '--outDir', dir], { cwd: ROOT });
  await exec(bin('tsc-alias'), ['-p', 'tsconfig.build.json', '--outDir', dir], { cwd: ROOT });
  // Compiled code finds its packages from the project, as dist/ does.
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  // Outside a folder named dist/, compiled code looks for the workflow bundle in dist/ beside it.
  fs.mkdirSync(path.join(dir, 'dist'));
  fs.copyFileSync(process.env.TEST_WORKFLOW_BUNDLE!, path.join(dir, 'dist', 'workflow-bundle.js'));

  const run = (script: string, env: Record<string, string>, args: string[] = []): CompiledProcess => {
    let output = '';
    const child = spawn(process.execPath, [path.join(dir, ...script.split('/')), ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return {
      process: child,
      output: () => output,
      exited,
      kill: async (signal = 'SIGTERM') => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
        return exited;
      },
    };
  };
  return { dir, run, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
