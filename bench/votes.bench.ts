// `npm run bench:votes`: starts the engine on embedded defaults (a private data folder and free ports),
// registers a webhook source, opens a poll, and sends signed votes from distinct fans (about 10%
// redeliveries) for a fixed time from a separate load-generator process. In the same run the same load
// generator drives a bare endpoint of the same HTTP stack (the floor). Then rounds (BENCH_ROUNDS, 4) of votes
// and a mix of fan reservations and shop orders (intake-load.ts) at the same connections and duration, votes
// first in odd rounds and the mix first in even ones: each round checks the database holds exactly what was
// acknowledged, and the mix's ratio to the votes beside it is taken per round. Prints rates, latency, the ratio to the floor and the median mix
// ratio; the last line is one JSON object.
// With `-- --profile`: the last round's votes and mix each under a CPU profile of every API process
// (bench/profiles/votes-<time>/, started and stopped by SIGUSR2, see api-process.ts) and pg_stat_statements,
// printed per acknowledged delivery, so the two kinds of intake can be compared part by part.

import 'reflect-metadata';
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { registerShop } from '../test/support/intake';
import { castInfluencer, createProduct, type Cast } from '../test/support/product-flow';
import { registerSource } from '../test/support/votes';
import type { MixRequest, MixResult } from './intake-load';
import { BenchFloorModule } from './floor.module';
import { MIX_VARIANTS, productInDemand, productOnSale } from './mix-products';
import { printProfileSummary, PROFILE_PG_SETTINGS, resetStatements, statementSummary, summarizeCpuProfile, type CpuProfile } from './profile';
import { cpuDelta, cpuSeconds, cpuTotal, median, round, runBench, startBenchEngine } from './support';
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
// Rounds of votes and the mix, which goes first alternating (see main): an even number puts each first as often.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error(`BENCH_ROUNDS must be a whole number of at least 1, not ${process.env.BENCH_ROUNDS}`);
const PROFILE = process.argv.includes('--profile');
const PROFILE_DIR = path.resolve(__dirname, '..', '..', 'bench', 'profiles', `votes-${new Date().toISOString().replace(/[:.]/g, '-')}`);
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

/** CPU per acknowledged item (µs) of one phase, by where it ran; `total` is their sum. */
interface CpuPerItem {
  api: number;
  postgres: number;
  loadGenerator: number;
  /** The engine's own process, Temporal: idle in these phases. */
  rest: number;
  total: number;
  /** Cores busy on average over the phase: near the machine's count, the phase was CPU-bound. */
  cores: number;
}

function cpuPerItem(before: Record<string, number>, after: Record<string, number>, loadGeneratorSeconds: number, items: number, seconds: number): CpuPerItem {
  const used = (k: string) => (after[k] ?? 0) - (before[k] ?? 0);
  const all = cpuTotal(before, after) + loadGeneratorSeconds;
  const us = (s: number) => round((s * 1e6) / Math.max(1, items), 1);
  const api = used('api processes');
  const postgres = used('postgres');
  return { api: us(api), postgres: us(postgres), loadGenerator: us(loadGeneratorSeconds), rest: us(all - api - postgres - loadGeneratorSeconds), total: us(all), cores: round(all / seconds, 2) };
}

const CPU_PARTS = ['api', 'postgres', 'loadGenerator', 'rest', 'total', 'cores'] as const;

/** Each part's median over the rounds. */
function medianCpu(rows: CpuPerItem[]): CpuPerItem {
  return Object.fromEntries(CPU_PARTS.map((k) => [k, median(rows.map((r) => r[k]))])) as unknown as CpuPerItem;
}

/** Deliveries answered 202 (taken) or 200 (already had it): what a phase's rate counts. */
function acknowledgedCount(byStatus: Record<string, number>): number {
  return (byStatus['202'] ?? 0) + (byStatus['200'] ?? 0);
}

function describeCpu(c: CpuPerItem): string {
  return `API processes ${c.api}, PostgreSQL ${c.postgres}, load generator ${c.loadGenerator}, the rest ${c.rest}; ${c.total} in all (${c.cores} cores busy)`;
}

async function main(): Promise<void> {
  // The API processes inherit this environment: with it they profile themselves on SIGUSR2 (api-process.ts).
  if (PROFILE) process.env.BENCH_PROFILE_DIR = PROFILE_DIR;
  const engine = await startBenchEngine(
    'bench-votes',
    // Vote intake settings (VOTE_BATCH_MAX_SIZE, VOTE_FLUSH_CONCURRENCY) pass through, for tuning.
    {
      API_PROCESSES: String(API_PROCESSES),
      ...(PROFILE ? { EMBEDDED_PG_SETTINGS: PROFILE_PG_SETTINGS } : {}),
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('VOTE_')) as [string, string][]) },
    { apiModules: [BenchFloorModule], apiEntry: path.join(__dirname, 'api-process.js') },
  );
  if (PROFILE && engine.apiPids().length === 0) throw new Error('--profile profiles the API processes: run with API_PROCESSES of 2 or more');
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
    // After the warm-up: the influencer's key, issued through one API process, is known to the others by now.
    const mixSetup = await prepareMix(engine, cast, source);
    await load({ ...mixSetup, prefix: 'warm', seconds: 2, poolSize: 20_000 }, 'intake-load.js');

    console.log(`Floor: ${CONNECTIONS} connections for ${SECONDS} s against a bare endpoint of the same stack …`);
    const cpu = cpuSeconds(dataDir);
    const floor = await load({ ...base, path: '/bench/floor', fanPrefix: 'floor', seconds: SECONDS });
    const floorPerSec = (floor.byStatus['202'] ?? 0) / floor.seconds;
    console.log(`  ${round(floorPerSec, 0)} answers/s, p50 ${floor.p50Ms} ms, p99 ${floor.p99Ms} ms; CPU: ${cpuDelta(cpu, cpuSeconds(dataDir))}, load generator ${round(floor.cpuSeconds, 1)} s`);

    // Votes and the mix alternate, round by round, so each mix is compared with votes measured beside it on the
    // same machine (a shared machine's speed drifts by tens of percent within a minute); the median of the
    // rounds' ratios is the result. Which goes first alternates too: whatever a phase leaves PostgreSQL to do
    // after it (autovacuum of the rows it wrote, a checkpoint) falls on the next phase, and with the mix always
    // second it always fell on the mix.
    const rounds: { votes: VoteRound; mix: MixRound }[] = [];
    for (let r = 1; r <= ROUNDS; r++) {
      // The last round: the tables have grown by then, as they do in a long sale.
      const profiled = PROFILE && r === ROUNDS;
      const runVotesRound = () =>
        maybeProfiled(profiled, engine, 'votes', (v) => v.acknowledged, () =>
          runVotes(engine, { ...base, path: votePath, fanPrefix: `fan${r}`, seconds: SECONDS }, `round ${r}/${ROUNDS}`),
        );
      const runMixRound = () => maybeProfiled(profiled, engine, 'mix', (m) => m.reservations + m.orders, () => runMix(engine, mixSetup, `mix${r}`, `round ${r}/${ROUNDS}`));
      const votesFirst = r % 2 === 1;
      let votes: VoteRound;
      let mix: MixRound;
      if (votesFirst) {
        votes = await runVotesRound();
        mix = await runMixRound();
      } else {
        mix = await runMixRound();
        votes = await runVotesRound();
      }
      console.log(`  round ${r} (${votesFirst ? 'votes first' : 'mix first'}): mix to votes ${round(mix.perSec / votes.perSec, 3)}`);
      rounds.push({ votes, mix });
    }

    const [counters] = await engine.dataSource.query<{ total: number | null; rows: number }[]>(
      `SELECT (SELECT votes FROM poll_vote_totals WHERE product_id = $1) AS total, (SELECT count(*)::int FROM votes WHERE product_id = $1) AS rows`,
      [productId],
    );
    console.log(`Live vote total ${counters.total} for ${counters.rows} rows`);

    const votesPerSec = median(rounds.map((r) => r.votes.perSec));
    const ratios = rounds.map((r) => round(r.mix.perSec / r.votes.perSec, 3));
    const mixRatio = median(ratios);
    const mixP99 = median(rounds.map((r) => r.mix.p99Ms));
    const votesP99 = median(rounds.map((r) => r.votes.p99Ms));
    const sum = (f: (r: (typeof rounds)[number]) => number) => rounds.reduce((t, r) => t + f(r), 0);
    const ratio = votesPerSec / floorPerSec;
    const votesMet = ratio >= 0.8 && votesP99 <= 100;
    console.log(`Ratio to the floor: ${round(ratio, 3)} (target ≥ 0.8, with p99 ≤ 100 ms: ${round(0.8 * floorPerSec, 0)} votes/s on this floor): ${votesMet ? 'met' : 'NOT met'}`);
    const met = mixRatio >= 0.9 && mixP99 <= 100;
    console.log(`Mix to votes alone, median of ${ROUNDS} rounds: ${mixRatio} (rounds ${ratios.join(', ')}; target ≥ 0.9), p99 ${mixP99} ms against votes' ${votesP99} ms (target ≤ 100 ms): ${met ? 'met' : 'NOT met'}`);
    // Where a mix item costs more than a vote. With the machine's cores all busy, rates go as 1 / CPU per item,
    // so the ratio the mix would reach if its API processes spent no more per item than they do per vote (the
    // database's and the load generator's part as measured) is about the most any change to the API can give.
    const votesCpu = medianCpu(rounds.map((r) => r.votes.cpu));
    const mixCpu = medianCpu(rounds.map((r) => r.mix.cpu));
    const boundRounds = rounds.map((r) => round(r.votes.cpu.total / (r.mix.cpu.total - r.mix.cpu.api + r.votes.cpu.api), 3));
    const ratioIfApiAsVotes = median(boundRounds);
    console.log(`CPU-µs per acknowledged item, medians of the rounds: votes: ${describeCpu(votesCpu)}`);
    console.log(`  mix: ${describeCpu(mixCpu)}`);
    // The bound holds only while every core is busy: with a core idle (the API processes pinned to cores of
    // their own, say), the rate follows the busiest part instead.
    const cores = os.cpus().length;
    const saturated = Math.min(votesCpu.cores, mixCpu.cores) >= 0.9 * cores;
    console.log(
      `  the mix to votes if its API processes spent per item only what they spend per vote (the rest as measured): ${ratioIfApiAsVotes} ` +
        `(rounds ${boundRounds.join(', ')}), ` +
        (saturated
          ? 'about the most that changes to the API alone could give on this machine'
          : `not a bound here: the ${cores} cores were not all busy, so the rate followed its busiest part, not the CPU per item`),
    );
    console.log(
      JSON.stringify({
        votesPerSec: round(votesPerSec, 0),
        p50Ms: median(rounds.map((r) => r.votes.p50Ms)),
        p99Ms: votesP99,
        floorPerSec: round(floorPerSec, 0),
        ratio: round(ratio, 3),
        acknowledged: sum((r) => r.votes.acknowledged),
        stored: sum((r) => r.votes.stored),
        lost: sum((r) => r.votes.lost),
        doubled: sum((r) => r.votes.doubled),
        cpuUsPerItem: { votes: votesCpu, mix: mixCpu },
        mix: {
          kind: MIX,
          perSec: round(median(rounds.map((r) => r.mix.perSec)), 0),
          p50Ms: median(rounds.map((r) => r.mix.p50Ms)),
          p99Ms: mixP99,
          ratioToVotes: mixRatio,
          rounds: ratios,
          ratioIfApiAsVotes: saturated ? ratioIfApiAsVotes : null,
          reservations: sum((r) => r.mix.reservations),
          orders: sum((r) => r.mix.orders),
          lost: sum((r) => r.mix.lost),
          doubled: sum((r) => r.mix.doubled),
        },
      }),
    );
    const inexact = rounds.some((r) => !r.votes.exact || !r.mix.exact);
    if (inexact || counters.total !== counters.rows) process.exitCode = 1;
  } finally {
    await engine.stop();
  }
}

type Engine = Awaited<ReturnType<typeof startBenchEngine>>;

/**
 * Runs one phase, under CPU profiles of the API processes and fresh PostgreSQL statement counts when
 * `profiled`, and prints both per item (`items` counts the phase's acknowledged deliveries, redeliveries not
 * counted: they cost a look-up each, so the figures are per stored item).
 */
async function maybeProfiled<T>(profiled: boolean, engine: Engine, name: string, items: (t: T) => number, run: () => Promise<T>): Promise<T> {
  if (!profiled) return run();
  fs.mkdirSync(PROFILE_DIR, { recursive: true });
  const pids = engine.apiPids();
  const before = new Set(fs.readdirSync(PROFILE_DIR));
  await resetStatements(engine.dataSource);
  for (const pid of pids) process.kill(pid, 'SIGUSR2');
  const cpuBefore = cpuSeconds(engine.dataDir);
  const result = await run();
  const apiCpuMs = (cpuSeconds(engine.dataDir)['api processes'] - cpuBefore['api processes']) * 1000;
  for (const pid of pids) process.kill(pid, 'SIGUSR2');
  const n = items(result);
  // The statements of this phase only: read before the profiles are waited for.
  const statements = await statementSummary(engine.dataSource, n);
  const files = await newProfiles(before, pids.length);
  const profiles = files.map((f) => JSON.parse(fs.readFileSync(path.join(PROFILE_DIR, f), 'utf8')) as CpuProfile);
  for (const f of files) fs.renameSync(path.join(PROFILE_DIR, f), path.join(PROFILE_DIR, `${name}-${f}`));
  const cpu = summarizeCpuProfile(profiles, n, 20);
  console.log(`  Profile of the ${pids.length} API processes (${name}, ${n} stored): ${cpu.totalMs} CPU-ms sampled, written to ${PROFILE_DIR}/${name}-*`);
  printProfileSummary(cpu, statements, 'item', '    ', { cpuMs: apiCpuMs, of: 'the API processes (all their threads; the profiles sample each main thread)' });
  return result;
}

/** The `count` profiles written since `before` (the API processes write them after the second signal). */
async function newProfiles(before: Set<string>, count: number): Promise<string[]> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const files = fs.readdirSync(PROFILE_DIR).filter((f) => f.endsWith('.cpuprofile') && !before.has(f));
    if (files.length >= count) return files;
    if (Date.now() > deadline) throw new Error(`the API processes wrote ${files.length} of ${count} CPU profiles within a minute`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface VoteRound {
  perSec: number;
  cpu: CpuPerItem;
  p50Ms: number;
  p99Ms: number;
  acknowledged: number;
  stored: number;
  lost: number;
  doubled: number;
  exact: boolean;
}

/** One round of votes from fans named `<fanPrefix>-N`; the database must hold exactly the acknowledged ones. */
async function runVotes(engine: Engine, req: LoadRequest, label: string): Promise<VoteRound> {
  console.log(`Votes (${label}): ${CONNECTIONS} connections for ${SECONDS} s, signed, ~10% redeliveries …`);
  const cpu = cpuSeconds(engine.dataDir);
  const votes = await load(req);
  const cpuAfter = cpuSeconds(engine.dataDir);
  const answered = acknowledgedCount(votes.byStatus);
  const perSec = answered / votes.seconds;
  console.log(
    `  ${round(perSec, 0)} acknowledged votes/s (${votes.byStatus['202'] ?? 0} counted, ${votes.byStatus['200'] ?? 0} duplicates), ` +
      `p50 ${votes.p50Ms} ms, p99 ${votes.p99Ms} ms; CPU: ${cpuDelta(cpu, cpuAfter)}, load generator ${round(votes.cpuSeconds, 1)} s`,
  );
  const other = Object.entries(votes.byStatus).filter(([st]) => st !== '200' && st !== '202');
  if (other.length) console.log(`  other answers: ${JSON.stringify(Object.fromEntries(other))}`);
  if (votes.retriedAfterStop) console.log(`  ${votes.retriedAfterStop} deliveries cut off at the end were retried, as a connector would`);
  if (votes.poolWrapped) console.log(`  (the pool of ${req.poolSize} signed deliveries was used up and repeated)`);

  // None lost, none counted twice, none stored without an acknowledgement.
  const rows = await engine.dataSource.query<{ platform_user_id: string }[]>(
    `SELECT platform_user_id FROM votes WHERE product_id = $1 AND platform_user_id LIKE $2`,
    [req.productId, `${req.fanPrefix}-%`],
  );
  const stored = new Set(rows.map((r) => r.platform_user_id));
  const acknowledged = new Set(votes.acknowledgedFans);
  const lost = [...acknowledged].filter((f) => !stored.has(f)).length;
  const doubled = rows.length - stored.size;
  const unacknowledged = [...stored].filter((f) => !acknowledged.has(f)).length;
  console.log(`  database: ${stored.size} stored, ${acknowledged.size} acknowledged distinct, lost ${lost}, doubled ${doubled}, stored but never acknowledged ${unacknowledged}`);
  const cpuUs = cpuPerItem(cpu, cpuAfter, votes.cpuSeconds, answered, votes.seconds);
  return { perSec, cpu: cpuUs, p50Ms: votes.p50Ms, p99Ms: votes.p99Ms, acknowledged: acknowledged.size, stored: stored.size, lost, doubled, exact: lost === 0 && doubled === 0 && unacknowledged === 0 };
}

/** What every round of the mix sends: the shop, the two products and how. */
type MixSetup = Omit<MixRequest, 'prefix' | 'seconds' | 'poolSize'>;

interface MixRound {
  perSec: number;
  cpu: CpuPerItem;
  p50Ms: number;
  p99Ms: number;
  reservations: number;
  orders: number;
  lost: number;
  doubled: number;
  exact: boolean;
}

/**
 * The mix's targets: a product in DEMAND and one ON_SALE, both put there through the real lifecycle
 * (bench/mix-products.ts), with more stock than the runs can sell (no stock reports), and a shop.
 */
async function prepareMix(engine: Engine, cast: Cast, source: { id: string; secret: string }): Promise<MixSetup> {
  const shop = await registerShop(engine, { name: 'bench shop' });
  const demandProductId = await productInDemand(engine, cast);
  const saleProductId = await productOnSale(engine, cast, shop.id);
  return {
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
}

/**
 * One round of reservations and orders at the same connections and duration as the votes, each order a new
 * one, fans and orders named `<prefix>-…`. BENCH_MIX=reservations or orders sends one kind alone. Exactly the
 * acknowledged reservations and orders must be stored, once each, and the live totals and stock agree with the rows.
 */
async function runMix(engine: Engine, setup: MixSetup, prefix: string, label: string): Promise<MixRound> {
  const what = MIX === 'both' ? 'Reservations and orders (half each)' : `${MIX[0].toUpperCase()}${MIX.slice(1)} alone (BENCH_MIX=${MIX})`;
  console.log(`${what} (${label}): ${CONNECTIONS} connections for ${SECONDS} s, signed, ~10% redeliveries …`);
  const cpu = cpuSeconds(engine.dataDir);
  const mix = await load({ ...setup, prefix, seconds: SECONDS, poolSize: POOL }, 'intake-load.js');
  const cpuAfter = cpuSeconds(engine.dataDir);
  const answered = acknowledgedCount(mix.byStatus);
  const perSec = answered / mix.seconds;
  console.log(
    `  ${round(perSec, 0)} acknowledged deliveries/s (${mix.byStatus['202'] ?? 0} recorded, ${mix.byStatus['200'] ?? 0} duplicates), p50 ${mix.p50Ms} ms, ` +
      `p99 ${mix.p99Ms} ms; CPU: ${cpuDelta(cpu, cpuAfter)}, load generator ${round(mix.cpuSeconds, 1)} s`,
  );
  const other = Object.entries(mix.byStatus).filter(([st]) => st !== '200' && st !== '202');
  if (other.length) console.log(`  other answers: ${JSON.stringify(Object.fromEntries(other))}`);

  const q = <T>(sql: string, params: unknown[]) => engine.dataSource.query<T[]>(sql, params);
  const like = `${prefix}-%`;
  const fans = await q<{ platform_user_id: string }>(`SELECT platform_user_id FROM reservations WHERE product_id = $1 AND platform_user_id LIKE $2`, [setup.demandProductId, like]);
  const orders = await q<{ order_id: string }>(`SELECT order_id FROM order_lines WHERE shop_id = $1 AND order_id LIKE $2`, [setup.shopId, like]);
  const [totals] = await q<{ reserved: number; rows_units: number; sold: number; lines: number }>(
    `SELECT (SELECT coalesce(max(reserved_units), 0) FROM demand_window_totals WHERE product_id = $1) AS reserved,
            (SELECT coalesce(sum(quantity), 0)::int FROM reservations WHERE product_id = $1) AS rows_units,
            (SELECT coalesce(sum(sold), 0)::int FROM variant_stock WHERE product_id = $2) AS sold,
            (SELECT coalesce(sum(quantity), 0)::int FROM order_lines WHERE product_id = $2) AS lines`,
    [setup.demandProductId, setup.saleProductId],
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
    `  database: ${storedFans.size} reservations and ${storedOrders.size} orders stored, lost ${lost}, doubled ${doubled}, stored but never acknowledged ${unacknowledged}; ` +
      `reserved units ${totals.reserved} for ${totals.rows_units} in rows, sold ${totals.sold} for ${totals.lines} in order lines (all rounds)`,
  );
  return {
    perSec,
    cpu: cpuPerItem(cpu, cpuAfter, mix.cpuSeconds, answered, mix.seconds),
    p50Ms: mix.p50Ms,
    p99Ms: mix.p99Ms,
    reservations: storedFans.size,
    orders: storedOrders.size,
    lost,
    doubled,
    exact: lost === 0 && doubled === 0 && unacknowledged === 0 && countersAgree,
  };
}

runBench(main);
