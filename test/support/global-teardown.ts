// Stops the shared PostgreSQL and Temporal dev server started by global-setup.ts, after printing the fault
// suites' table, the security suites' table and the topology run's, each when any of its suites ran.
import * as fs from 'node:fs';
import { printFaultTable } from './fault-table';
import { printSecurityTable } from './security-table';
import { printTopologyTable } from './topology-table';
import type { RunningPostgres, RunningDevServer } from '../../libs/runtime';

export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as Record<string, unknown>).__incubatorTestStack as
    | { pg: RunningPostgres; temporal: RunningDevServer; root: string }
    | undefined;
  if (!stack) return;
  const write = (line: string) => process.stdout.write(`${line}\n`);
  printFaultTable(stack.root, write);
  printSecurityTable(stack.root, write);
  printTopologyTable(stack.root, write);
  await stack.temporal.stop();
  await stack.pg.stop();
  fs.rmSync(stack.root, { recursive: true, force: true });
}
