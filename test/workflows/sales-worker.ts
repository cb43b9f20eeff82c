// Workflow suites of the demand gate and the sales loop: a real worker like the other suites' (stack.ts), plus
// notifyReservationHolders, which the shop-events feature implements. Until that activity is in the engine's
// worker, this test wiring registers one that records each call in the test database (the table
// test_shop_notifications) and answers with an empty batch, so the product workflow's calls can be checked.
import type { NotifyReservationHoldersInput, ShopEventBatch } from '../../libs/domain';
import { NativeConnection } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createEngineWorker, installWorkerRuntime, socialActivityDeps } from '../../apps/worker/src/worker';
import { testConfig, uniqueName, type TestWorker } from '../support/stack';

export async function startSalesWorker(dataSource: DataSource, taskQueue = uniqueName('tq')): Promise<TestWorker> {
  await dataSource.query(
    `CREATE TABLE IF NOT EXISTS test_shop_notifications (product_id text NOT NULL, kind text NOT NULL, seq int NOT NULL, hold_until text, PRIMARY KEY (product_id, kind, seq))`,
  );
  installWorkerRuntime('error');
  const address = process.env.TEST_TEMPORAL_ADDRESS!;
  const connection = await NativeConnection.connect({ address });
  const config = testConfig();
  const notifyReservationHolders = async (input: NotifyReservationHoldersInput): Promise<ShopEventBatch> => {
    await dataSource.query(`INSERT INTO test_shop_notifications VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [input.productId, input.kind, input.seq, input.holdUntil ?? null]);
    return { batchId: `${input.productId}-${input.kind}-${input.seq}`, events: 0, retry: { maxAttempts: 1, initialIntervalMs: 100, maxIntervalMs: 100, timeoutMs: 1_000 } };
  };
  const worker = await createEngineWorker({
    connection,
    namespace: 'default',
    taskQueue,
    dataSource,
    workflowBundlePath: process.env.TEST_WORKFLOW_BUNDLE!,
    shutdownGraceTimeMs: 2_000,
    social: socialActivityDeps(config, () => 'http://share.test'),
    extraActivities: { notifyReservationHolders },
  });
  const running = worker.run();
  return {
    worker,
    taskQueue,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
    },
  };
}

export async function shopNotifications(ds: DataSource, productId: string): Promise<{ kind: string; seq: number; hold_until: string | null }[]> {
  return ds.query('SELECT kind, seq, hold_until FROM test_shop_notifications WHERE product_id = $1 ORDER BY seq', [productId]);
}
