// Prebuilds the workflow bundle the production worker loads (dist/workflow-bundle.js); exits non-zero
// when bundling fails, so a broken workflow import fails the build rather than a worker at start.

import { bundleWorkflowCode } from '@temporalio/worker';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WORKFLOW_INTERCEPTOR_MODULES } from '../apps/worker/src/bundles';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  const out = path.join(root, 'dist', 'workflow-bundle.js');
  const workflowsPath = path.join(root, 'workflows', 'index.ts');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const { code } = await bundleWorkflowCode({ workflowsPath, workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES });
  fs.writeFileSync(out, code);
  console.log(`workflow bundle written to ${path.relative(root, out)} (${Math.round(code.length / 1024)} KiB)`);
}

main().catch((err) => {
  console.error('bundling the workflows failed:', err);
  process.exit(1);
});
