// The workflow bundle builds from source under Jest (path aliases must not leak into workflows/) and holds
// only deterministic code: the lifecycle, libs/domain and the SDK — no database, Nest or Node I/O, and no
// bench-only workflow. The lifecycle benchmark's own workflow bundles too.
import { bundleWorkflowCode } from '@temporalio/worker';
import * as path from 'node:path';

it('bundles the workflows without database, Nest or Node I/O code', async () => {
  const { code } = await bundleWorkflowCode({
    workflowsPath: path.resolve(__dirname, '..', '..', 'workflows', 'index.ts'),
    logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} },
  });
  expect(code).toContain('productLifecycle');
  // Bench-only workflows stay out of the production bundle (the lifecycle benchmark runs its own worker).
  expect(code).not.toContain('emptyUpdateTarget');
  for (const forbidden of ['node_modules/typeorm', 'node_modules/@nestjs', 'node_modules/pg/', 'node_modules/pino', 'libs/database', 'activities/product.activities']) {
    expect(code).not.toContain(forbidden);
  }
});

it("bundles the lifecycle benchmark's floor workflow for its own worker", async () => {
  const { code } = await bundleWorkflowCode({
    workflowsPath: path.resolve(__dirname, '..', '..', 'bench', 'workflows', 'empty-update-target.workflow.ts'),
    logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} },
  });
  expect(code).toContain('emptyUpdateTarget');
});
