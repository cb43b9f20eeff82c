// `npm run bench:social`: on the embedded defaults (a private data folder and free ports) measures
//  - share card rendering over HTTP: the first request of each card (rendered, stored) and a repeat
//    (served from PostgreSQL), p50/p99;
//  - deliveries per second: products whose influencer has BENCH_CHANNELS webhook channels, each update
//    delivered by its own workflow to a local receiver that verifies every signature, against the floor
//    measured in the same run: bare signed POSTs from this process to the same receiver at the same
//    concurrency as the worker's activity slots.
// The last line is one JSON object with the figures.

import 'reflect-metadata';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { startPrivateEngine } from '../apps/launcher/src/private-engine';
import { cpuDelta, cpuSeconds, round, summary } from './support';

const CARDS = Number(process.env.BENCH_CARDS ?? 40);
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 60);
const CHANNELS = Number(process.env.BENCH_CHANNELS ?? 10);
const FLOOR_REQUESTS = Number(process.env.BENCH_FLOOR_REQUESTS ?? 3_000);
// The SDK's default activity slots per worker: at most this many deliveries are in flight at once.
const CONCURRENCY = 100;

async function main(): Promise<void> {
  console.log('Starting the engine on embedded defaults in a temporary folder …');
  const engine = await startPrivateEngine('bench-social', { API_KEY_RATE_LIMIT: '1000000', LOG_LEVEL: 'silent' }, { bootstrapStaffKey: true, log: (m) => console.log(`  ${m}`) });
  const { dataDir } = engine;
  const staff = { authorization: `Bearer ${engine.firstStaffKey!}`, 'content-type': 'application/json' };
  const call = async (method: string, urlPath: string, body?: unknown): Promise<any> => {
    const res = await fetch(`${engine.apiUrl}${urlPath}`, { method, headers: staff, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = (await res.json()) as any;
    if (res.status >= 300) throw new Error(`${method} ${urlPath} → ${res.status}: ${json.message}`);
    return json;
  };
  const product = (influencerId: string, i: number) =>
    call('POST', '/products', {
      name: `Bench dress ${i}`,
      influencerId,
      targetKeyword: 'linen dress',
      poll: { question: 'Which one?', options: [{ id: 'a', label: 'Linen midi' }, { id: 'b', label: 'Wrap dress' }], durationMinutes: 120, minVotes: 0 },
    });

  // The receiver: verifies each request's signature, answers 200, keeps the first arrival per webhook-id.
  const verifiers = new Map<string, Webhook>();
  let floorVerifier: Webhook | null = null;
  const arrivals = new Map<string, number>();
  let requests = 0;
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests++;
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = { 'webhook-id': String(req.headers['webhook-id']), 'webhook-timestamp': String(req.headers['webhook-timestamp']), 'webhook-signature': String(req.headers['webhook-signature']) };
      const verifier = verifiers.get(req.url ?? '') ?? floorVerifier!;
      try {
        verifier.verify(body, headers);
      } catch {
        res.writeHead(401).end();
        return;
      }
      if (!arrivals.has(headers['webhook-id'])) arrivals.set(headers['webhook-id'], Date.now());
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  let cpu = cpuSeconds(dataDir);

  try {
    // Cards: one published update per product (the poll opening), each card fetched twice.
    console.log(`\nCards: ${CARDS} products, each card requested twice …`);
    const artist = await call('POST', '/influencers', { handle: `cards-${Date.now()}`, displayName: 'Cards' });
    const ids = await Promise.all(Array.from({ length: CARDS }, (_, i) => product(artist.id, i).then((p) => p.id as string)));
    const urls: string[] = [];
    for (const id of ids) {
      for (let i = 0; ; i++) {
        const updates = (await call('GET', `/products/${id}/social-updates`)).updates as { imageUrl: string }[];
        if (updates.length > 0) {
          urls.push(updates[0].imageUrl);
          break;
        }
        if (i > 400) throw new Error(`product ${id} made no social update`);
        await new Promise((r) => setTimeout(r, 25));
      }
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
    floorVerifier = new Webhook(secret);
    const body = JSON.stringify({ type: 'social_update.published', timestamp: new Date().toISOString(), data: { title: 'x'.repeat(40), body: 'y'.repeat(400), hashtags: ['#a', '#b'] } });
    console.log(`\nFloor: ${FLOOR_REQUESTS} signed POSTs to the receiver, ${CONCURRENCY} at a time …`);
    const floorLatencies: number[] = [];
    let next = 0;
    const floorStart = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < FLOOR_REQUESTS) {
          const n = next++;
          const id = `floor-${n}`;
          const started = performance.now();
          const res = await fetch(`${receiverUrl}/floor`, { method: 'POST', headers: { 'content-type': 'application/json', ...signed(secret, id, body) }, body });
          await res.text();
          if (res.status !== 200) throw new Error(`floor POST → ${res.status}`);
          floorLatencies.push(performance.now() - started);
        }
      }),
    );
    const floorSeconds = (performance.now() - floorStart) / 1000;
    const floorPerSec = FLOOR_REQUESTS / floorSeconds;
    const floorStats = summary(floorLatencies);
    console.log(`  ${round(floorPerSec, 0)} POSTs/s, p50 ${round(floorStats.p50)} ms, p99 ${round(floorStats.p99)} ms; CPU: ${cpuDelta(cpu, (cpu = cpuSeconds(dataDir)))}`);

    // Deliveries: each product's poll-opening update goes to every channel, each by its own workflow.
    const expected = PRODUCTS * CHANNELS;
    console.log(`\nDeliveries: ${PRODUCTS} products × ${CHANNELS} webhook channels = ${expected} deliveries …`);
    const influencer = await call('POST', '/influencers', { handle: `deliveries-${Date.now()}`, displayName: 'Deliveries' });
    for (let c = 0; c < CHANNELS; c++) {
      const channel = await call('POST', `/influencers/${influencer.id}/channels`, { kind: 'webhook', name: `receiver ${c}`, url: `${receiverUrl}/channel-${c}` });
      verifiers.set(`/channel-${c}`, new Webhook(channel.secret));
    }
    arrivals.clear();
    const before = requests;
    const start = Date.now();
    const created = await Promise.all(Array.from({ length: PRODUCTS }, (_, i) => product(influencer.id, i).then((p) => ({ id: p.id as string, at: Date.parse(p.createdAt) }))));
    while (arrivals.size < expected) {
      if (Date.now() - start > 300_000) throw new Error(`only ${arrivals.size} of ${expected} deliveries arrived in 5 minutes`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const seconds = (Math.max(...arrivals.values()) - start) / 1000;
    const deliveriesPerSec = expected / seconds;
    // Latency: from the product's creation (its update's event) to the delivery's first arrival.
    const createdAt = Math.min(...created.map((c) => c.at));
    const latency = summary([...arrivals.values()].map((at) => at - createdAt));
    const [recorded] = await engine.dataSource.query(`SELECT count(*) FILTER (WHERE status = 'delivered')::int AS delivered, count(*)::int AS total FROM deliveries WHERE product_id = ANY($1)`, [created.map((c) => c.id)]);
    console.log(`  ${round(deliveriesPerSec, 1)} deliveries/s (${expected} in ${round(seconds, 2)} s), ${requests - before} requests; arrival after creation p50 ${round(latency.p50)} ms, p99 ${round(latency.p99)} ms`);
    console.log(`  recorded: ${recorded.delivered} of ${recorded.total} delivered (the record follows the arrival); CPU: ${cpuDelta(cpu, (cpu = cpuSeconds(dataDir)))}`);
    const ratio = deliveriesPerSec / floorPerSec;
    console.log(`\nRatio of deliveries/s to the floor's POSTs/s: ${round(ratio, 3)} (per update one workflow; per channel one activity, a recorded outcome and database writes)`);
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
      }),
    );
  } finally {
    receiver.close();
    await engine.stop();
  }
}

function signed(secret: string, id: string, body: string): Record<string, string> {
  const at = new Date();
  return { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': new Webhook(secret).sign(id, at, body) };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
