// `npm run bench:intake-request`: the per-request work the API does on each kind of intake before its batch is
// written, measured alone in one process on one core, with no HTTP, database or other process in the way:
// parsing the body (JSON.parse, which Fastify's parser wraps with a scan for __proto__ keys), verifying its Standard Webhooks signature
// (the SignatureVerifier the guards use) and checking it against its DTOs as the route does (the global
// ValidationPipe for votes and reservations, ShopEnvelopePipe for a shop's order envelope). Votes are the
// baseline, measured in the same run. bench:votes' profiles of a saturated machine charge tens of µs per item
// to validation, partly time a process waited for a core; this is what the work itself costs. Each kind runs
// alone and all three interleaved (as an API taking votes, reservations and orders at once), in rounds
// (BENCH_ROUNDS, 5) of BENCH_ITEMS (20,000) bodies, after a warm-up; the figures are medians of the rounds. The
// last line is one JSON object.

import 'reflect-metadata';
import { generateWebhookSecret, SignatureVerifier } from '@app/webhooks';
import { createValidationPipe } from '../apps/api/src/common/validation';
import { ReservationDto } from '../apps/api/src/reservations/dto/reservation.dto';
import { ShopEnvelopePipe } from '../apps/api/src/shops/shop-envelope.pipe';
import { VoteDto } from '../apps/api/src/votes/dto/vote.dto';
import { reservationBody, signShopEvent } from '../test/support/intake';
import { sign, voteBody } from '../test/support/votes';
import { median, round, runBench } from './support';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
for (const [name, v] of Object.entries({ BENCH_ITEMS: ITEMS, BENCH_ROUNDS: ROUNDS })) {
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a whole number of at least 1`);
}

const KINDS = ['vote', 'reservation', 'order'] as const;
type Kind = (typeof KINDS)[number];

interface Request {
  kind: Kind;
  payload: string;
  headers: Record<string, string>;
}

/** The three stages of a request's own work, timed apart. */
const STAGES = ['parse', 'signature', 'validation'] as const;
type Stage = (typeof STAGES)[number];

const secret = generateWebhookSecret();
const verifier = new SignatureVerifier([secret]);
const bodyPipe = createValidationPipe();
const envelopePipe = new ShopEnvelopePipe();

/** One signed request of each kind, as bench:votes' load generators send them: each a new fan or order. */
const SIGNED: Record<Kind, (id: string, i: number, at: Date) => { payload: string; headers: Record<string, string> }> = {
  vote: (id, _i, at) => sign(secret, { ...voteBody('p-8f3k2m9q1z7x', 'option-1', `fan-${id}`), occurredAt: at.toISOString() }, { webhookId: `msg_${id}`, at }),
  reservation: (id, i, at) =>
    sign(secret, { ...reservationBody('p-8f3k2m9q1z7x', 'm-black', `fan-${id}`, 1 + (i % 3)), occurredAt: at.toISOString() }, { webhookId: `msg_${id}`, at }),
  order: (id, _i, at) =>
    signShopEvent(
      { secret },
      'order.created',
      { orderId: `order-${id}`, createdAt: at.toISOString(), currency: 'USD', lines: [{ lineId: '1', productId: 'p-8f3k2m9q1z7x', variantId: 'm-black', quantity: 1, unitPriceMinor: 4990 }] },
      { webhookId: `msg_${id}`, at },
    ),
};

function requests(kind: Kind, n: number, prefix: string): Request[] {
  const at = new Date();
  return Array.from({ length: n }, (_, i) => ({ kind, ...SIGNED[kind](`${prefix}-${i}`, i, at) }));
}

async function validate(kind: Kind, body: unknown): Promise<void> {
  if (kind === 'order') await envelopePipe.transform(body);
  else await bodyPipe.transform(body, { type: 'body', metatype: kind === 'vote' ? VoteDto : ReservationDto });
}

/** Runs the requests, timing each stage; µs per request of each stage, by kind. */
async function run(batch: Request[]): Promise<Record<Kind, Record<Stage, number>>> {
  const ns: Record<Kind, Record<Stage, bigint>> = Object.fromEntries(KINDS.map((k) => [k, { parse: 0n, signature: 0n, validation: 0n }])) as never;
  const counts: Record<Kind, number> = { vote: 0, reservation: 0, order: 0 };
  for (const r of batch) {
    const t0 = process.hrtime.bigint();
    const body: unknown = JSON.parse(r.payload);
    const t1 = process.hrtime.bigint();
    verifier.verify(r.payload, r.headers);
    const t2 = process.hrtime.bigint();
    await validate(r.kind, body);
    const t3 = process.hrtime.bigint();
    ns[r.kind].parse += t1 - t0;
    ns[r.kind].signature += t2 - t1;
    ns[r.kind].validation += t3 - t2;
    counts[r.kind]++;
  }
  return Object.fromEntries(
    KINDS.map((k) => [k, Object.fromEntries(STAGES.map((s) => [s, counts[k] ? Number(ns[k][s]) / 1000 / counts[k] : 0]))]),
  ) as Record<Kind, Record<Stage, number>>;
}

function interleaved(n: number, prefix: string): Request[] {
  const byKind = KINDS.map((k) => requests(k, Math.ceil(n / KINDS.length), `${prefix}-${k}`));
  return Array.from({ length: n }, (_, i) => byKind[i % KINDS.length][Math.floor(i / KINDS.length)]);
}

async function main(): Promise<void> {
  console.log(`Per-request work of intake, alone in one process: ${ROUNDS} rounds of ${ITEMS} requests per setting, after a warm-up …`);
  await run(interleaved(ITEMS, 'warm'));
  const alone: Record<Kind, Record<Stage, number>[]> = { vote: [], reservation: [], order: [] };
  const mixed: Record<Kind, Record<Stage, number>>[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const k of KINDS) alone[k].push((await run(requests(k, ITEMS, `r${r}`)))[k]);
    mixed.push(await run(interleaved(ITEMS, `m${r}`)));
  }
  const med = (rows: Record<Stage, number>[]) => {
    const parts = Object.fromEntries(STAGES.map((s) => [s, round(median(rows.map((x) => x[s])), 2)])) as Record<Stage, number>;
    return { ...parts, total: round(STAGES.reduce((t, s) => t + parts[s], 0), 2) };
  };
  const result = {
    alone: Object.fromEntries(KINDS.map((k) => [k, med(alone[k])])) as Record<Kind, ReturnType<typeof med>>,
    interleaved: Object.fromEntries(KINDS.map((k) => [k, med(mixed.map((m) => m[k]))])) as Record<Kind, ReturnType<typeof med>>,
  };
  for (const setting of ['alone', 'interleaved'] as const) {
    console.log(`${setting === 'alone' ? 'Each kind alone' : 'The three interleaved'}, µs per request (medians of the rounds):`);
    for (const k of KINDS) {
      const c = result[setting][k];
      const ratio = round(c.total / result[setting].vote.total, 2);
      console.log(`  ${k.padEnd(12)} parse ${c.parse}, signature ${c.signature}, validation ${c.validation}; ${c.total} in all (${ratio}× a vote's)`);
    }
  }
  console.log(JSON.stringify(result));
}

runBench(main);
