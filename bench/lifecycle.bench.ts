// `npm run bench:lifecycle`: drives N products (default 200, BENCH_PRODUCTS) concurrently through the whole
// lifecycle via the HTTP API on the embedded defaults (a private data folder and free ports), and in the
// same run measures the floor: a bare Temporal update on an empty workflow, at the same concurrency.
// Prints lifecycles/s and p50/p99 of the API's update calls next to the floor; the last line is JSON.

import 'reflect-metadata';
import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { startPrivateEngine } from '../apps/launcher/src/private-engine';
import { cpuDelta, cpuSeconds, round, summary } from './support';
import { emptyUpdateTarget, ping, stop } from '../workflows/empty-update-target.workflow';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 200);
const LAUNCH_AHEAD_MS = 1_000;

async function main(): Promise<void> {
  console.log('Starting the engine on embedded defaults in a temporary folder …');
  // One client drives every product with one staff key: its per-key rate limit is lifted.
  const engine = await startPrivateEngine('bench', { LAUNCH_COUNTDOWNS: '500ms', API_KEY_RATE_LIMIT: '1000000' }, { bootstrapStaffKey: true, log: (m) => console.log(`  ${m}`) });
  const { config, dataDir } = engine;
  const staffKey = engine.firstStaffKey!;
  // The same kind of connection the API uses, so the floor and the API pay the same client cost.
  const connection = await NativeConnection.connect({ address: engine.temporalAddress });
  const client = new Client({ connection, namespace: config.temporal.namespace });

  const call = async (method: string, urlPath: string, key: string, body?: unknown): Promise<{ status: number; json: any; ms: number }> => {
    const started = performance.now();
    const res = await fetch(`${engine.apiUrl}${urlPath}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as any;
    const ms = performance.now() - started;
    if (res.status >= 300) throw new Error(`${method} ${urlPath} → ${res.status}: ${json.message}`);
    return { status: res.status, json, ms };
  };

  try {
    // Floor: the same number of update calls, on as many empty workflows, at the same concurrency.
    const UPDATES_PER_PRODUCT = 12;
    const floorSamples: number[] = [];
    const cpu0 = cpuSeconds(dataDir);
    const floorStarted = performance.now();
    await Promise.all(
      Array.from({ length: PRODUCTS }, async (_, i) => {
        const handle = await client.workflow.start(emptyUpdateTarget, { workflowId: `bench-floor-${i}-${Date.now()}`, taskQueue: config.temporal.taskQueue });
        for (let n = 0; n < UPDATES_PER_PRODUCT; n++) {
          const t = performance.now();
          await handle.executeUpdate(ping, { args: [n] });
          floorSamples.push(performance.now() - t);
        }
        await handle.signal(stop);
      }),
    );
    const floorSeconds = (performance.now() - floorStarted) / 1000;
    const floor = summary(floorSamples);
    const cpu1 = cpuSeconds(dataDir);
    console.log(`Floor: ${floor.n} bare updates in ${round(floorSeconds)} s, p50 ${round(floor.p50)} ms, p99 ${round(floor.p99)} ms`);
    console.log(`  CPU used: ${cpuDelta(cpu0, cpu1)}`);

    // Lifecycle through the API.
    const influencer = (await call('POST', '/influencers', staffKey, { handle: `bench-${Date.now()}`, displayName: 'Bench' })).json;
    const influencerKey = (await call('POST', '/api-keys', staffKey, { role: 'influencer', influencerId: influencer.id, label: 'bench' })).json.key as string;
    const updateSamples: number[] = [];
    const byAction = new Map<string, number[]>();
    const timed = async (method: string, urlPath: string, key: string, body?: unknown) => {
      const r = await call(method, urlPath, key, body);
      updateSamples.push(r.ms);
      const action = urlPath.replace(/^\/products\/[^/]+\//, '').replace(/\/\d+\//, '/:round/');
      byAction.set(action, [...(byAction.get(action) ?? []), r.ms]);
      return r.json;
    };
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: PRODUCTS }, async (_, i) => {
        const product = (
          await call('POST', '/products', staffKey, {
            name: `Bench product ${i}`,
            influencerId: influencer.id,
            targetKeyword: 'bench dress',
            poll: { question: 'Which?', options: [{ label: 'A' }, { label: 'B' }], durationMinutes: 60, minVotes: 0 },
          })
        ).json;
        const p = `/products/${product.id}`;
        await timed('POST', `${p}/poll/close`, staffKey, {});
        await timed('POST', `${p}/designs`, staffKey, { title: 'v1', description: 'first design' });
        await timed('POST', `${p}/designs/1/review`, influencerKey, { decision: 'APPROVE' });
        await timed('POST', `${p}/samples`, staffKey, { supplier: 'Bench Mills', notes: 'ok' });
        await timed('POST', `${p}/samples/1/review`, influencerKey, { decision: 'APPROVE' });
        await timed('POST', `${p}/production`, staffKey, { supplier: 'Bench Mills', dueDate: due });
        for (const milestone of ['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK', 'SHIPPED']) {
          await timed('POST', `${p}/production/milestones`, staffKey, { milestone });
        }
        // The influencer approves the launch announcement as drafted, then staff schedule the launch.
        await timed('POST', `${p}/launch-announcement/approve`, influencerKey, {});
        // Under load the call can arrive after a time picked 1 s ahead; staff would pick a later one.
        for (let attempt = 1; ; attempt++) {
          try {
            await timed('POST', `${p}/launch`, staffKey, { launchAt: new Date(Date.now() + LAUNCH_AHEAD_MS * attempt).toISOString() });
            break;
          } catch (err) {
            if (attempt >= 5 || !/is not in the future/.test((err as Error).message)) throw err;
          }
        }
        await client.workflow.getHandle(product.workflowId).result();
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu2 = cpuSeconds(dataDir);
    const launched = Number((await engine.dataSource.query(`SELECT count(*)::int AS n FROM products WHERE stage = 'LAUNCHED'`))[0].n);
    const api = summary(updateSamples);
    const lifecyclesPerSec = PRODUCTS / seconds;
    const ratio = api.p50 / floor.p50;
    console.log('');
    console.log(`Products launched:      ${launched} of ${PRODUCTS} in ${round(seconds)} s (each waits ${LAUNCH_AHEAD_MS} ms for its launch timer)`);
    console.log(`Lifecycles per second:  ${round(lifecyclesPerSec)}`);
    console.log(`API update calls:       ${api.n}, p50 ${round(api.p50)} ms, p99 ${round(api.p99)} ms`);
    console.log(`Bare Temporal update:   ${floor.n}, p50 ${round(floor.p50)} ms, p99 ${round(floor.p99)} ms (floor)`);
    console.log(`Ratio p50 / floor p50:  ${round(ratio)} (target ≤ 1.5)`);
    console.log(`CPU used by the lifecycles (incl. product creation): ${cpuDelta(cpu1, cpu2)}`);
    console.log(`p50 by action: ${[...byAction].map(([a, ms]) => `${a} ${round(summary(ms).p50, 0)} ms`).join(', ')}`);
    console.log(
      JSON.stringify({
        products: PRODUCTS,
        launched,
        lifecyclesPerSec: round(lifecyclesPerSec),
        p50Ms: round(api.p50),
        p99Ms: round(api.p99),
        floorP50Ms: round(floor.p50),
        floorP99Ms: round(floor.p99),
        ratio: round(ratio),
      }),
    );
    if (launched < PRODUCTS) process.exitCode = 1;
  } finally {
    await connection.close();
    await engine.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
