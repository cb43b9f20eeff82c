// Builds the engine's Temporal worker: the product workflows (from the prebuilt bundle or the source)
// and the activities wired to PostgreSQL.

import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import { createProductActivities } from '../../../activities';

export const WORKFLOWS_SOURCE = path.resolve(__dirname, '..', '..', '..', 'workflows', 'index');

/** Where `npm run build` writes the workflow bundle (dist/workflow-bundle.js). */
export function prebuiltBundlePath(): string {
  const distRoot = path.resolve(__dirname, '..', '..', '..');
  return path.join(path.basename(distRoot) === 'dist' ? distRoot : path.join(distRoot, 'dist'), 'workflow-bundle.js');
}

export interface EngineWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  dataSource: DataSource;
  /** A prebuilt bundle's path; when omitted the worker bundles workflows/ from source (tests, dev). */
  workflowBundlePath?: string;
  identity?: string;
  shutdownGraceTime?: WorkerOptions['shutdownGraceTime'];
}

export async function createEngineWorker(opts: EngineWorkerOptions): Promise<Worker> {
  const workflows: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> = opts.workflowBundlePath
    ? { workflowBundle: { codePath: loudlyExisting(opts.workflowBundlePath) } }
    : { workflowsPath: require.resolve(WORKFLOWS_SOURCE) };
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    ...(opts.identity ? { identity: opts.identity } : {}),
    ...workflows,
    activities: createProductActivities({ dataSource: opts.dataSource }),
    // In-flight activities get this long to finish on SIGTERM before the worker gives up on them.
    shutdownGraceTime: opts.shutdownGraceTime ?? '10 seconds',
  });
}

function loudlyExisting(file: string): string {
  if (!fs.existsSync(file)) {
    throw new Error(`workflow bundle ${file} is missing; run "npm run build" (it bundles workflows/ and fails if bundling fails)`);
  }
  return file;
}
