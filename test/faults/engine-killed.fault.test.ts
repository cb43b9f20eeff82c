// Fault: `npm start`'s process SIGKILLed (as the out-of-memory killer does) with products mid-lifecycle. Its
// embedded PostgreSQL and Temporal dev server outlive it; the next start on the same DATA_DIR and ports stops
// exactly those leftovers, and every product finishes, each stage change recorded once.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../../libs/config';
import { createDataSource } from '../../libs/database';
import { commandOf, embeddedDatabaseUrl, freePort, readChildRecord, resolveTemporalCli, stopLeftover } from '../../libs/runtime';
import { apiClient, ok, type Api } from '../support/api-client';
import type { ProductDto } from '../support/api-types';
import { compileEngine, type CompiledEngine, type CompiledProcess } from '../support/compiled';
import { advanceTo, castInfluencer, createProduct, driveToLaunch } from '../support/product-flow';
import { eventually } from '../support/wait';
import { faultProduct, report } from './fault-stack';
import { checkTimeline } from './read-model';

jest.setTimeout(300_000);

describe('fault: the engine process killed', () => {
  let compiled: CompiledEngine;
  let dataDir: string;
  let env: Record<string, string>;
  const launchers: CompiledProcess[] = [];
  let db: DataSource | undefined;
  const pidFiles = () => [path.join(dataDir, 'temporal', 'server.process.json'), path.join(dataDir, 'postgres.process.json')];

  beforeAll(async () => {
    compiled = await compileEngine();
    // Private, as `mktemp -d` makes it: run as root, the engine must still let PostgreSQL reach its data.
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'incubator-engine-killed-'));
    const log = (m: string) => process.stderr.write(`[engine-killed] ${m}\n`);
    const cliPath = await resolveTemporalCli({ cliPath: process.env.TEMPORAL_CLI_PATH, cacheDir: loadConfig({}).temporal.cliCacheDir, log });
    env = {
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      TEMPORAL_DEV_PORT: String(await freePort()),
      TEMPORAL_UI_PORT: '0',
      API_PORT: String(await freePort()),
      TEMPORAL_CLI_PATH: cliPath!,
      SECRETS_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'warn',
    };
  });

  afterAll(async () => {
    await db?.destroy();
    await Promise.all(launchers.map((l) => l.kill('SIGKILL')));
    // Whatever a failed run left behind, stopped by the same records the engine uses.
    for (const file of dataDir ? pidFiles() : []) await stopLeftover(file, { log: () => undefined, signal: 'SIGINT', graceMs: 5_000 }).catch(() => undefined);
    compiled?.remove();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** `npm start` on the suite's DATA_DIR and ports, once it prints where its API is. */
  const start = async (): Promise<{ launcher: CompiledProcess; url: string }> => {
    const launcher = compiled.run('apps/launcher/src/main.js', env);
    launchers.push(launcher);
    // An engine that refuses to start fails the test at once, not at the timeout.
    let up = false;
    const url = await Promise.race([
      eventually('the engine to print its API address', () => /API\s+(http:\/\/\S+)/.exec(launcher.output())?.[1], 180_000),
      launcher.exited.then((code) => (up ? new Promise<never>(() => undefined) : Promise.reject(new Error(`the engine exited (${code}) before it was up:\n${launcher.output()}`)))),
    ]);
    up = true;
    return { launcher, url };
  };

  const stage = async (api: Api, id: string) => (await ok(api.http<ProductDto>('GET', `/products/${id}`), 200)).stage;

  it('the next start stops the killed engine\'s PostgreSQL and Temporal server and finishes every product', async () => {
    const first = await start();
    const staffKey = /Staff API key \(shown once, store it now\): (\S+)/.exec(first.launcher.output())?.[1];
    expect(staffKey).toBeDefined();
    const api = apiClient(first.url, staffKey!);
    const mia = await castInfluencer(api, 'mia');
    // One product moved by hand into sampling, one waiting on its launch timer when the engine dies.
    const byHand = await createProduct(api, mia.influencerId, faultProduct(3_600_000, 'By hand'));
    await advanceTo(api, mia, byHand, 'SAMPLING');
    const onTimer = await createProduct(api, mia.influencerId, faultProduct(3_600_000, 'On a timer'));
    await driveToLaunch(api, mia, onTimer, 20_000);
    expect(await stage(api, onTimer)).toBe('LAUNCH');

    const records = pidFiles().map((file) => readChildRecord(file));
    const children = records.map((r, i) => {
      if (!r) throw new Error(`no pid file ${pidFiles()[i]} while the engine runs`);
      return r.child;
    });
    expect(records.map((r) => r!.owner.pid)).toEqual([first.launcher.process.pid, first.launcher.process.pid]);

    await first.launcher.kill('SIGKILL');
    // The fault as it is: the servers outlive the launcher and hold their ports.
    for (const child of children) expect(commandOf(child.pid)).toBe(child.command);

    const second = await start();
    const output = second.launcher.output();
    expect(output).toContain(`Stopping a leftover Temporal dev server of this data folder (pid ${children[0].pid},`);
    expect(output).toContain(`Stopped the leftover Temporal dev server (pid ${children[0].pid})`);
    expect(output).toContain(`Stopping a leftover embedded PostgreSQL of this data folder (pid ${children[1].pid},`);
    expect(output).toContain(`Stopped the leftover embedded PostgreSQL (pid ${children[1].pid})`);
    // Not a process of the first run is left: each pid is gone or now another program.
    for (const child of children) expect(commandOf(child.pid)).not.toBe(child.command);
    // The new servers are recorded as the second engine's.
    expect(pidFiles().map((file) => readChildRecord(file)?.owner.pid)).toEqual([second.launcher.process.pid, second.launcher.process.pid]);

    const api2 = apiClient(second.url, staffKey!);
    await driveToLaunch(api2, mia, byHand, 1_500, 'SAMPLING');
    for (const id of [byHand, onTimer]) await eventually(`${id} to launch`, async () => (await stage(api2, id)) === 'ON_SALE', 90_000);

    db = createDataSource({ url: embeddedDatabaseUrl(path.join(dataDir, 'postgres'), Number(env.EMBEDDED_PG_PORT), 'incubator'), applicationName: 'fault-test' });
    await db.initialize();
    const checks = await Promise.all([byHand, onTimer].map((id) => checkTimeline(db!, id)));
    const lost = checks.filter((c) => !c.launched).length;
    const duplicated = checks.reduce((t, c) => t + c.duplicated, 0);
    await db.destroy();
    db = undefined;
    report({
      fault: 'SIGKILL to npm start (launcher) mid-lifecycle',
      runs: 1,
      products: 2,
      votes: 0,
      deliveries: 0,
      lost,
      duplicated,
      checked: 'leftover PostgreSQL and Temporal of the data folder stopped, their pids gone; both products launched (ON_SALE)',
    });
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);

    expect(await second.launcher.kill('SIGTERM')).toBe(0);
    // A clean stop leaves no pid file behind.
    expect(pidFiles().filter((file) => fs.existsSync(file))).toEqual([]);
  });
});
