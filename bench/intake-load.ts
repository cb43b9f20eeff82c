// The votes benchmark's second load generator, run as its own process like vote-load.ts: a mix of fan
// reservations (signed with the webhook source's secret) and shop orders (signed with the shop's inbound
// secret), about one delivery in ten a byte-for-byte redelivery, sent with autocannon for a fixed time.
// Deliveries still unanswered at the end are sent again, as connectors retry, so the database can be
// checked exactly: every acknowledged reservation and order stored once.

import autocannon from 'autocannon';
import { reservationBody, signShopEvent } from '../test/support/intake';
import { sign } from '../test/support/votes';

export interface MixRequest {
  baseUrl: string;
  sourceId: string;
  sourceSecret: string;
  shopId: string;
  shopSecret: string;
  /** The product in DEMAND that fans reserve, and the one ON_SALE that orders are for. */
  demandProductId: string;
  saleProductId: string;
  variants: string[];
  /** both: every other delivery a reservation, the rest orders; or one kind alone. */
  mix: 'both' | 'reservations' | 'orders';
  prefix: string;
  seconds: number;
  connections: number;
  poolSize: number;
  redeliveryEvery: number;
}

export interface MixResult {
  seconds: number;
  requests: number;
  byStatus: Record<string, number>;
  p50Ms: number;
  p99Ms: number;
  /** Fans whose reservation and orders that were answered 202 or 200. */
  acknowledgedFans: string[];
  acknowledgedOrders: string[];
  retriedAfterStop: number;
  poolWrapped: boolean;
  cpuSeconds: number;
}

interface Delivery {
  kind: 'reservation' | 'order';
  key: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

function build(req: MixRequest): Delivery[] {
  const now = new Date();
  const out: Delivery[] = [];
  for (let i = 0; i < req.poolSize; i++) {
    if (i > 0 && i % req.redeliveryEvery === 0) {
      out.push(out[Math.floor(Math.random() * out.length)]);
      continue;
    }
    const variant = req.variants[i % req.variants.length];
    if (req.mix === 'reservations' || (req.mix === 'both' && i % 2 === 0)) {
      const fan = `${req.prefix}-fan-${i}`;
      const signed = sign(req.sourceSecret, { ...reservationBody(req.demandProductId, variant, fan, 1 + (i % 3)), occurredAt: now.toISOString() }, { webhookId: `msg_${req.prefix}_${i}`, at: now });
      out.push({ kind: 'reservation', key: fan, path: `/webhooks/reservations/${req.sourceId}`, body: signed.payload, headers: { 'content-type': 'application/json', ...signed.headers } });
    } else {
      const orderId = `${req.prefix}-order-${i}`;
      const data = { orderId, createdAt: now.toISOString(), currency: 'USD', lines: [{ lineId: '1', productId: req.saleProductId, variantId: variant, quantity: 1, unitPriceMinor: 4990 }] };
      const signed = signShopEvent({ secret: req.shopSecret }, 'order.created', data, { webhookId: `msg_${req.prefix}_${i}`, at: now });
      out.push({ kind: 'order', key: orderId, path: `/webhooks/shops/${req.shopId}`, body: signed.payload, headers: { 'content-type': 'application/json', ...signed.headers } });
    }
  }
  return out;
}

async function run(req: MixRequest): Promise<MixResult> {
  const deliveries = build(req);
  const cpuBefore = process.cpuUsage();
  let next = 0;
  let wrapped = false;
  const inFlight = new Map<object, Delivery>();
  const lastSent = new WeakMap<object, Delivery>();
  const fans = new Set<string>();
  const orders = new Set<string>();
  const answer = (status: number, d: Delivery) => {
    if (status !== 200 && status !== 202) return;
    (d.kind === 'reservation' ? fans : orders).add(d.key);
  };

  const result = await autocannon({
    url: req.baseUrl,
    connections: req.connections,
    pipelining: 1,
    duration: req.seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request, context) => {
          if (next >= deliveries.length) {
            next = 0;
            wrapped = true;
          }
          const d = deliveries[next++];
          lastSent.set(context, d);
          inFlight.set(context, d);
          return { ...request, path: d.path, headers: d.headers, body: d.body };
        },
        onResponse: (status, _body, context) => {
          inFlight.delete(context);
          answer(status, lastSent.get(context)!);
        },
      },
    ],
  });

  // Deliveries cut off when the time ran out: a connector retries them until they are acknowledged.
  const unanswered = [...inFlight.values()];
  for (const d of unanswered) {
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(`${req.baseUrl}${d.path}`, { method: 'POST', headers: d.headers, body: d.body });
      await res.arrayBuffer();
      if (res.status === 200 || res.status === 202 || attempt >= 20) {
        answer(res.status, d);
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const cpu = process.cpuUsage(cpuBefore);
  const byStatus: Record<string, number> = {};
  for (const [k, v] of Object.entries(result.statusCodeStats ?? {})) byStatus[k] = (v as { count: number }).count;
  return {
    seconds: result.duration,
    requests: result.requests.total,
    byStatus,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    acknowledgedFans: [...fans],
    acknowledgedOrders: [...orders],
    retriedAfterStop: unanswered.length,
    poolWrapped: wrapped,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}

process.on('message', (req: MixRequest) => {
  run(req).then(
    (result) => process.send!({ ok: true, result }, undefined, {}, () => process.exit(0)),
    (err: Error) => process.send!({ ok: false, error: err.stack ?? String(err) }, undefined, {}, () => process.exit(1)),
  );
});
