// Prometheus metrics as an operator scrapes them: at /metrics on the API's port for loopback callers when no
// METRICS_PORT is set, else on a listener of their own (and not on the API's port). Request latency per
// route template and status, intake items and batch sizes, products by stage and deliveries by channel and
// status, each checked against what the test did.
import { freePort } from '../../libs/runtime';
import { addChannels, castInfluencer, createProduct } from '../support/product-flow';
import { startReceiver, type Receiver } from '../support/receiver';
import { eventually, startTestEngine, type TestEngine } from '../support/stack';
import { deliver, registerSource, sign, voteBody } from '../support/votes';

/** The sample of `name` with exactly these labels (in any order), or undefined. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, k, v]) => [k, v]));
    if (Object.keys(got).length === Object.keys(labels).length && Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3]);
  }
  return undefined;
}

async function scrape(url: string): Promise<{ status: number; type: string | null; text: string }> {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}


describe('Prometheus metrics', () => {
  describe('on the API port (no METRICS_PORT, as with npm start)', () => {
    let t: TestEngine;
    let receiver: Receiver;
    beforeAll(async () => {
      receiver = await startReceiver();
      t = await startTestEngine();
    });
    afterAll(async () => {
      await t?.stop();
      await receiver?.close();
    });

    it('counts requests by route template and status, votes written and their batches, products by stage and deliveries', async () => {
      const mia = await castInfluencer(t, 'mia');
      await addChannels(t, mia.influencerId, receiver);
      const productId = await createProduct(t, mia.influencerId);
      const source = await registerSource(t);
      // Channels default to the influencer's platform, instagram.
      const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => deliver(t, source, sign(source.secret, voteBody(productId, 'midi', `fan-${i}`)))));
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 202));
      // A product that does not exist: its 404 is counted under the route's template too.
      expect((await t.http('GET', '/products/p-doesnotexist')).status).toBe(404);

      // The poll's opening update is delivered to both channels by the worker, in the background.
      const text = await eventually('the poll opening delivered to both channels', async () => {
        const { status, type, text } = await scrape(`${t.engine.apiUrl}/metrics`);
        expect(status).toBe(200);
        expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
        // Both channels: each delivery is attempted on its own, so one can land before the other.
        const delivered = (channel: string) => (sample(text, 'incubator_deliveries', { channel, platform: 'instagram', status: 'delivered' }) ?? 0) >= 1;
        return delivered('webhook') && delivered('log') ? text : undefined;
      });

      const route = `/webhooks/votes/:sourceId`;
      expect(sample(text, 'incubator_http_request_duration_seconds_count', { method: 'POST', route, status_code: '202' })).toBe(12);
      expect(sample(text, 'incubator_http_request_duration_seconds_count', { method: 'GET', route: '/products/:id', status_code: '404' })).toBe(1);
      expect(sample(text, 'incubator_intake_items_total', { kind: 'vote', result: 'written' })).toBe(12);
      // Twelve votes in one batch or several: the batches hold them all.
      expect(sample(text, 'incubator_intake_batch_size_sum', { kind: 'vote' })).toBe(12);
      expect(sample(text, 'incubator_intake_batch_size_count', { kind: 'vote' })).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'incubator_products', { stage: 'POLL' })).toBe(1);
      expect(sample(text, 'incubator_deliveries', { channel: 'log', platform: 'instagram', status: 'delivered' })).toBeGreaterThanOrEqual(1);
      // What the product waits for, as its read model says, and for how long (since its last timeline event).
      const [waits] = await t.db.dataSource.query<{ by: string; action: string }[]>(`SELECT pending_action ->> 'by' AS by, pending_action ->> 'action' AS action FROM products WHERE id = $1`, [productId]);
      expect(sample(text, 'incubator_actions_waiting', waits)).toBe(1);
      const waited = sample(text, 'incubator_action_oldest_wait_seconds', waits)!;
      expect(waited).toBeGreaterThanOrEqual(0);
      expect(waited).toBeLessThan(60);
      // Process health from prom-client's defaults.
      expect(sample(text, 'incubator_api_process_resident_memory_bytes', {})).toBeGreaterThan(0);
      // The in-process worker's Temporal SDK metrics come with them (npm start's one place to look).
      expect(text).toMatch(/^temporal_worker_task_slots_available\{[^}]*worker_type="WorkflowWorker"[^}]*\} \d+$/m);
      expect(text).toMatch(/^temporal_workflow_task_schedule_to_start_latency_count\{[^}]*task_queue="[^"]+"[^}]*\} [1-9]\d*$/m);
      expect(text).toMatch(/^temporal_activity_schedule_to_start_latency_count\{[^}]*\} [1-9]\d*$/m);
      // Relayed by a proxy on this machine (it connects from loopback and says whom for): not answered.
      const relayed = await fetch(`${t.engine.apiUrl}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
      expect(relayed.status).toBe(404);
      // Labels are templates: no product id, source id or key appears anywhere.
      for (const secretish of [productId, source.id, source.secret, t.staffKey]) expect(text).not.toContain(secretish);
    });
  });

  describe('on a listener of its own (METRICS_PORT)', () => {
    let t: TestEngine;
    let metricsPort: number;
    beforeAll(async () => {
      metricsPort = await freePort();
      t = await startTestEngine({ METRICS_HOST: '127.0.0.1', METRICS_PORT: String(metricsPort) });
    });
    afterAll(() => t?.stop());

    it('serves /metrics there and nothing else, and not on the API port', async () => {
      expect((await t.http('GET', '/health', { key: null })).status).toBe(200);
      const { status, text } = await scrape(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(status).toBe(200);
      expect(sample(text, 'incubator_http_request_duration_seconds_count', { method: 'GET', route: '/health', status_code: '200' })).toBe(1);
      expect((await scrape(`http://127.0.0.1:${metricsPort}/products`)).status).toBe(404);
      expect((await scrape(`${t.engine.apiUrl}/metrics`)).status).toBe(404);
    });
  });
});
