// `npm run bench:votes`: starts the engine on embedded defaults (a private data folder and free ports),
// registers a webhook source, opens a poll, and sends signed votes from distinct fans (about 10%
// redeliveries) for a fixed time from a separate load-generator process. In the same run the same load
// generator drives a bare endpoint of the same HTTP stack (the floor). Prints acknowledged votes/s,
// latency, the ratio to the floor, and checks the database holds exactly the acknowledged distinct votes.
// The last line is one JSON object.

import 'reflect-metadata';
import { fork } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { castInfluencer, createProduct } from '../test/support/product-flow';
import { registerSource } from '../test/support/votes';
import { BenchFloorModule } from './floor.module';
import { cpuDelta, cpuSeconds, round, runBench, startBenchEngine } from './support';
import type { LoadRequest, LoadResult } from './vote-load';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
// Enough signed deliveries for ~30,000/s; if a run is faster the pool repeats (more duplicates).
const POOL = Number(process.env.BENCH_POOL ?? Math.max(50_000, SECONDS * 30_000));
const OPTIONS = ['option-1', 'option-2', 'option-3', 'option-4'];
// One API process per core by default: one Node.js process serves HTTP on one core (API_PROCESSES).
const API_PROCESSES = Number(process.env.API_PROCESSES ?? Math.min(os.availableParallelism(), 4));

function load(req: LoadRequest): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'vote-load.js'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (msg: { ok: boolean; result?: LoadResult; error?: string }) => (msg.ok ? resolve(msg.result!) : reject(new Error(msg.error))));
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
      }),
    );
    if (lost || doubled || unacknowledgedButStored || counters.total !== counters.rows) process.exitCode = 1;
  } finally {
    await engine.stop();
  }
}

runBench(main);
