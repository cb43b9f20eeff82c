// `npm run bench:social`: on the embedded defaults (a private data folder and free ports) measures
//  - share card rendering over HTTP: the first request of each card (rendered, stored) and a repeat
//    (served from PostgreSQL), p50/p99;
//  - deliveries per second: products whose influencer has BENCH_CHANNELS webhook channels, each update
//    delivered by its own workflow to a local receiver that verifies every signature, against two floors
//    measured in the same run: bare signed POSTs from this process to the same receiver at the same
//    concurrency as the worker's activity slots, and bare Temporal workflows each running one no-op activity
//    (bench/workflows, run by a worker of the bench's own on the engine's Temporal server), as many as there
//    are deliveries, at most that many in flight.
// The last line is one JSON object with the figures.

import 'reflect-metadata';
import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { ok } from '../test/support/api-client';
import type { InfluencerDto, IssuedChannelDto, SocialUpdatesDto } from '../test/support/api-types';
import { createProductAnswer } from '../test/support/product-flow';
import { startReceiver } from '../test/support/receiver';
import { inParallel, sign } from '../test/support/votes';
import { eventually } from '../test/support/wait';
import { startFloorWorker } from './floor-worker';
import { cpuDelta, cpuSeconds, round, runBench, startBenchEngine, summary } from './support';
import { oneNoopActivity } from './workflows/one-noop-activity.workflow';

const CARDS = Number(process.env.BENCH_CARDS ?? 40);
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 60);
const CHANNELS = Number(process.env.BENCH_CHANNELS ?? 10);
const FLOOR_REQUESTS = Number(process.env.BENCH_FLOOR_REQUESTS ?? 3_000);
// The SDK's default activity slots per worker: at most this many deliveries are in flight at once.
const CONCURRENCY = 100;

async function main(): Promise<void> {
  const engine = await startBenchEngine('bench-social', { API_KEY_RATE_LIMIT: '1000000', LOG_LEVEL: 'silent' });
  const { dataDir } = engine;
  const influencer = async (handle: string, displayName: string) => ok(engine.http<InfluencerDto>('POST', '/influencers', { body: { handle: `${handle}-${Date.now()}`, displayName } }), 201);
  const product = (influencerId: string, i: number) =>
    createProductAnswer(engine, influencerId, {
      name: `Bench dress ${i}`,
      poll: { question: 'Which one?', options: [{ id: 'a', label: 'Linen midi' }, { id: 'b', label: 'Wrap dress' }], durationMinutes: 120, minVotes: 0 },
    });

  // The receiver: verifies each request's signature (each channel's path with its channel's secret),
  // answers 200, keeps every arrival.
  const receiver = await startReceiver();
  let cpu = cpuSeconds(dataDir);

  try {
    // Cards: one published update per product (the poll opening), each card fetched twice.
    console.log(`\nCards: ${CARDS} products, each card requested twice …`);
    const artist = await influencer('cards', 'Cards');
    const ids = await Promise.all(Array.from({ length: CARDS }, (_, i) => product(artist.id, i).then((p) => p.id)));
    const urls: string[] = [];
    for (const id of ids) {
      const updates = async () => (await ok(engine.http<SocialUpdatesDto>('GET', `/products/${id}/social-updates`))).updates;
      urls.push(await eventually(`product ${id} to make a social update`, async () => (await updates())[0]?.imageUrl));
    }
    const fetchCard = async (url: string) => {
      const started = performance.now();
      const res = await fetch(url);
      const png = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200 || png.readUInt32BE(16) !== 1200 || png.readUInt32BE(20) !== 630) throw new Error(`card ${url} → ${res.status}`);
      return performance.now() - started;
    };
    const first: number[] = [];
    for (const url of urls) first.push(await fetchCard(url));
    const cached: number[] = [];
    for (const url of urls) cached.push(await fetchCard(url));
    const firstStats = summary(first);
    const cachedStats = summary(cached);
    console.log(`  first render: p50 ${round(firstStats.p50)} ms, p99 ${round(firstStats.p99)} ms; cached: p50 ${round(cachedStats.p50)} ms, p99 ${round(cachedStats.p99)} ms`);
    console.log(`  CPU: ${cpuDelta(cpu, (cpu = cpuSeconds(dataDir)))}`);

    // Floor: bare signed POSTs of a delivery-sized body to the same receiver, CONCURRENCY at a time.
    const secret = 'whsec_' + Buffer.from('bench-floor-secret-0123456789abc').toString('base64');
    receiver.setSecret(secret, '/floor');
    const body = JSON.stringify({ type: 'social_update.published', timestamp: new Date().toISOString(), data: { title: 'x'.repeat(40), body: 'y'.repeat(400), hashtags: ['#a', '#b'] } });
    console.log(`\nFloor: ${FLOOR_REQUESTS} signed POSTs to the receiver, ${CONCURRENCY} at a time …`);
    const floorStart = performance.now();
    const floorLatencies = await inParallel(
      CONCURRENCY,
      Array.from({ length: FLOOR_REQUESTS }, (_, n) => async () => {
        const started = performance.now();
        const res = await fetch(`${receiver.origin}/floor`, { method: 'POST', headers: { 'content-type': 'application/json', ...sign(secret, body, { webhookId: `floor-${n}` }).headers }, body });
        await res.text();
        if (res.status !== 200) throw new Error(`floor POST → ${res.status}`);
        return performance.now() - started;
      }),
    );
    const floorSeconds = (performance.now() - floorStart) / 1000;
    const floorPerSec = FLOOR_REQUESTS / floorSeconds;
    const floorStats = summary(floorLatencies);
    console.log(`  ${round(floorPerSec, 0)} POSTs/s, p50 ${round(floorStats.p50)} ms, p99 ${round(floorStats.p99)} ms; CPU: ${cpuDelta(cpu, (cpu = cpuSeconds(dataDir)))}`);

    // Temporal floor: as many bare workflows as there will be deliveries, each running one no-op activity,
    // CONCURRENCY in flight at a time, on the engine's Temporal server (a worker of the bench's own).
    const expected = PRODUCTS * CHANNELS;
    console.log(`\nTemporal floor: ${expected} workflows each running one no-op activity, ${CONCURRENCY} at a time …`);
    const floorWorker = await startFloorWorker(engine.temporalAddress, engine.config.temporal.namespace);
    const connection = await NativeConnection.connect({ address: engine.temporalAddress });
    let floorWorkflowsPerSec: number;
    try {
      const client = new Client({ connection, namespace: engine.config.temporal.namespace });
      const runId = Date.now();
      const workflowsStart = performance.now();
      await inParallel(
        CONCURRENCY,
        Array.from({ length: expected }, (_, n) => () => client.workflow.execute(oneNoopActivity, { workflowId: `bench-floor-noop-${runId}-${n}`, taskQueue: floorWorker.taskQueue })),
      );
      floorWorkflowsPerSec = expected / ((performance.now() - workflowsStart) / 1000);
    } finally {
      await connection.close();
      await floorWorker.stop();
    }
    console.log(`  ${round(floorWorkflowsPerSec, 1)} workflows/s; CPU: ${cpuDelta(cpu, (cpu = cpuSeconds(dataDir)))}`);

    // Deliveries: each product's poll-opening update goes to every channel, each by its own workflow.
    console.log(`\nDeliveries: ${PRODUCTS} products × ${CHANNELS} webhook channels = ${expected} deliveries …`);
    const owner = await influencer('deliveries', 'Deliveries');
    for (let c = 0; c < CHANNELS; c++) {
      const channel = await ok(engine.http<IssuedChannelDto>('POST', `/influencers/${owner.id}/channels`, { body: { kind: 'webhook', name: `receiver ${c}`, url: `${receiver.origin}/channel-${c}` } }), 201);
      if (!channel.secret) throw new Error(`channel ${channel.id}: a webhook channel answers with its secret`);
      receiver.setSecret(channel.secret, `/channel-${c}`);
    }
    // The first arrival of each delivery (its webhook-id), at its channel's path.
    const arrivals = () => new Map([...receiver.accepted()].filter(([, r]) => r.path.startsWith('/channel-')).map(([id, r]) => [id, r.at]));
    const before = receiver.received.length;
    const start = Date.now();
    const created = await Promise.all(Array.from({ length: PRODUCTS }, (_, i) => product(owner.id, i).then((p) => ({ id: p.id, at: Date.parse(p.createdAt) }))));
    const arrived = await eventually(`all ${expected} deliveries to arrive`, () => (arrivals().size >= expected ? arrivals() : undefined), 300_000);
    const seconds = (Math.max(...arrived.values()) - start) / 1000;
    const deliveriesPerSec = expected / seconds;
    // Latency: from the product's creation (its update's event) to the delivery's first arrival.
    const createdAt = Math.min(...created.map((c) => c.at));
    const latency = summary([...arrived.values()].map((at) => at - createdAt));
    const [recorded] = await engine.dataSource.query<{ delivered: number; total: number }[]>(`SELECT count(*) FILTER (WHERE status = 'delivered')::int AS delivered, count(*)::int AS total FROM deliveries WHERE product_id = ANY($1)`, [created.map((c) => c.id)]);
    console.log(`  ${round(deliveriesPerSec, 1)} deliveries/s (${expected} in ${round(seconds, 2)} s), ${receiver.received.length - before} requests; arrival after creation p50 ${round(latency.p50)} ms, p99 ${round(latency.p99)} ms`);
    console.log(`  recorded: ${recorded.delivered} of ${recorded.total} delivered (the record follows the arrival); CPU: ${cpuDelta(cpu, (cpu = cpuSeconds(dataDir)))}`);
    const ratio = deliveriesPerSec / floorPerSec;
    const workflowRatio = deliveriesPerSec / floorWorkflowsPerSec;
    console.log(`\nRatio of deliveries/s to the floor's POSTs/s: ${round(ratio, 3)} (per update one workflow; per channel one activity, a recorded outcome and database writes)`);
    console.log(`Ratio of deliveries/s to the Temporal floor's workflows/s: ${round(workflowRatio, 3)} (target ≥ 0.5)`);
    console.log(
      JSON.stringify({
        cards: CARDS,
        cardFirstP50Ms: round(firstStats.p50),
        cardFirstP99Ms: round(firstStats.p99),
        cardCachedP50Ms: round(cachedStats.p50),
        cardCachedP99Ms: round(cachedStats.p99),
        deliveries: expected,
        deliveriesPerSec: round(deliveriesPerSec, 1),
        deliveryP50Ms: round(latency.p50),
        deliveryP99Ms: round(latency.p99),
        floorPerSec: round(floorPerSec, 0),
        floorP50Ms: round(floorStats.p50),
        floorP99Ms: round(floorStats.p99),
        ratio: round(ratio, 4),
        floorWorkflowsPerSec: round(floorWorkflowsPerSec, 1),
        workflowRatio: round(workflowRatio, 3),
      }),
    );
  } finally {
    await receiver.close();
    await engine.stop();
  }
}

runBench(main);
