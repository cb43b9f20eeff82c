// Stops the shared PostgreSQL and Temporal dev server started by global-setup.ts.
import * as fs from 'node:fs';
import type { RunningPostgres, RunningDevServer } from '../../libs/runtime';

export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as Record<string, unknown>).__incubatorTestStack as
    | { pg: RunningPostgres; temporal: RunningDevServer; root: string }
    | undefined;
  if (!stack) return;
  await stack.temporal.stop();
  await stack.pg.stop();
  fs.rmSync(stack.root, { recursive: true, force: true });
}
