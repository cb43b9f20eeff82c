// The votes benchmark's load generator, run as its own process (so its CPU is its own): signs deliveries
// the way a connector does (the `standardwebhooks` library), then drives one endpoint with autocannon for
// a fixed time and reports what was answered. About one delivery in ten repeats an earlier one byte for
// byte (a redelivery). Deliveries still unanswered when the time is up are sent again afterwards, as a
// connector retries, so every vote ends acknowledged and the database can be checked exactly.

import autocannon from 'autocannon';
import { sign, voteBody } from '../test/support/votes';

export interface LoadRequest {
  baseUrl: string;
  path: string;
  secret: string;
  productId: string;
  platform: string;
  options: string[];
  fanPrefix: string;
  seconds: number;
  connections: number;
  poolSize: number;
  redeliveryEvery: number;
}

export interface LoadResult {
  seconds: number;
  requests: number;
  byStatus: Record<string, number>;
  p50Ms: number;
  p99Ms: number;
  /** Fans whose vote was answered 202 (counted) or 200 (duplicate) during the timed run or the retries. */
  acknowledgedFans: string[];
  countedAnswers: number;
  duplicateAnswers: number;
  retriedAfterStop: number;
  poolWrapped: boolean;
  /** CPU seconds this load generator used while sending (not while signing beforehand). */
  cpuSeconds: number;
}

interface Delivery {
  fan: string;
  headers: Record<string, string>;
  body: string;
}

function build(req: LoadRequest): Delivery[] {
  const now = new Date();
  const out: Delivery[] = [];
  let fanNo = 0;
  for (let i = 0; i < req.poolSize; i++) {
    if (i > 0 && i % req.redeliveryEvery === 0) {
      out.push(out[Math.floor(Math.random() * out.length)]);
      continue;
    }
    const fan = `${req.fanPrefix}-${fanNo++}`;
    const vote = { ...voteBody(req.productId, req.options[i % req.options.length], fan, req.platform), occurredAt: now.toISOString() };
    const signed = sign(req.secret, vote, { webhookId: `msg_${req.fanPrefix}_${i}`, at: now });
    out.push({ fan, body: signed.payload, headers: { 'content-type': 'application/json', ...signed.headers } });
  }
  return out;
}

async function run(req: LoadRequest): Promise<LoadResult> {
  const deliveries = build(req);
  const cpuBefore = process.cpuUsage();
  let next = 0;
  let wrapped = false;
  const inFlight = new Map<object, Delivery>();
  // The delivery each autocannon connection (its context object) sent last.
  const lastSent = new WeakMap<object, Delivery>();
  const acknowledged = new Set<string>();
  let counted = 0;
  let duplicate = 0;
  const answer = (status: number, d: Delivery) => {
    if (status === 202) counted++;
    else if (status === 200) duplicate++;
    if (status === 200 || status === 202) acknowledged.add(d.fan);
  };

  const result = await autocannon({
    url: req.baseUrl,
    connections: req.connections,
    pipelining: 1,
    duration: req.seconds,
    requests: [
      {
        method: 'POST',
        path: req.path,
        setupRequest: (request, context) => {
          if (next >= deliveries.length) {
            next = 0;
            wrapped = true;
          }
          const d = deliveries[next++];
          lastSent.set(context, d);
          inFlight.set(context, d);
          return { ...request, headers: d.headers, body: d.body };
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
      const res = await fetch(`${req.baseUrl}${req.path}`, { method: 'POST', headers: d.headers, body: d.body });
      await res.arrayBuffer();
      if (res.status === 200 || res.status === 202 || attempt >= 20 || req.path.startsWith('/bench')) {
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
    acknowledgedFans: [...acknowledged],
    countedAnswers: counted,
    duplicateAnswers: duplicate,
    retriedAfterStop: unanswered.length,
    poolWrapped: wrapped,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}

process.on('message', (req: LoadRequest) => {
  run(req).then(
    (result) => process.send!({ ok: true, result }, undefined, {}, () => process.exit(0)),
    (err: Error) => process.send!({ ok: false, error: err.stack ?? String(err) }, undefined, {}, () => process.exit(1)),
  );
});
