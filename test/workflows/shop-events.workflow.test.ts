// Reservation events to a shop's outbound channel, on a real Temporal dev server, worker and PostgreSQL, with
// a loopback receiver verifying every request with the shop's outbound secret: the batch written (and the
// reservations' status changed) once however often it is asked, each reservation's event accepted once,
// retries that resend only what is still pending, a 410 that stops the batch, and pages that keep the
// workflow's history bounded.
import { temporal } from '@temporalio/proto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { createShopEventActivities } from '../../activities';
import { socialActivityDeps } from '../../apps/worker/src/worker';
import {
  SHOP_EVENT_CONCURRENCY,
  SHOP_EVENT_PAGES_PER_RUN,
  SHOP_EVENTS_WORKFLOW_TYPE,
  shopEventsWorkflowId,
  type DeliveryCounts,
  type DeliveryRetry,
  type ShopEventBatch,
  type ShopEventDeliveryInput,
  type ShopEventKind,
} from '../../libs/domain';
import { startReceiver, type Receiver } from '../support/receiver';
import { heldUnits, insertManyReservations, insertProductRow, insertReservation, insertShop, reservationStatuses, sellThrough, shopEventRows, type TestShop } from '../support/shop-events';
import { testConfig, uniqueName } from '../support/stack';
import { insertInfluencer } from '../support/workflow-harness';
import { workflowSuite } from './workflow-suite';

jest.setTimeout(120_000);

const QUICK: DeliveryRetry = { maxAttempts: 4, initialIntervalMs: 200, maxIntervalMs: 1_000, timeoutMs: 3_000 };

describe('shop events workflow', () => {
  const suite = workflowSuite();
  let deps: ReturnType<typeof socialActivityDeps>;
  let receiver: Receiver;
  beforeAll(async () => {
    // The worker's own secret box (the same key), so the shops' sealed secrets open in its activities.
    deps = socialActivityDeps(testConfig(), () => 'http://share.test');
    receiver = await startReceiver();
  });
  afterAll(() => receiver?.close());

  const activities = () => createShopEventActivities({ dataSource: suite.db.dataSource, ...deps });
  let seq = 0;
  const notify = (productId: string, kind: ShopEventKind, holdUntil?: string, at = ++seq): Promise<ShopEventBatch> =>
    activities().notifyReservationHolders({ productId, kind, seq: at, ...(holdUntil ? { holdUntil } : {}) });
  const deliver = (batch: ShopEventBatch, extra: Partial<ShopEventDeliveryInput> = {}): Promise<DeliveryCounts> =>
    suite.client.workflow.execute(SHOP_EVENTS_WORKFLOW_TYPE, {
      workflowId: shopEventsWorkflowId(batch.batchId),
      taskQueue: suite.worker.taskQueue,
      args: [{ batchId: batch.batchId, retry: QUICK, ...extra }],
    });

  /** A product selling through a shop whose endpoint is `path` on `origin` (the receiver's unless given). */
  const product = async (opts: { path?: string; origin?: string; endpoint?: boolean } = {}): Promise<{ productId: string; shop: TestShop; path: string }> => {
    const ds = suite.db.dataSource;
    const productId = uniqueName('p').replace('_', '-');
    await insertProductRow(ds, productId, await insertInfluencer(ds));
    const path = opts.path ?? `/shops/${productId}/events`;
    const shop = await insertShop(ds, deps.secretBox, opts.endpoint === false ? null : `${opts.origin ?? receiver.origin}${path}`);
    await sellThrough(ds, productId, shop.shopId);
    if (opts.endpoint !== false) receiver.setSecret(shop.outboundSecret, path);
    return { productId, shop, path };
  };
  const receivedAt = (path: string) => receiver.received.filter((r) => r.path === path);

  it('tells the shop once per held reservation at launch, signed with its outbound secret, and holds their units', async () => {
    const ds = suite.db.dataSource;
    const { productId, shop, path } = await product();
    const held = [await insertReservation(ds, productId, 's-black', 2), await insertReservation(ds, productId, 'm-black', 1), await insertReservation(ds, productId, 's-black', 1)];
    await insertReservation(ds, productId, 'm-black', 3, 'released');
    const holdUntil = new Date(Date.now() + 86_400_000).toISOString();

    const batch = await notify(productId, 'reservation.ready', holdUntil);
    expect(batch).toMatchObject({ events: 3 });
    expect(await heldUnits(ds, productId)).toEqual({ 's-black': 3, 'm-black': 1 });
    expect(await deliver(batch)).toEqual({ delivered: 3, failed: 0 });

    const got = receivedAt(path);
    expect(got.map((r) => [r.verified, r.answered])).toEqual([
      [true, 200],
      [true, 200],
      [true, 200],
    ]);
    expect(new Set(got.map((r) => r.webhookId)).size).toBe(3);
    const bodies = got.map((r) => JSON.parse(r.body) as { type: string; timestamp: string; data: Record<string, unknown> });
    expect(bodies.map((b) => b.data.reservationCode).sort()).toEqual(held.map((h) => h.code).sort());
    for (const body of bodies) {
      const mine = held.find((h) => h.code === body.data.reservationCode)!;
      expect(body).toEqual({
        type: 'reservation.ready',
        timestamp: expect.any(String) as string,
        data: {
          productId,
          productName: 'Linen midi dress',
          reservationCode: mine.code,
          variantId: mine.variantId,
          variantLabel: mine.variantId === 's-black' ? 'S / black' : 'M / black',
          quantity: mine.quantity,
          holdUntil,
          shopId: shop.shopId,
        },
      });
    }
    const rows = await shopEventRows(ds, batch.batchId);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['delivered', 1],
      ['delivered', 1],
      ['delivered', 1],
    ]);
    // The event's id is the webhook-id the shop deduplicates on.
    expect(rows.map((r) => r.id).sort()).toEqual(got.map((r) => r.webhookId).sort());
    expect(await reservationStatuses(ds, productId)).toEqual({ held: 3, released: 1 });
  });

  it('writes a batch once: asked again, it answers the same batch and writes and sends nothing new', async () => {
    const ds = suite.db.dataSource;
    const { productId, path } = await product();
    await insertReservation(ds, productId, 's-black', 1);
    await insertReservation(ds, productId, 'm-black', 2);
    const first = await notify(productId, 'reservation.ready', '2030-01-01T00:00:00.000Z', 7);
    const rowsBefore = await shopEventRows(ds, first.batchId);
    const again = await notify(productId, 'reservation.ready', '2030-01-01T00:00:00.000Z', 7);
    expect(again).toEqual(first);
    expect(await shopEventRows(ds, first.batchId)).toEqual(rowsBefore);
    // Another seq is another batch.
    expect((await notify(productId, 'reservation.ready', '2030-01-01T00:00:00.000Z', 8)).batchId).not.toBe(first.batchId);

    expect(await deliver(first)).toEqual({ delivered: 2, failed: 0 });
    const sent = receivedAt(path).length;
    // A second delivery workflow for a delivered batch sends nothing.
    await suite.client.workflow.execute(SHOP_EVENTS_WORKFLOW_TYPE, {
      workflowId: `${shopEventsWorkflowId(first.batchId)}-again`,
      taskQueue: suite.worker.taskQueue,
      args: [{ batchId: first.batchId, retry: QUICK }],
    });
    expect(receivedAt(path).length).toBe(sent);
  });

  it('releases every held reservation when the goal is missed and tells the shop about each', async () => {
    const ds = suite.db.dataSource;
    const { productId, path } = await product();
    const held = [await insertReservation(ds, productId, 's-black', 1), await insertReservation(ds, productId, 'm-black', 1)];
    const batch = await notify(productId, 'reservation.released');
    expect(batch.events).toBe(2);
    expect(await reservationStatuses(ds, productId)).toEqual({ released: 2 });
    const [{ changed }] = await ds.query<{ changed: number }[]>('SELECT count(status_changed_at)::int AS changed FROM reservations WHERE product_id = $1', [productId]);
    expect(changed).toBe(2);
    // A retried write finds nothing held any more and answers the same batch.
    expect(await notify(productId, 'reservation.released', undefined, seq)).toEqual(batch);

    expect(await deliver(batch)).toEqual({ delivered: 2, failed: 0 });
    const bodies = receivedAt(path).map((r) => JSON.parse(r.body) as { type: string; data: { reservationCode: string; holdUntil?: string } });
    expect(bodies.map((b) => b.type)).toEqual(['reservation.released', 'reservation.released']);
    expect(bodies.map((b) => b.data.reservationCode).sort()).toEqual(held.map((h) => h.code).sort());
    expect(bodies.every((b) => !('holdUntil' in b.data))).toBe(true);
  });

  it('expires the reservations still held when the hold ends (converted ones stay) and clears the held units', async () => {
    const ds = suite.db.dataSource;
    const { productId, path } = await product();
    await insertReservation(ds, productId, 's-black', 2);
    const converted = await insertReservation(ds, productId, 'm-black', 1);
    await notify(productId, 'reservation.ready', '2030-01-01T00:00:00.000Z');
    expect(await heldUnits(ds, productId)).toEqual({ 's-black': 2, 'm-black': 1 });
    await ds.query(`UPDATE reservations SET status = 'converted' WHERE id = $1`, [converted.id]);

    const batch = await notify(productId, 'reservation.expired');
    expect(batch.events).toBe(1);
    expect(await reservationStatuses(ds, productId)).toEqual({ expired: 1, converted: 1 });
    expect(await heldUnits(ds, productId)).toEqual({ 's-black': 0, 'm-black': 0 });
    expect(await deliver(batch)).toEqual({ delivered: 1, failed: 0 });
    expect(receivedAt(path).map((r) => (JSON.parse(r.body) as { type: string }).type)).toEqual(['reservation.expired']);
  });

  it('changes the reservations without events when the shop has no outbound endpoint', async () => {
    const ds = suite.db.dataSource;
    const { productId } = await product({ endpoint: false });
    await insertReservation(ds, productId, 's-black', 1);
    const batch = await notify(productId, 'reservation.released');
    expect(batch.events).toBe(0);
    expect(await shopEventRows(ds, batch.batchId)).toEqual([]);
    expect(await reservationStatuses(ds, productId)).toEqual({ released: 1 });
    expect(await deliver(batch)).toEqual({ delivered: 0, failed: 0 });
  });

  it('retries a shop that fails and recovers: every event accepted once, delivered ones never resent', async () => {
    const ds = suite.db.dataSource;
    // A shop that answers 503 to the first attempt of every M event, and takes the rest at once.
    const attempts = new Map<string, number>();
    let verifier: Webhook | null = null;
    const verified: boolean[] = [];
    const server: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const id = String(req.headers['webhook-id']);
        try {
          verifier!.verify(body, { 'webhook-id': id, 'webhook-timestamp': String(req.headers['webhook-timestamp']), 'webhook-signature': String(req.headers['webhook-signature']) });
          verified.push(true);
        } catch {
          verified.push(false);
        }
        const n = (attempts.get(id) ?? 0) + 1;
        attempts.set(id, n);
        const flaky = (JSON.parse(body) as { data: { variantId: string } }).data.variantId === 'm-black';
        res.writeHead(flaky && n === 1 ? 503 : 200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { productId, shop } = await product({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, path: '/flaky' });
      verifier = new Webhook(shop.outboundSecret);
      for (let i = 0; i < 3; i++) await insertReservation(ds, productId, 's-black', 1);
      for (let i = 0; i < 3; i++) await insertReservation(ds, productId, 'm-black', 1);
      const batch = await notify(productId, 'reservation.ready', '2030-01-01T00:00:00.000Z');

      expect(await deliver(batch)).toEqual({ delivered: 6, failed: 0 });
      expect(verified.length).toBe(9);
      expect(verified.every(Boolean)).toBe(true);
      const rows = await shopEventRows(ds, batch.batchId);
      const variantOf = (r: (typeof rows)[number]) => (JSON.parse(r.payload) as { data: { variantId: string } }).data.variantId;
      // The page's retry sent only the three events still pending.
      expect(rows.map((r) => [variantOf(r), attempts.get(r.id), r.attempts, r.status]).sort()).toEqual([
        ['m-black', 2, 2, 'delivered'],
        ['m-black', 2, 2, 'delivered'],
        ['m-black', 2, 2, 'delivered'],
        ['s-black', 1, 1, 'delivered'],
        ['s-black', 1, 1, 'delivered'],
        ['s-black', 1, 1, 'delivered'],
      ]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('retries a failing shop with backoff and counts each reservation once when it recovers', async () => {
    const ds = suite.db.dataSource;
    const { productId, path } = await product();
    for (let i = 0; i < 4; i++) await insertReservation(ds, productId, 's-black', 1);
    const batch = await notify(productId, 'reservation.ready', '2030-01-01T00:00:00.000Z');
    receiver.failFirst(2, 503);
    try {
      expect(await deliver(batch)).toEqual({ delivered: 4, failed: 0 });
    } finally {
      receiver.failFirst(0);
    }
    const got = receivedAt(path);
    expect(got.length).toBe(12);
    const accepted = new Set(got.filter((r) => r.answered === 200).map((r) => r.webhookId));
    expect(accepted.size).toBe(4);
    expect(got.filter((r) => r.answered === 200).length).toBe(4);
    expect((await shopEventRows(ds, batch.batchId)).map((r) => [r.status, r.attempts, r.last_error])).toEqual(Array(4).fill(['delivered', 3, null]));
  });

  it('stops at a 410 Gone at once: no retries, every event failed saying why, none sent after it', async () => {
    const ds = suite.db.dataSource;
    const { productId, path } = await product({ path: `/gone/${uniqueName('token')}` });
    for (let i = 0; i < 20; i++) await insertReservation(ds, productId, i % 2 ? 's-black' : 'm-black', 1);
    const batch = await notify(productId, 'reservation.ready', '2030-01-01T00:00:00.000Z');
    receiver.failAlways(410);
    try {
      expect(await deliver(batch)).toEqual({ delivered: 0, failed: 20 });
    } finally {
      receiver.failFirst(0);
    }
    const got = receivedAt(path);
    // Only the sends already in flight when the first 410 came back; none twice.
    expect(got.length).toBeLessThanOrEqual(SHOP_EVENT_CONCURRENCY);
    expect(new Set(got.map((r) => r.webhookId)).size).toBe(got.length);
    const rows = await shopEventRows(ds, batch.batchId);
    expect(rows.filter((r) => r.attempts > 0).length).toBe(got.length);
    for (const r of rows) {
      expect(r.status).toBe('failed');
      expect(r.last_error).toContain('answered 410');
      // The endpoint's path (a token) is not in the error.
      expect(r.last_error).not.toContain(path);
    }
  });

  it('stops at once when the guard refuses the shop\'s address: nothing sent, every event failed saying why', async () => {
    const ds = suite.db.dataSource;
    const productId = uniqueName('p').replace('_', '-');
    await insertProductRow(ds, productId, await insertInfluencer(ds));
    // On the receiver's own loopback address, but with credentials in the URL, which the guard refuses for good.
    const shop = await insertShop(ds, deps.secretBox, `http://shop:pa55word@127.0.0.1:${new URL(receiver.origin).port}/refused`);
    await sellThrough(ds, productId, shop.shopId);
    for (let i = 0; i < 12; i++) await insertReservation(ds, productId, 's-black', 1);
    const batch = await notify(productId, 'reservation.ready', '2030-01-01T00:00:00.000Z');

    expect(await deliver(batch)).toEqual({ delivered: 0, failed: 12 });
    expect(receivedAt('/refused')).toEqual([]);
    for (const r of await shopEventRows(ds, batch.batchId)) {
      expect(r.status).toBe('failed');
      expect(r.last_error).toContain('refused to deliver to http://127.0.0.1:');
      expect(r.last_error).toContain('carries a user name or password');
      expect(r.last_error).not.toContain('pa55word');
      // Only the first page's sends already under way when the refusal came back counted an attempt.
      expect(r.attempts).toBeLessThanOrEqual(1);
    }
  });

  it('fails the rest of a batch without more attempts when the shop takes nothing in a whole page', async () => {
    const ds = suite.db.dataSource;
    const { productId, path } = await product();
    await insertManyReservations(ds, productId, 12);
    const batch = await notify(productId, 'reservation.ready', '2030-01-01T00:00:00.000Z');
    receiver.failAlways(500);
    try {
      const counts = await deliver(batch, { retry: { ...QUICK, maxAttempts: 2 }, paging: { pageSize: 5, pagesPerRun: 10 } });
      expect(counts).toEqual({ delivered: 0, failed: 12 });
    } finally {
      receiver.failFirst(0);
    }
    // The first page's five events, twice each; the other seven never sent.
    expect(receivedAt(path).length).toBe(10);
    const rows = await shopEventRows(ds, batch.batchId);
    expect(rows.filter((r) => r.attempts === 2).length).toBe(5);
    expect(rows.filter((r) => r.attempts === 0 && r.last_error?.startsWith('not attempted: the shop accepted none')).length).toBe(7);
  });

  /** The history length of every run of the workflow, following its continue-as-new chain. */
  const runLengths = async (workflowId: string, firstRunId: string): Promise<number[]> => {
    const runs: number[] = [];
    let runId: string | undefined = firstRunId;
    while (runId) {
      const history: temporal.api.history.v1.IHistory = await suite.client.workflow.getHandle(workflowId, runId).fetchHistory();
      const events = history.events ?? [];
      runs.push(events.length);
      runId = events[events.length - 1]?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
    }
    return runs;
  };

  it('continues as new after its pages per run, carrying where it stands, each reservation delivered once', async () => {
    const ds = suite.db.dataSource;
    const { productId, path } = await product();
    await insertManyReservations(ds, productId, 45);
    const batch = await notify(productId, 'reservation.ready', '2030-01-01T00:00:00.000Z');
    const handle = await suite.client.workflow.start(SHOP_EVENTS_WORKFLOW_TYPE, {
      workflowId: shopEventsWorkflowId(batch.batchId),
      taskQueue: suite.worker.taskQueue,
      args: [{ batchId: batch.batchId, retry: QUICK, paging: { pageSize: 10, pagesPerRun: 2 } }],
    });
    expect(await handle.result()).toEqual({ delivered: 45, failed: 0 });
    // Five pages, two a run: runs of 2, 2 and 1 page, the last one finding no page left.
    expect(await runLengths(handle.workflowId, handle.firstExecutionRunId)).toHaveLength(3);
    const got = receivedAt(path);
    expect(got.length).toBe(45);
    expect(new Set(got.map((r) => r.webhookId)).size).toBe(45);
  });

  it('writes 10,000 reservations\' events in one statement and delivers them with a bounded history', async () => {
    const ds = suite.db.dataSource;
    const { productId, path } = await product();
    const count = 10_000;
    await insertManyReservations(ds, productId, count);
    const started = Date.now();
    const batch = await notify(productId, 'reservation.ready', '2030-01-01T00:00:00.000Z');
    // One INSERT … SELECT, not a statement per reservation.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(batch.events).toBe(count);
    expect(await heldUnits(ds, productId)).toEqual({ 's-black': count / 2, 'm-black': count / 2 });

    const handle = await suite.client.workflow.start(SHOP_EVENTS_WORKFLOW_TYPE, {
      workflowId: shopEventsWorkflowId(batch.batchId),
      taskQueue: suite.worker.taskQueue,
      args: [{ batchId: batch.batchId, retry: QUICK }],
    });
    expect(await handle.result()).toEqual({ delivered: count, failed: 0 });
    const accepted = receivedAt(path).filter((r) => r.answered === 200);
    expect(accepted.length).toBe(count);
    expect(new Set(accepted.map((r) => r.webhookId)).size).toBe(count);

    // 200 pages of 50, 40 a run: five full runs and a last one that finds nothing left, each history short.
    const runs = await runLengths(handle.workflowId, handle.firstExecutionRunId);
    expect(runs).toHaveLength(6);
    for (const length of runs) expect(length).toBeLessThan(SHOP_EVENT_PAGES_PER_RUN * 12);
  }, 300_000);
});
