// A throwaway engine on embedded defaults in a temporary folder on free ports (benchmarks, history
// recording): it never touches the user's .data folder or a running `npm start`.

import { loadConfig, type AppConfig } from '@app/config';
import { freePort } from '@app/runtime';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { prebuiltBundlePath } from '../../worker/src/worker';
import { startEngine, type EngineOptions, type RunningEngine } from './engine';

export interface PrivateEngine extends RunningEngine {
  config: AppConfig;
  dataDir: string;
}

export async function startPrivateEngine(
  name: string,
  env: Record<string, string> = {},
  opts: Partial<Pick<EngineOptions, 'api' | 'apiModules' | 'apiEntry' | 'bootstrapStaffKey' | 'log'>> = {},
): Promise<PrivateEngine> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `incubator-${name}-`));
  const config = loadConfig({
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
    TEMPORAL_DEV_PORT: String(await freePort()),
    TEMPORAL_UI_PORT: '0',
    API_PORT: '0',
    LOG_LEVEL: 'warn',
    ...env,
  });
  try {
    const engine = await startEngine({ ...opts, config, log: opts.log ?? (() => undefined), workflowBundlePath: prebuiltBundlePath() });
    return {
      ...engine,
      config,
      dataDir,
      stop: async () => {
        await engine.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}
