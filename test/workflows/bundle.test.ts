// The workflow bundle builds from source under Jest (path aliases must not leak into workflows/) and holds
// only deterministic code: the lifecycle, libs/domain and the SDK — no database, Nest or Node I/O.
import { bundleWorkflowCode } from '@temporalio/worker';
import * as path from 'node:path';

jest.setTimeout(60_000);

it('bundles the workflows without database, Nest or Node I/O code', async () => {
  const { code } = await bundleWorkflowCode({
    workflowsPath: path.resolve(__dirname, '..', '..', 'workflows', 'index.ts'),
    logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } as never,
  });
  expect(code).toContain('productLifecycle');
  expect(code).toContain('emptyUpdateTarget');
  for (const forbidden of ['node_modules/typeorm', 'node_modules/@nestjs', 'node_modules/pg/', 'node_modules/pino', 'libs/database', 'activities/product.activities']) {
    expect(code).not.toContain(forbidden);
  }
});
