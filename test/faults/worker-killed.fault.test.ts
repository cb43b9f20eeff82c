// Faults: a worker SIGKILLed in the middle of an activity and while products wait on timers, then a new
// worker started; two workers on one task queue, one killed under load; a worker killed while social
// updates are being delivered. Every product must reach its launch (ON_SALE) with each stage change, poll close and
// launch recorded exactly once, and every delivery must arrive, never as a second, different message.
import { addChannels, advanceTo, castInfluencer, createProduct, driveToLaunch } from '../support/product-flow';
import { startReceiver, type Receiver } from '../support/receiver';
import { freePort } from '../../libs/runtime';
import { eventually } from '../support/wait';
import { faultProduct, faultStackForSuite, report } from './fault-stack';
import { blockedOnRow, checkDeliveries, checkTimeline, holdProductRow, stageOf } from './read-model';

jest.setTimeout(240_000);

// Short attempts and retries, so a delivery caught by a kill is retried within seconds.
const FAST_DELIVERY = { DELIVERY_TIMEOUT: '2s', DELIVERY_RETRY_INITIAL: '200ms', DELIVERY_RETRY_MAX_INTERVAL: '1s', DELIVERY_MAX_ATTEMPTS: '20' };

describe('fault: worker killed', () => {
  const stack = faultStackForSuite();
  const receivers: Receiver[] = [];
  afterAll(() => Promise.all(receivers.map((r) => r.close())));

  // Every expected delivery recorded and delivered: an update whose writing the kill interrupted is written
  // by the next worker once the activity's attempt times out.
  const allDelivered = (ids: string[], expected: number) =>
    eventually(
      `all ${expected} deliveries to be delivered`,
      async () => {
        const [row] = await stack.db.query<{ total: number; delivered: number }[]>(
          `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'delivered')::int AS delivered FROM deliveries WHERE product_id = ANY($1)`,
          [ids],
        );
        return row.total === expected && row.delivered === expected;
      },
      120_000,
    );

  it('mid-activity and mid-timer: a new worker finishes every product, nothing twice', async () => {
    const workerA = await stack.startWorker('worker A');
    const api = await stack.startApi();
    const mia = await castInfluencer(api, 'mia');

    // Four products whose polls close by timer in a few seconds, and one whose close is caught mid-activity.
    const timed = await Promise.all(Array.from({ length: 4 }, () => createProduct(api, mia.influencerId, faultProduct(6_000))));
    const caught = await createProduct(api, mia.influencerId, faultProduct(3_600_000));

    // Hold the product's read-model row: the close's projection (a local activity) blocks on it.
    const row = await holdProductRow(stack.databaseUrl, caught);
    const closing = api.http('POST', `/products/${caught}/poll/close`).catch((err: Error) => ({ status: 0, body: err.message }));
    await blockedOnRow(stack.db, 'the activity to be blocked in PostgreSQL');
    await workerA.kill('SIGKILL');
    await row.release();
    // The poll timers pass while no worker runs.
    await eventually('the poll deadlines to pass', async () => (await stack.db.query<unknown[]>(`SELECT 1 FROM polls WHERE product_id = ANY($1) AND closes_at < now()`, [timed])).length === timed.length);

    await stack.startWorker('worker B');
    const answer = await closing;
    const products = [...timed, caught];
    for (const id of products) await eventually(`${id} to reach DESIGN`, async () => (await stageOf(stack.db, id)) === 'DESIGN', 60_000);
    await Promise.all(products.map((id) => driveToLaunch(api, mia, id, 1_500, 'DESIGN')));
    for (const id of products) await eventually(`${id} to launch`, async () => (await stageOf(stack.db, id)) === 'ON_SALE', 60_000);

    const checks = await Promise.all(products.map((id) => checkTimeline(stack.db, id)));
    const lost = checks.filter((c) => !c.launched).length;
    const duplicated = checks.reduce((t, c) => t + c.duplicated, 0);
    report({
      fault: 'worker SIGKILLed mid-activity and mid-timer, new worker',
      runs: 1,
      products: products.length,
      votes: 0,
      deliveries: 0,
      lost,
      duplicated,
      checked: `5 launched, timelines exact; blocked close answered ${answer.status}`,
    });
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    // The staff's close that was in flight is either answered or safely retryable, never a 500.
    expect([0, 200, 503]).toContain(answer.status);
  });

  it('two workers, one killed under load: the other finishes everything', async () => {
    const a = await stack.startWorker('worker A2', FAST_DELIVERY);
    // The survivor also serves its Temporal SDK metrics (METRICS_PORT), as a deployed worker does.
    const metricsPort = await freePort();
    await stack.startWorker('worker B2', { ...FAST_DELIVERY, METRICS_HOST: '127.0.0.1', METRICS_PORT: String(metricsPort) });
    const api = await stack.startApi('api 2');
    const leo = await castInfluencer(api, 'leo');
    const receiver = await startReceiver();
    receivers.push(receiver);
    await addChannels(api, leo.influencerId, receiver);
    const products = await Promise.all(Array.from({ length: 12 }, () => createProduct(api, leo.influencerId, faultProduct(3_600_000))));
    let killed = false;
    const moved = await Promise.all(
      products.map(async (id, i) => {
        await advanceTo(api, leo, id, 'DESIGN');
        if (i === 5 && !killed) {
          killed = true;
          await a.kill('SIGKILL');
        }
        // A request caught by the kill is retried, as a client does on 503. The launch is set well ahead: a
        // request that waited out the killed worker's task must still name a time in the future.
        for (let attempt = 0; ; attempt++) {
          try {
            await driveToLaunch(api, leo, id, 10_000, 'DESIGN');
            return true;
          } catch (err) {
            if (attempt >= 3 || !/got (503|409)/.test((err as Error).message)) throw err;
          }
        }
      }),
    ).catch((err: Error) => err);
    // An action refused for another reason than the kill fails here, with its own message.
    expect(moved instanceof Error ? moved.message : 'all moved').toBe('all moved');
    for (const id of products) await eventually(`${id} to launch`, async () => (await stageOf(stack.db, id)) === 'ON_SALE', 60_000);
    // Per product: 11 published updates to both channels, the approval alert and the withheld launch to the log.
    await allDelivered(products, products.length * (11 * 2 + 2));
    const checks = await Promise.all(products.map((id) => checkTimeline(stack.db, id)));
    const deliveries = await checkDeliveries(stack.db, products, receiver);
    const lost = checks.filter((c) => !c.launched).length + deliveries.lost;
    const duplicated = checks.reduce((t, c) => t + c.duplicated, 0) + deliveries.duplicated;
    report({
      fault: 'two workers, one SIGKILLed under load',
      runs: 1,
      products: products.length,
      votes: 0,
      deliveries: deliveries.deliveries,
      lost,
      duplicated,
      checked: `${products.length} launched, timelines exact, ${deliveries.deliveries} deliveries delivered, each webhook-id one body`,
    });
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    // What an operator sees of the survivor: it took workflow tasks, and how long they waited for it.
    const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(metrics).toMatch(/^temporal_workflow_task_schedule_to_start_latency_count\{[^}]*\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^temporal_worker_task_slots_available\{[^}]*worker_type="ActivityWorker"[^}]*\} \d+$/m);
  });

  it('mid-delivery: a new worker delivers everything, no webhook-id twice with a different body, none lost', async () => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    // Workers left by the tests above would take deliveries too; worker A3 must be the only one.
    await stack.killWorkers();
    const workerA = await stack.startWorker('worker A3', FAST_DELIVERY);
    const api = await stack.startApi('api 3');
    const ana = await castInfluencer(api, 'ana');
    await addChannels(api, ana.influencerId, receiver);

    // The receiver takes the requests but does not answer: the delivery activities wait inside their POST.
    receiver.hold();
    const products = await Promise.all(Array.from({ length: 6 }, () => createProduct(api, ana.influencerId, faultProduct(3_600_000))));
    await Promise.all(products.map((id) => advanceTo(api, ana, id, 'DESIGN')));
    await eventually('deliveries in flight at the receiver', () => receiver.held() >= 6, 30_000);
    const inFlight = receiver.held();
    await workerA.kill('SIGKILL');
    receiver.release();

    await stack.startWorker('worker B3', FAST_DELIVERY);
    // Per product: the poll's opening and result, each to the webhook and the log channel.
    await allDelivered(products, products.length * 2 * 2);
    const deliveries = await checkDeliveries(stack.db, products, receiver);
    // Deliveries the kill caught: the receiver saw them more than once, always the same body under one id.
    const requests = new Map<string, number>();
    for (const r of receiver.received) requests.set(r.webhookId, (requests.get(r.webhookId) ?? 0) + 1);
    const resent = [...requests.values()].filter((n) => n > 1).length;
    report({
      fault: 'worker SIGKILLed mid-delivery, new worker',
      runs: 1,
      products: products.length,
      votes: 0,
      deliveries: deliveries.deliveries,
      lost: deliveries.lost,
      duplicated: deliveries.duplicated,
      checked: `${inFlight} POSTs in flight at the kill, ${resent} re-sent by the new worker with the same webhook-id and body; ${deliveries.deliveries} delivered`,
    });
    expect(resent).toBeGreaterThanOrEqual(inFlight); // every POST the kill cut off was sent again
    expect(deliveries.deliveries).toBe(products.length * 2 * 2); // poll opened + result, webhook + log
    expect(deliveries.lost).toBe(0);
    expect(deliveries.duplicated).toBe(0);
  });
});
