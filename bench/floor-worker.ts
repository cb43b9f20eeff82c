// The benchmarks' floor worker: only the floor workflows (bench/workflows: the lifecycle's empty update target,
// the social bench's one no-op activity), on a task queue of its own on the engine's Temporal server, so the
// floor is measured on the same server without the production worker bundle carrying a bench-only workflow.
import { NativeConnection, Worker } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import type { NoopActivities } from './workflows/one-noop-activity.workflow';

/** The no-op activity of the social bench's floor workflow. */
const floorActivities: NoopActivities = { noop: () => Promise.resolve() };

export interface FloorWorker {
  taskQueue: string;
  stop(): Promise<void>;
}

export async function startFloorWorker(address: string, namespace: string): Promise<FloorWorker> {
  const connection = await NativeConnection.connect({ address });
  const taskQueue = `bench-floor-${randomBytes(4).toString('hex')}`;
  try {
    const worker = await Worker.create({ connection, namespace, taskQueue, workflowsPath: require.resolve('./workflows'), activities: floorActivities });
    const running = worker.run();
    return {
      taskQueue,
      async stop() {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await running;
        await connection.close();
      },
    };
  } catch (err) {
    await connection.close();
    throw err;
  }
}
