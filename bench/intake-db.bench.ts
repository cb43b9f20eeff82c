// `npm run bench:intake-db`: what each kind of intake costs PostgreSQL per item, without HTTP, signatures or
// the load generator in the way (bench:votes measures the whole path, where PostgreSQL is a sixth of the CPU
// and the rest hides it). It starts the engine on embedded defaults, puts products in
// their stages through the real lifecycle (as bench:votes does), then writes batches of votes (the baseline,
// measured in the same run), reservations and new orders through the intake repositories themselves, from
// several writers at once, each a connection of its own as an API process's writing slot is: the number of
// writers is how many batches meet in PostgreSQL (with the defaults, one per API process). Each kind is
// measured per writer count (BENCH_WRITERS, "1,2,8"), in rounds (BENCH_ROUNDS, 3) whose order alternates,
// and read as PostgreSQL's CPU per item (its writers' backends, /proc) and items per second; the ratios are
// to votes at the same writer count. A shared machine's speed moves between runs (votes from one writer took
// 26 to 39 CPU-µs each in four runs of 2026-12-05), so compare the ratios, each measured beside its votes.
// The last line is one JSON object.

import 'reflect-metadata';
import { createDataSource, newId, OrderRepository, ReservationRepository, VoteRepository, type NewOrder, type NewReservation, type NewVote, type ShopDelivery } from '@app/database';
import { newReservationCode } from '@app/shop';
import type { DataSource, QueryRunner } from 'typeorm';
import { registerShop } from '../test/support/intake';
import { castInfluencer, createProduct } from '../test/support/product-flow';
import { registerSource } from '../test/support/votes';
import { MIX_VARIANTS, productInDemand, productOnSale } from './mix-products';
import { median, readStat, round, runBench, startBenchEngine } from './support';

const BATCH = Number(process.env.BENCH_BATCH ?? 25);
const WRITERS = (process.env.BENCH_WRITERS ?? '1,2,8').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Batches each writer writes per measurement. */
const BATCHES = Number(process.env.BENCH_BATCHES ?? 600);
for (const [name, v] of Object.entries({ BENCH_BATCH: BATCH, BENCH_ROUNDS: ROUNDS, BENCH_BATCHES: BATCHES })) {
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a whole number of at least 1`);
}
if (WRITERS.some((w) => !Number.isInteger(w) || w < 1)) throw new Error(`BENCH_WRITERS must be whole numbers of at least 1, comma-separated, not ${process.env.BENCH_WRITERS}`);

const KINDS = ['votes', 'reservations', 'orders'] as const;
type Kind = (typeof KINDS)[number];

interface Targets {
  pollProductId: string;
  demandProductId: string;
  saleProductId: string;
  sourceId: string;
  shopId: string;
}

/** The intake repositories, on one writer's connection. */
interface Intake {
  votes: VoteRepository;
  reservations: ReservationRepository;
  orders: OrderRepository;
}

interface Writer {
  /** Holds its connection for the whole run (a pooled one left idle would be closed, and its backend with it). */
  runner: QueryRunner;
  intake: Intake;
  /** Its connection's backend process, whose CPU is PostgreSQL's work for this writer. */
  backendPid: number;
}

interface Measured {
  itemsPerSec: number;
  cpuUsPerItem: number;
}

/** CPU seconds (user + system) a writer's backend has used so far. */
const backendCpuSeconds = (w: Writer) => readStat(`/proc/${w.backendPid}/stat`).cpu;

let serial = 0;
/** A batch of `BATCH` new items of one kind (every item new: no redelivery, as the bulk of real intake). */
function writeBatch(kind: Kind, t: Targets, intake: Intake, tag: string): Promise<unknown> {
  const n = () => `${tag}-${++serial}`;
  const now = new Date().toISOString();
  switch (kind) {
    case 'votes': {
      const votes: NewVote[] = Array.from({ length: BATCH }, (_, i) => {
        const id = n();
        return { productId: t.pollProductId, optionId: `option-${(i % 2) + 1}`, platform: 'weibo', platformUserId: `fan-${id}`, platformUserIdRaw: `Fan-${id}`, occurredAt: now, sourceId: t.sourceId, webhookId: `w-${id}`, attributionCode: null };
      });
      return intake.votes.insertBatch(votes, []);
    }
    case 'reservations': {
      const reservations: NewReservation[] = Array.from({ length: BATCH }, (_, i) => {
        const id = n();
        return {
          id: newId('rsv'),
          code: newReservationCode(),
          productId: t.demandProductId,
          variantId: MIX_VARIANTS[i % MIX_VARIANTS.length],
          quantity: 1,
          platform: 'weibo',
          platformUserId: `fan-${id}`,
          platformUserIdRaw: `Fan-${id}`,
          via: 'fan',
          sourceId: t.sourceId,
          webhookId: `w-${id}`,
          attributionCode: null,
        };
      });
      return intake.reservations.insertBatch(reservations);
    }
    case 'orders': {
      const deliveries: ShopDelivery[] = Array.from({ length: BATCH }, (_, i) => {
        const id = n();
        const order: NewOrder = {
          orderId: `order-${id}`,
          orderedAt: now,
          currency: 'USD',
          lines: [{ lineId: '1', productId: t.saleProductId, variantId: MIX_VARIANTS[i % MIX_VARIANTS.length], quantity: 1, unitPriceMinor: 4990, reservationCode: null, attributionCode: null }],
        };
        return { shopId: t.shopId, orderId: order.orderId, webhookId: `w-${id}`, topic: 'order.created', order, effect: (r) => r.recordOrder(t.shopId, order) };
      });
      return intake.orders.recordBatch(deliveries);
    }
  }
}

/** `writers` at once, each writing BATCHES batches one after another. */
async function measure(kind: Kind, writers: Writer[], t: Targets, tag: string): Promise<Measured> {
  const cpuBefore = writers.map(backendCpuSeconds);
  const started = performance.now();
  await Promise.all(
    writers.map(async (w, i) => {
      for (let b = 0; b < BATCHES; b++) await writeBatch(kind, t, w.intake, `${tag}-${i}`);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = writers.reduce((sum, w, i) => sum + backendCpuSeconds(w) - cpuBefore[i], 0);
  const items = writers.length * BATCHES * BATCH;
  return { itemsPerSec: items / seconds, cpuUsPerItem: (cpu * 1e6) / items };
}

async function main(): Promise<void> {
  const engine = await startBenchEngine('bench-intake-db', {});
  const writers: Writer[] = [];
  let dataSource: DataSource | undefined;
  try {
    const cast = await castInfluencer(engine, `bench-${Date.now()}`);
    const source = await registerSource(engine, { name: 'bench connector' });
    const shop = await registerShop(engine, { name: 'bench shop' });
    const targets: Targets = {
      pollProductId: await createProduct(engine, cast.influencerId, {
        name: 'Voted dress',
        targetKeyword: 'voted dress',
        poll: { question: 'Which one?', options: [{ id: 'option-1', label: 'A' }, { id: 'option-2', label: 'B' }], durationMinutes: 120, minVotes: 0 },
      }),
      demandProductId: await productInDemand(engine, cast),
      saleProductId: await productOnSale(engine, cast, shop.id),
      sourceId: source.id,
      shopId: shop.id,
    };
    dataSource = createDataSource({ url: engine.databaseUrl, poolSize: Math.max(...WRITERS), applicationName: 'bench-intake-writer' });
    await dataSource.initialize();
    for (let i = 0; i < Math.max(...WRITERS); i++) {
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      const [{ pid }] = (await runner.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
      const { manager } = runner;
      writers.push({ runner, backendPid: pid, intake: { votes: new VoteRepository(manager), reservations: new ReservationRepository(manager), orders: new OrderRepository(manager) } });
    }

    console.log(`Warming up: ${BATCHES} batches of each kind from one writer, not counted …`);
    for (const kind of KINDS) await measure(kind, writers.slice(0, 1), targets, `warm-${kind}`);

    const results: Record<string, Record<Kind, Measured & { cpuRatio: number; rateRatio: number; rounds: number[] }>> = {};
    for (const count of WRITERS) {
      const byKind: Record<Kind, Measured[]> = { votes: [], reservations: [], orders: [] };
      for (let r = 1; r <= ROUNDS; r++) {
        // Which kind goes first alternates: what one leaves PostgreSQL to do (autovacuum, a checkpoint) falls on the next.
        const order = r % 2 ? KINDS : [...KINDS].reverse();
        for (const kind of order) byKind[kind].push(await measure(kind, writers.slice(0, count), targets, `${kind}-${count}-${r}`));
      }
      const votesCpu = median(byKind.votes.map((m) => m.cpuUsPerItem));
      const votesRate = median(byKind.votes.map((m) => m.itemsPerSec));
      console.log(`${count} writer${count > 1 ? 's' : ''} at once, batches of ${BATCH}, ${BATCHES} batches each, median of ${ROUNDS} rounds:`);
      results[count] = {} as (typeof results)[string];
      for (const kind of KINDS) {
        const cpu = median(byKind[kind].map((m) => m.cpuUsPerItem));
        const rate = median(byKind[kind].map((m) => m.itemsPerSec));
        results[count][kind] = {
          itemsPerSec: round(rate, 0),
          cpuUsPerItem: round(cpu, 1),
          cpuRatio: round(cpu / votesCpu, 2),
          rateRatio: round(rate / votesRate, 2),
          rounds: byKind[kind].map((m) => round(m.cpuUsPerItem, 1)),
        };
        const r = results[count][kind];
        console.log(
          `  ${kind.padEnd(12)} ${String(r.itemsPerSec).padStart(6)} items/s, PostgreSQL ${String(r.cpuUsPerItem).padStart(6)} CPU-µs per item (rounds ${r.rounds.join(', ')})` +
            (kind === 'votes' ? ' (baseline)' : `; to votes: ${r.cpuRatio}× the CPU, ${r.rateRatio}× the rate`),
        );
      }
    }
    console.log(JSON.stringify({ batch: BATCH, batchesPerWriter: BATCHES, rounds: ROUNDS, writers: results }));
  } finally {
    for (const w of writers) await w.runner.release();
    await dataSource?.destroy();
    await engine.stop();
  }
}

runBench(main);
