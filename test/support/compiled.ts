// Compiles the engine (without the workflow bundle) into a temporary folder, for suites that start
// processes from compiled code the way `npm start` does (API processes under API_PROCESSES > 1).
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');

export async function compileEngine(): Promise<{ dir: string; remove(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'incubator-compiled-'));
  const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);
  await run(bin('tsc'), ['-p', 'tsconfig.build.json', '--outDir', dir], { cwd: ROOT });
  await run(bin('tsc-alias'), ['-p', 'tsconfig.build.json', '--outDir', dir], { cwd: ROOT });
  // Compiled code finds its packages from the project, as dist/ does.
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
