// `npm run bench:lifecycle`: drives N products (default 200, BENCH_PRODUCTS) concurrently through the whole
// lifecycle via the HTTP API on the embedded defaults (a private data folder and free ports), and in the
// same run measures the floor: a bare Temporal update on an empty workflow (bench/workflows, run by a
// worker of its own on the engine's Temporal server), at the same concurrency.
// Prints lifecycles/s and p50/p99 of the API's update calls next to the floor, actions/s and CPU-ms per action
// (all processes: the engine's, Temporal's, PostgreSQL's) next to the floor's per update; the last line is JSON.
// With `-- --profile`: a CPU profile of the engine's process over the lifecycles (bench/profiles/), its time
// by part of the stack and top functions per action, PostgreSQL's statements per action and the workflow
// tasks, activities and local activities per action (bench/profile.ts).

import 'reflect-metadata';
import * as path from 'node:path';
import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { ApiError, apiClient, ok } from '../test/support/api-client';
import { advanceTo, castInfluencer, createProductAnswer } from '../test/support/product-flow';
import { eventually } from '../test/support/wait';
import { startFloorWorker } from './floor-worker';
import { printProfileSummary, PROFILE_PG_SETTINGS, resetStatements, startCpuProfile, statementSummary, summarizeCpuProfile, workflowWorkSummary } from './profile';
import { cpuDelta, cpuSeconds, cpuTotal, round, runBench, startBenchEngine, summary } from './support';
import { emptyUpdateTarget, ping, stop } from './workflows/empty-update-target.workflow';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 200);
const LAUNCH_AHEAD_MS = 1_000;
/** How often the driver reads a launched product until it is on sale (a staff board refreshes no faster). */
const ON_SALE_POLL_MS = 250;
const PROFILE = process.argv.includes('--profile');
/** How many products' histories the profile reads for workflow tasks per action. */
const HISTORIES_READ = 20;

async function main(): Promise<void> {
  // One client drives every product with one staff key: its per-key rate limit is lifted.
  const engine = await startBenchEngine('bench', { LAUNCH_COUNTDOWNS: '500ms', API_KEY_RATE_LIMIT: '1000000', ...(PROFILE ? { EMBEDDED_PG_SETTINGS: PROFILE_PG_SETTINGS } : {}) });
  const { config, dataDir } = engine;
  // The same kind of connection the API uses, so the floor and the API pay the same client cost.
  const connection = await NativeConnection.connect({ address: engine.temporalAddress });
  const client = new Client({ connection, namespace: config.temporal.namespace });

  try {
    // Floor: the same number of update calls, on as many empty workflows, at the same concurrency.
    const floorWorker = await startFloorWorker(engine.temporalAddress, config.temporal.namespace);
    const UPDATES_PER_PRODUCT = 12;
    const floorSamples: number[] = [];
    const cpu0 = cpuSeconds(dataDir);
    const floorStarted = performance.now();
    await Promise.all(
      Array.from({ length: PRODUCTS }, async (_, i) => {
        const handle = await client.workflow.start(emptyUpdateTarget, { workflowId: `bench-floor-${i}-${Date.now()}`, taskQueue: floorWorker.taskQueue });
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
    await floorWorker.stop();
    console.log(`Floor: ${floor.n} bare updates in ${round(floorSeconds)} s, p50 ${round(floor.p50)} ms, p99 ${round(floor.p99)} ms`);
    console.log(`  CPU used: ${cpuDelta(cpu0, cpu1)}`);

    // Lifecycle through the API: every action after the product's creation is timed.
    const cast = await castInfluencer(engine, `bench-${Date.now()}`);
    const updateSamples: number[] = [];
    const byAction = new Map<string, number[]>();
    /** A running average of the calls' latency: a launch time is picked far enough ahead to arrive before it. */
    let recentMs = 0;
    const timed = apiClient(engine.apiUrl, engine.staffKey, {
      onResponse: ({ path }, res, ms) => {
        recentMs = 0.9 * recentMs + 0.1 * ms;
        if (res.status >= 300) return;
        updateSamples.push(ms);
        const action = path.replace(/^\/products\/[^/]+\//, '').replace(/\/\d+\//, '/:round/');
        byAction.set(action, [...(byAction.get(action) ?? []), ms]);
      },
    });
    const workflowIds: string[] = [];
    if (PROFILE) await resetStatements(engine.dataSource);
    const profiler = PROFILE ? await startCpuProfile() : undefined;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: PRODUCTS }, async (_, i) => {
        const product = await createProductAnswer(engine, cast.influencerId, {
          name: `Bench product ${i}`,
          targetKeyword: 'bench dress',
          poll: { question: 'Which?', options: [{ label: 'A' }, { label: 'B' }], durationMinutes: 60, minVotes: 0 },
        });
        const p = `/products/${product.id}`;
        workflowIds.push(product.workflowId);
        await advanceTo(timed, cast, product.id, 'LAUNCH');
        // The influencer approves the launch announcement as drafted, then staff schedule the launch.
        await ok(timed.http('POST', `${p}/launch-announcement/approve`, { key: cast.influencerKey, body: {} }));
        // At least 1 s ahead, and three times the calls' recent latency: under load a call can arrive after a
        // time picked 1 s ahead (a refusal that costs an update's round trip); staff would pick a later one.
        let launchAt = 0;
        for (let attempt = 1; ; attempt++) {
          try {
            launchAt = Date.now() + Math.max(LAUNCH_AHEAD_MS, 3 * recentMs) * attempt;
            await ok(timed.http('POST', `${p}/launch`, { body: { launchAt: new Date(launchAt).toISOString() } }));
            break;
          } catch (err) {
            if (attempt >= 5 || !(err instanceof ApiError) || !/is not in the future/.test(err.message)) throw err;
          }
        }
        // Launched products go on sale and stay there until staff end them: wait for ON_SALE, then end it. Not
        // before the launch time, and by the API's read (as the staff board does), not by workflow queries: the
        // driver's waiting is not an action, and each query costs Temporal and the worker about what an update does.
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, launchAt - Date.now())));
        await eventually(`${product.id} on sale`, async () => (await ok(engine.http<{ stage: string }>('GET', p))).stage === 'ON_SALE', 60_000, ON_SALE_POLL_MS);
        const handle = client.workflow.getHandle(product.workflowId);
        await ok(timed.http('POST', `${p}/end`, { body: { reason: 'bench' } }));
        await handle.result();
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu2 = cpuSeconds(dataDir);
    const profileFile = path.resolve(__dirname, '..', '..', 'bench', 'profiles', `lifecycle-${PRODUCTS}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
    const profile = profiler ? await profiler.stop(profileFile) : undefined;
    const launched = Number((await engine.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM products WHERE stage = 'ENDED'`))[0].n);
    const api = summary(updateSamples);
    const lifecyclesPerSec = PRODUCTS / seconds;
    const ratio = api.p50 / floor.p50;
    const floorUpdatesPerSec = floor.n / floorSeconds;
    const actionsPerSec = api.n / seconds;
    const floorCpuMsPerUpdate = (cpuTotal(cpu0, cpu1) * 1000) / floor.n;
    const cpuMsPerAction = (cpuTotal(cpu1, cpu2) * 1000) / api.n;
    console.log('');
    console.log(`Products launched:      ${launched} of ${PRODUCTS} in ${round(seconds)} s (each waits at least ${LAUNCH_AHEAD_MS} ms for its launch timer)`);
    console.log(`Lifecycles per second:  ${round(lifecyclesPerSec)}`);
    console.log(`API update calls:       ${api.n}, p50 ${round(api.p50)} ms, p99 ${round(api.p99)} ms`);
    console.log(`Bare Temporal update:   ${floor.n}, p50 ${round(floor.p50)} ms, p99 ${round(floor.p99)} ms (floor)`);
    console.log(`Ratio p50 / floor p50:  ${round(ratio)} (target ≤ 1.5)`);
    console.log(`Actions per second:     ${round(actionsPerSec)} against the floor's ${round(floorUpdatesPerSec)} updates/s: ${round(actionsPerSec / floorUpdatesPerSec)} (target ≥ 0.6 at 200)`);
    console.log(`CPU-ms per action:      ${round(cpuMsPerAction)} against the floor's ${round(floorCpuMsPerUpdate)} per update: ${round(cpuMsPerAction / floorCpuMsPerUpdate)} (target ≤ 2)`);
    console.log(`CPU used by the lifecycles (incl. product creation): ${cpuDelta(cpu1, cpu2)}`);
    console.log(`p50 by action: ${[...byAction].map(([a, ms]) => `${a} ${round(summary(ms).p50, 0)} ms`).join(', ')}`);
    if (profile) {
      const cpu = summarizeCpuProfile(profile, api.n);
      console.log('');
      console.log(`Profile of the engine's process (API, worker, and this benchmark's driver): ${cpu.totalMs} CPU-ms sampled, written to ${profileFile}`);
      printProfileSummary(cpu, await statementSummary(engine.dataSource, api.n), 'action', '  ');
      const work = await workflowWorkSummary(client, workflowIds.slice(0, HISTORIES_READ));
      console.log(`  Temporal, over ${work.products} products' histories: ${JSON.stringify(work)}`);
    }
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
        floorUpdatesPerSec: round(floorUpdatesPerSec),
        actionsPerSec: round(actionsPerSec),
        cpuMsPerAction: round(cpuMsPerAction),
        floorCpuMsPerUpdate: round(floorCpuMsPerUpdate),
      }),
    );
    if (launched < PRODUCTS) process.exitCode = 1;
  } finally {
    await connection.close();
    await engine.stop();
  }
}

runBench(main);
