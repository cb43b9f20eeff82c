// `npm run bench:lifecycle`: drives N products (default 200, BENCH_PRODUCTS) concurrently through the whole
// lifecycle via the HTTP API on the embedded defaults (a private data folder and free ports), in waves of N
// until at least 20 lifecycles are measured (BENCH_WAVES), after a warm-up that is not counted, and in the
// same run measures the floor: a bare Temporal update on an empty workflow (bench/workflows, run by a
// worker of its own on the engine's Temporal server), at the same concurrency; and, as a reference point (not a
// target's floor), the same update answering after one local activity that does nothing.
// The products are driven from a process of their own (lifecycle-driver.ts), as users' clients would be; with
// BENCH_CHANNELS=1 their influencer has a webhook channel (to the driver's receiver) and a log channel, so updates
// are delivered too.
// Prints lifecycles/s and p50/p99 of the API's update calls next to the floor, actions/s and CPU-ms per action
// (the engine's processes: API and worker, Temporal, PostgreSQL; not the driver's) next to the floor's per
// update (its worker and client, Temporal), and the engine's process by kind of thread (main, workflow threads,
// the SDK's core, V8's helpers: support.ts threadCpuSeconds); the last line is JSON.
// With `-- --profile`: a CPU profile of the engine's process over the lifecycles (bench/profiles/), its time
// by part of the stack and top functions per action, PostgreSQL's statements per action and the workflow
// tasks, activities and local activities per action (bench/profile.ts).

import 'reflect-metadata';
import { fork } from 'node:child_process';
import * as path from 'node:path';
import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { eventually } from '../test/support/wait';
import { startFloorWorker } from './floor-worker';
import type { DriveRequest, DriveResult, FinishResult } from './lifecycle-driver';
import { printProfileSummary, PROFILE_PG_SETTINGS, resetStatements, startCpuProfile, statementSummary, summarizeCpuProfile, workflowWorkSummary } from './profile';
import { cpuDelta, cpuSeconds, cpuTotal, round, runBench, startBenchEngine, summary, threadCpuSeconds, threadMsPer } from './support';
import { emptyUpdateTarget, ping, pingAfterLocalNoop, stop } from './workflows/empty-update-target.workflow';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 200);
if (!Number.isInteger(PRODUCTS) || PRODUCTS < 1) throw new Error(`BENCH_PRODUCTS must be a whole number of at least 1, not ${process.env.BENCH_PRODUCTS}`);
/**
 * Successive waves of PRODUCTS products each (BENCH_WAVES): the concurrency stays PRODUCTS, and at low
 * concurrency the figures come from enough actions to mean something (one product's lifecycle is 14 calls).
 * By default as many waves as make at least MIN_MEASURED lifecycles.
 */
const MIN_MEASURED = 20;
const WAVES = Number(process.env.BENCH_WAVES ?? Math.ceil(MIN_MEASURED / PRODUCTS));
if (!Number.isInteger(WAVES) || WAVES < 1) throw new Error(`BENCH_WAVES must be a whole number of at least 1, not ${process.env.BENCH_WAVES}`);
/**
 * Before anything is measured, the engine, the floor's worker and the bench's client run this many products'
 * lifecycles and their updates once, not counted (BENCH_WARMUP; 0 for none): otherwise the first calls of each
 * pay for compiling their code paths, which at low concurrency is most of the calls.
 */
const WARMUP = Number(process.env.BENCH_WARMUP ?? Math.min(PRODUCTS, MIN_MEASURED));
if (!Number.isInteger(WARMUP) || WARMUP < 0) throw new Error(`BENCH_WARMUP must be a whole number, not ${process.env.BENCH_WARMUP}`);
/**
 * Whether the influencer has a webhook and a log channel (1), as influencers do, so each action's updates are
 * delivered too, or none (0, the default: the action path alone, as the targets were set; bench:social measures
 * deliveries against their own floor).
 */
const CHANNELS = (process.env.BENCH_CHANNELS ?? '0') !== '0';
const LAUNCH_AHEAD_MS = 1_000;
/** How often the driver reads a launched product until it is on sale (a staff board refreshes no faster). */
const ON_SALE_POLL_MS = 250;
const PROFILE = process.argv.includes('--profile');
/** How many products' histories the profile reads for workflow tasks per action. */
const HISTORIES_READ = 20;

/**
 * Starts the driver in its own process; `result` is what it measured once every product has ended, and `finish`
 * stops its receiver (deliveries still arriving until then) and answers what the receiver accepted.
 */
function startDriver(req: DriveRequest): { result: Promise<DriveResult>; finish(): Promise<FinishResult> } {
  const child = fork(path.join(__dirname, 'lifecycle-driver.js'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <T>(): Promise<T> =>
    new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the lifecycle driver exited with ${code}`));
      child.once('exit', onExit);
      child.once('message', (msg: { ok: boolean; result?: T; error?: string }) => {
        child.off('exit', onExit);
        if (msg.ok) resolve(msg.result!);
        else reject(new Error(msg.error));
      });
    });
  const result = next<DriveResult>();
  child.send(req);
  return {
    result,
    finish: () => {
      const finished = next<FinishResult>();
      child.send('finish');
      return finished;
    },
  };
}

type Engine = Awaited<ReturnType<typeof startBenchEngine>>;

/** What the driver is asked to play: PRODUCTS products at once, WAVES times, for an influencer of its own. */
function driveRequest(engine: Engine, handle: string): DriveRequest {
  return {
    apiUrl: engine.apiUrl,
    staffKey: engine.staffKey,
    handle,
    channels: CHANNELS,
    products: PRODUCTS,
    waves: WAVES,
    launchAheadMs: LAUNCH_AHEAD_MS,
    onSalePollMs: ON_SALE_POLL_MS,
  };
}

async function main(): Promise<void> {
  // One client drives every product with one staff key: its per-key rate limit is lifted.
  const engine = await startBenchEngine('bench', { LAUNCH_COUNTDOWNS: '500ms', API_KEY_RATE_LIMIT: '1000000', ...(PROFILE ? { EMBEDDED_PG_SETTINGS: PROFILE_PG_SETTINGS } : {}) });
  const { config, dataDir } = engine;
  // The same kind of connection the API uses, so the floor and the API pay the same client cost.
  const connection = await NativeConnection.connect({ address: engine.temporalAddress });
  const client = new Client({ connection, namespace: config.temporal.namespace });

  try {
    // Floor: the same number of update calls, on as many empty workflows, at the same concurrency; then the same
    // with one local activity doing nothing in each update's path (what any action whose read model is written
    // before it answers pays at least: not a target's floor, a reference point between the two).
    const pendingDeliveries = async () =>
      Number((await engine.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM deliveries WHERE status = 'pending'`))[0].n);
    const floorWorker = await startFloorWorker(engine.temporalAddress, config.temporal.namespace);
    const UPDATES_PER_PRODUCT = 12;
    // `workflows` at once, each taking UPDATES_PER_PRODUCT updates per wave one after another: the lifecycles' concurrency.
    const measureFloor = async (update: typeof ping, workflows = PRODUCTS, waves = WAVES) => {
      const samples: number[] = [];
      const cpuBefore = cpuSeconds(dataDir);
      const threadsBefore = threadCpuSeconds();
      const startedAt = performance.now();
      await Promise.all(
        Array.from({ length: workflows }, async (_, i) => {
          const handle = await client.workflow.start(emptyUpdateTarget, { workflowId: `bench-floor-${update.name}-${i}-${Date.now()}`, taskQueue: floorWorker.taskQueue });
          for (let n = 0; n < UPDATES_PER_PRODUCT * waves; n++) {
            const t = performance.now();
            await handle.executeUpdate(update, { args: [n] });
            samples.push(performance.now() - t);
          }
          await handle.signal(stop);
        }),
      );
      const seconds = (performance.now() - startedAt) / 1000;
      const cpuAfter = cpuSeconds(dataDir);
      const sum = summary(samples);
      return { ...sum, seconds, cpuMs: (cpuTotal(cpuBefore, cpuAfter) * 1000) / sum.n, cpu: cpuDelta(cpuBefore, cpuAfter), threads: threadMsPer(threadsBefore, threadCpuSeconds(), sum.n) };
    };
    if (WARMUP > 0) {
      console.log(`Warming up: ${WARMUP} workflows' updates of each kind and ${WARMUP} products' lifecycles, not counted …`);
      await measureFloor(ping, WARMUP, 1);
      await measureFloor(pingAfterLocalNoop, WARMUP, 1);
      const warm = startDriver({ ...driveRequest(engine, `bench-warm-${Date.now()}`), products: WARMUP, waves: 1 });
      await Promise.all((await warm.result).workflowIds.map((id) => client.workflow.getHandle(id).result()));
      if (CHANNELS) await eventually('every warm-up delivery made', async () => (await pendingDeliveries()) === 0, 600_000, 500);
      await warm.finish();
    }
    const floor = await measureFloor(ping);
    const withLocal = await measureFloor(pingAfterLocalNoop);
    await floorWorker.stop();
    console.log(`Floor: ${floor.n} bare updates in ${round(floor.seconds)} s, p50 ${round(floor.p50)} ms, p99 ${round(floor.p99)} ms`);
    console.log(`  CPU used: ${floor.cpu}`);
    console.log(`  The bench's process (the floor's client and worker) by thread, CPU-ms per update: ${JSON.stringify(floor.threads)}`);
    console.log(
      `Bare updates with one no-op local activity (reference, not a floor): ${withLocal.n} in ${round(withLocal.seconds)} s, p50 ${round(withLocal.p50)} ms, p99 ${round(withLocal.p99)} ms, ` +
        `${round(withLocal.n / withLocal.seconds)}/s, CPU-ms per update ${round(withLocal.cpuMs)} (${withLocal.cpu}); the bench's process by thread ${JSON.stringify(withLocal.threads)}`,
    );

    // Lifecycle through the API, driven from a process of its own (lifecycle-driver.ts): every action after the
    // product's creation is timed there; its CPU (and its receiver's, with channels) is not the engine's.
    const cpu1 = cpuSeconds(dataDir);
    const threads1 = threadCpuSeconds();
    if (PROFILE) await resetStatements(engine.dataSource);
    const profiler = PROFILE ? await startCpuProfile() : undefined;
    const started = performance.now();
    const driver = startDriver(driveRequest(engine, `bench-${Date.now()}`));
    const driven = await driver.result;
    // Ended products complete their workflows once their last writes are done, and their updates' deliveries go
    // on after that: both are the lifecycle's work too.
    await Promise.all(driven.workflowIds.map((id) => client.workflow.getHandle(id).result()));
    if (CHANNELS) await eventually('every delivery made', async () => (await pendingDeliveries()) === 0, 600_000, 500);
    const { samples: updateSamples, workflowIds } = driven;
    const byAction = new Map(driven.byAction);
    const seconds = (performance.now() - started) / 1000;
    const cpu2 = cpuSeconds(dataDir);
    const threads2 = threadCpuSeconds();
    const received = await driver.finish();
    const byStatus = new Map(
      (await engine.dataSource.query<{ status: string; n: number }[]>(`SELECT status, count(*)::int AS n FROM deliveries GROUP BY status`)).map((r) => [r.status, r.n]),
    );
    const delivered = byStatus.get('delivered') ?? 0;
    const profileFile = path.resolve(__dirname, '..', '..', 'bench', 'profiles', `lifecycle-${PRODUCTS}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
    const profile = profiler ? await profiler.stop(profileFile) : undefined;
    // The measured products only (not the warm-up's).
    const launched = Number(
      (await engine.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM products WHERE stage = 'ENDED' AND workflow_id = ANY($1)`, [workflowIds]))[0].n,
    );
    const api = summary(updateSamples);
    const lifecyclesPerSec = (PRODUCTS * WAVES) / seconds;
    const ratio = api.p50 / floor.p50;
    const floorUpdatesPerSec = floor.n / floor.seconds;
    const actionsPerSec = api.n / seconds;
    const cpuMsPerAction = (cpuTotal(cpu1, cpu2) * 1000) / api.n;
    const engineThreadMsPerAction = threadMsPer(threads1, threads2, api.n);
    console.log('');
    const inWaves = WAVES > 1 ? `, in ${WAVES} waves of ${PRODUCTS} at once` : '';
    console.log(`Products launched:      ${launched} of ${PRODUCTS * WAVES}${inWaves} in ${round(seconds)} s (each waits at least ${LAUNCH_AHEAD_MS} ms for its launch timer)`);
    console.log(`Lifecycles per second:  ${round(lifecyclesPerSec)}`);
    console.log(`API update calls:       ${api.n}, p50 ${round(api.p50)} ms, p99 ${round(api.p99)} ms`);
    console.log(`Bare Temporal update:   ${floor.n}, p50 ${round(floor.p50)} ms, p99 ${round(floor.p99)} ms (floor)`);
    console.log(`Ratio p50 / floor p50:  ${round(ratio)} (target ≤ 1.5)`);
    console.log(`Actions per second:     ${round(actionsPerSec)} against the floor's ${round(floorUpdatesPerSec)} updates/s: ${round(actionsPerSec / floorUpdatesPerSec)} (target ≥ 0.6 at 200)`);
    console.log(`CPU-ms per action:      ${round(cpuMsPerAction)} against the floor's ${round(floor.cpuMs)} per update: ${round(cpuMsPerAction / floor.cpuMs)} (target ≤ 2)`);
    console.log(`CPU used by the lifecycles (incl. product creation): ${cpuDelta(cpu1, cpu2)}; the driver and its receiver (not counted) ${round(received.cpuSeconds, 1)} s`);
    console.log(`The engine's process by thread, CPU-ms per action: ${JSON.stringify(engineThreadMsPerAction)}`);
    console.log(
      CHANNELS
        ? `Deliveries:             ${delivered} delivered (webhook and log channel), ${byStatus.get('failed') ?? 0} failed; ${received.accepted} accepted by the receiver, ${received.verified ? 'every one' : 'NOT every one'} verified`
        : 'Deliveries:             none (the influencer has no channels; BENCH_CHANNELS=1 gives her a webhook and a log channel)',
    );
    console.log(`p50 by action: ${[...byAction].map(([a, ms]) => `${a} ${round(summary(ms).p50, 0)} ms`).join(', ')}`);
    if (profile) {
      const cpu = summarizeCpuProfile(profile, api.n);
      console.log('');
      console.log(`Profile of the engine's process (API and worker): ${cpu.totalMs} CPU-ms sampled, written to ${profileFile}`);
      // The inspector samples the main thread alone: compare with that thread's CPU over the same lifecycles.
      const mainThreadMs = threadMsPer(threads1, threads2, 1)['main thread'] ?? 0;
      printProfileSummary(cpu, await statementSummary(engine.dataSource, api.n), 'action', '  ', { cpuMs: mainThreadMs, of: 'its main thread' });
      const work = await workflowWorkSummary(client, workflowIds.slice(0, HISTORIES_READ));
      console.log(`  Temporal, over ${work.products} products' histories: ${JSON.stringify(work)}`);
    }
    console.log(
      JSON.stringify({
        products: PRODUCTS,
        waves: WAVES,
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
        floorCpuMsPerUpdate: round(floor.cpuMs),
        localActivityP50Ms: round(withLocal.p50),
        localActivityCpuMsPerUpdate: round(withLocal.cpuMs),
        engineThreadMsPerAction,
        deliveries: delivered,
      }),
    );
    if (launched < PRODUCTS * WAVES || !received.verified || byStatus.has('failed') || (CHANNELS && received.accepted === 0)) process.exitCode = 1;
  } finally {
    await connection.close();
    await engine.stop();
  }
}

runBench(main);
