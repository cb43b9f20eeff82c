// `npm run bench:votes`: starts the engine on embedded defaults (a private data folder and free ports),
// registers a webhook source, opens a poll, and sends signed votes from distinct fans (about 10%
// redeliveries) for a fixed time from a separate load-generator process. In the same run the same load
// generator drives a bare endpoint of the same HTTP stack (the floor). Prints acknowledged votes/s,
// latency, the ratio to the floor, and checks the database holds exactly the acknowledged distinct votes.
// Then, in the same run with the same connections and duration, a mix of fan reservations and shop orders
// (intake-load.ts): its rate, latency and ratio to votes alone, and the same exact check of what was
// stored. The last line is one JSON object.

import 'reflect-metadata';
import { fork } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { registerShop } from '../test/support/intake';
import { castInfluencer, createProduct, type Cast } from '../test/support/product-flow';
import { registerSource } from '../test/support/votes';
import type { MixRequest, MixResult } from './intake-load';
import { BenchFloorModule } from './floor.module';
import { MIX_VARIANTS, productInDemand, productOnSale } from './mix-products';
import { cpuDelta, cpuSeconds, round, runBench, startBenchEngine } from './support';
import type { LoadRequest, LoadResult } from './vote-load';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
// Enough signed deliveries for ~30,000/s; if a run is faster the pool repeats (more duplicates).
const POOL = Number(process.env.BENCH_POOL ?? Math.max(50_000, SECONDS * 30_000));
const OPTIONS = ['option-1', 'option-2', 'option-3', 'option-4'];
// One API process per core by default: one Node.js process serves HTTP on one core (API_PROCESSES).
const API_PROCESSES = Number(process.env.API_PROCESSES ?? Math.min(os.availableParallelism(), 4));
// What the mix sends: both (half reservations, half orders; the default), or one kind alone to split the cost.
const MIX = (process.env.BENCH_MIX ?? 'both') as MixRequest['mix'];
if (!['both', 'reservations', 'orders'].includes(MIX)) throw new Error(`BENCH_MIX must be both, reservations or orders, not ${MIX}`);

function load(req: LoadRequest): Promise<LoadResult>;
function load(req: MixRequest, script: 'intake-load.js'): Promise<MixResult>;
function load(req: LoadRequest | MixRequest, script = 'vote-load.js'): Promise<LoadResult | MixResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, script), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (msg: { ok: boolean; result?: LoadResult | MixResult; error?: string }) => (msg.ok ? resolve(msg.result!) : reject(new Error(msg.error))));
    child.once('exit', (code) => code !== 0 && reject(new Error(`load generator exited with ${code}`)));
    child.send(req);
  });
}

async function main(): Promise<void> {
  const engine = await startBenchEngine(
    'bench-votes',
    // Vote intake settings (VOTE_BATCH_MAX_SIZE, VOTE_FLUSH_CONCURRENCY) pass through, for tuning.
    { API_PROCESSES: String(API_PROCESSES), ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('VOTE_')) as [string, string][]) },
    { apiModules: [BenchFloorModule], apiEntry: path.join(__dirname, 'api-process.js') },
  );
  const { dataDir } = engine;

  try {
    const cast = await castInfluencer(engine, `bench-${Date.now()}`);
    const source = await registerSource(engine, { name: 'bench connector', rateLimitPerSecond: 1_000_000 });
    const productId = await createProduct(engine, cast.influencerId, {
      name: 'Viral dress',
      targetKeyword: 'viral dress',
      poll: { question: 'Which one?', options: OPTIONS.map((id, i) => ({ id, label: `Dress ${i + 1}` })), durationMinutes: 120, minVotes: 0 },
    });
    const base: Omit<LoadRequest, 'path' | 'fanPrefix' | 'seconds'> = {
      baseUrl: engine.apiUrl,
      secret: source.secret,
      productId,
      platform: 'weibo',
      options: OPTIONS,
      connections: CONNECTIONS,
      poolSize: POOL,
      redeliveryEvery: 10,
    };
    const votePath = `/webhooks/votes/${source.id}`;

    console.log(`Warming up (2 s) …`);
    await load({ ...base, path: '/bench/floor', fanPrefix: 'warm-floor', seconds: 2, poolSize: 20_000 });
    await load({ ...base, path: votePath, fanPrefix: 'warm', seconds: 2, poolSize: 20_000 });

    console.log(`Floor: ${CONNECTIONS} connections for ${SECONDS} s against a bare endpoint of the same stack …`);
    let cpu = cpuSeconds(dataDir);
    const floor = await load({ ...base, path: '/bench/floor', fanPrefix: 'floor', seconds: SECONDS });
    const floorPerSec = (floor.byStatus['202'] ?? 0) / floor.seconds;
    console.log(`  ${round(floorPerSec, 0)} answers/s, p50 ${floor.p50Ms} ms, p99 ${floor.p99Ms} ms; CPU: ${cpuDelta(cpu, (cpu = cpuSeconds(dataDir)))}, load generator ${round(floor.cpuSeconds, 1)} s`);

    console.log(`Votes: ${CONNECTIONS} connections for ${SECONDS} s, signed, ~10% redeliveries …`);
    const votes = await load({ ...base, path: votePath, fanPrefix: 'fan', seconds: SECONDS });
    const acknowledgedInRun = (votes.byStatus['202'] ?? 0) + (votes.byStatus['200'] ?? 0);
    const votesPerSec = acknowledgedInRun / votes.seconds;
    console.log(
      `  ${round(votesPerSec, 0)} acknowledged votes/s (${votes.byStatus['202'] ?? 0} counted, ${votes.byStatus['200'] ?? 0} duplicates), ` +
        `p50 ${votes.p50Ms} ms, p99 ${votes.p99Ms} ms; CPU: ${cpuDelta(cpu, cpuSeconds(dataDir))}, load generator ${round(votes.cpuSeconds, 1)} s`,
    );
    const other = Object.entries(votes.byStatus).filter(([s]) => s !== '200' && s !== '202');
    if (other.length) console.log(`  other answers: ${JSON.stringify(Object.fromEntries(other))}`);
    if (votes.retriedAfterStop) console.log(`  ${votes.retriedAfterStop} deliveries cut off at the end were retried, as a connector would`);
    if (votes.poolWrapped) console.log(`  (the pool of ${POOL} signed deliveries was used up and repeated)`);

    // The database must hold exactly the acknowledged distinct fans: none lost, none counted twice.
    const rows = await engine.dataSource.query<{ platform_user_id: string }[]>(
      `SELECT platform_user_id FROM votes WHERE product_id = $1 AND platform_user_id LIKE 'fan-%'`,
      [productId],
    );
    const stored = new Set(rows.map((r) => r.platform_user_id));
    const acknowledged = new Set(votes.acknowledgedFans);
    const lost = [...acknowledged].filter((f) => !stored.has(f)).length;
    const doubled = rows.length - stored.size;
    const unacknowledgedButStored = [...stored].filter((f) => !acknowledged.has(f)).length;
    const [counters] = await engine.dataSource.query<{ total: number | null; rows: number }[]>(
      `SELECT (SELECT votes FROM poll_vote_totals WHERE product_id = $1) AS total, (SELECT count(*)::int FROM votes WHERE product_id = $1) AS rows`,
      [productId],
    );
    console.log(
      `Database: ${stored.size} stored, ${acknowledged.size} acknowledged distinct, lost ${lost}, doubled ${doubled}, ` +
        `stored but never acknowledged ${unacknowledgedButStored}; live total ${counters.total} for ${counters.rows} rows`,
    );

    const mix = await runMix(engine, cast, source, votesPerSec);

    const ratio = votesPerSec / floorPerSec;
    console.log(`Ratio to the floor: ${round(ratio, 3)} (target ≥ 0.35); target ≥ 10,000 votes/s with p99 < 100 ms`);
    console.log(
      JSON.stringify({
        votesPerSec: round(votesPerSec, 0),
        p50Ms: votes.p50Ms,
        p99Ms: votes.p99Ms,
        floorPerSec: round(floorPerSec, 0),
        ratio: round(ratio, 3),
        acknowledged: acknowledged.size,
        stored: stored.size,
        lost,
        doubled,
        mix: mix.summary,
      }),
    );
    if (lost || doubled || unacknowledgedButStored || counters.total !== counters.rows || !mix.exact) process.exitCode = 1;
  } finally {
    await engine.stop();
  }
}

/**
 * Reservations and orders at the same connections and duration as the votes: a product in DEMAND and one
 * ON_SALE, both put there through the real lifecycle (bench/mix-products.ts), with more stock than the run
 * can sell (no stock reports), each order a new one. BENCH_MIX=reservations or orders sends one kind alone.
 */
async function runMix(engine: Awaited<ReturnType<typeof startBenchEngine>>, cast: Cast, source: { id: string; secret: string }, votesPerSec: number) {
  const shop = await registerShop(engine, { name: 'bench shop' });
  const demandProductId = await productInDemand(engine, cast);
  const saleProductId = await productOnSale(engine, cast, shop.id);
  const base: Omit<MixRequest, 'prefix' | 'seconds' | 'poolSize'> = {
    baseUrl: engine.apiUrl,
    sourceId: source.id,
    sourceSecret: source.secret,
    shopId: shop.id,
    shopSecret: shop.secret,
    demandProductId,
    saleProductId,
    variants: MIX_VARIANTS,
    mix: MIX,
    connections: CONNECTIONS,
    redeliveryEvery: 10,
  };
  await load({ ...base, prefix: 'warm', seconds: 2, poolSize: 20_000 }, 'intake-load.js');

  console.log(`${MIX === 'both' ? 'Reservations and orders (half each)' : `${MIX[0].toUpperCase()}${MIX.slice(1)} alone (BENCH_MIX=${MIX})`}: ${CONNECTIONS} connections for ${SECONDS} s, signed, ~10% redeliveries …`);
  let cpu = cpuSeconds(engine.dataDir);
  const mix = await load({ ...base, prefix: 'mix', seconds: SECONDS, poolSize: POOL }, 'intake-load.js');
  const mixPerSec = ((mix.byStatus['202'] ?? 0) + (mix.byStatus['200'] ?? 0)) / mix.seconds;
  console.log(
    `  ${round(mixPerSec, 0)} acknowledged deliveries/s (${mix.byStatus['202'] ?? 0} recorded, ${mix.byStatus['200'] ?? 0} duplicates), p50 ${mix.p50Ms} ms, ` +
      `p99 ${mix.p99Ms} ms; CPU: ${cpuDelta(cpu, (cpu = cpuSeconds(engine.dataDir)))}, load generator ${round(mix.cpuSeconds, 1)} s`,
  );
  const other = Object.entries(mix.byStatus).filter(([s]) => s !== '200' && s !== '202');
  if (other.length) console.log(`  other answers: ${JSON.stringify(Object.fromEntries(other))}`);

  // Exactly the acknowledged reservations and orders, once each, and the live totals and stock agree with the rows.
  const q = <T>(sql: string, params: unknown[]) => engine.dataSource.query<T[]>(sql, params);
  const fans = await q<{ platform_user_id: string; quantity: number }>(`SELECT platform_user_id, quantity FROM reservations WHERE product_id = $1 AND platform_user_id LIKE 'mix-%'`, [demandProductId]);
  const orders = await q<{ order_id: string }>(`SELECT order_id FROM order_lines WHERE shop_id = $1 AND order_id LIKE 'mix-%'`, [shop.id]);
  const [totals] = await q<{ reserved: number; rows_units: number; sold: number; lines: number }>(
    `SELECT (SELECT reserved_units FROM demand_windows WHERE product_id = $1) AS reserved,
            (SELECT coalesce(sum(quantity), 0)::int FROM reservations WHERE product_id = $1) AS rows_units,
            (SELECT coalesce(sum(sold), 0)::int FROM variant_stock WHERE product_id = $2) AS sold,
            (SELECT coalesce(sum(quantity), 0)::int FROM order_lines WHERE product_id = $2) AS lines`,
    [demandProductId, saleProductId],
  );
  const storedFans = new Set(fans.map((f) => f.platform_user_id));
  const storedOrders = new Set(orders.map((o) => o.order_id));
  const lost = mix.acknowledgedFans.filter((f) => !storedFans.has(f)).length + mix.acknowledgedOrders.filter((o) => !storedOrders.has(o)).length;
  const doubled = fans.length - storedFans.size + (orders.length - storedOrders.size);
  const ackFans = new Set(mix.acknowledgedFans);
  const ackOrders = new Set(mix.acknowledgedOrders);
  const unacknowledged = [...storedFans].filter((f) => !ackFans.has(f)).length + [...storedOrders].filter((o) => !ackOrders.has(o)).length;
  const countersAgree = totals.reserved === totals.rows_units && totals.sold === totals.lines;
  console.log(
    `Database: ${storedFans.size} reservations and ${storedOrders.size} orders stored, lost ${lost}, doubled ${doubled}, stored but never acknowledged ${unacknowledged}; ` +
      `reserved units ${totals.reserved} for ${totals.rows_units} in rows, sold ${totals.sold} for ${totals.lines} in order lines`,
  );
  const ratio = mixPerSec / votesPerSec;
  const met = ratio >= 0.9 && mix.p99Ms <= 100;
  console.log(`Mix to votes alone: ${round(ratio, 3)} (target ≥ 0.9, p99 ≤ 100 ms): ${met ? 'met' : 'NOT met'}`);
  return {
    exact: lost === 0 && doubled === 0 && unacknowledged === 0 && countersAgree,
    summary: { kind: MIX, perSec: round(mixPerSec, 0), p50Ms: mix.p50Ms, p99Ms: mix.p99Ms, ratioToVotes: round(ratio, 3), reservations: storedFans.size, orders: storedOrders.size, lost, doubled },
  };
}

runBench(main);
