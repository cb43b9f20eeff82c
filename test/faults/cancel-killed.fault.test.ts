// Fault: the worker SIGKILLed in the middle of a cancelled product's compensation. Products whose social
// deliveries are retrying against a failing receiver are cancelled while their deliveries' rows are held, so
// the compensation's withdrawal waits in PostgreSQL when the worker dies; a new worker finishes it. Every
// delivery that had not gone out ends withdrawn, every delivery workflow retrying one is stopped once, and
// the receiver gets nothing more.
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { productWorkflowId } from '../../libs/domain';
import { compensationOf, deliveryWorkflowEnd, requestsWhileRetrying } from '../support/compensation';
import { addChannels, castInfluencer, createProduct } from '../support/product-flow';
import { startReceiver, type Receiver } from '../support/receiver';
import { eventually } from '../support/wait';
import { faultProduct, faultStackForSuite, report } from './fault-stack';

jest.setTimeout(240_000);

// Retries far apart enough to be caught retrying, and many of them: nothing but the compensation stops them.
const RETRYING = { DELIVERY_TIMEOUT: '2s', DELIVERY_RETRY_INITIAL: '200ms', DELIVERY_RETRY_MAX_INTERVAL: '1s', DELIVERY_MAX_ATTEMPTS: '60' };

describe('fault: worker killed mid-compensation', () => {
  const stack = faultStackForSuite();
  let receiver: Receiver;
  let client: Client;
  beforeAll(async () => {
    receiver = await startReceiver();
    client = new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
  });
  afterAll(async () => {
    await receiver?.close();
    await client?.connection.close();
  });

  it('a new worker finishes the withdrawal: every pending delivery cancelled, each delivery workflow stopped once, nothing posted after', async () => {
    const workerA = await stack.startWorker('worker A (compensation)', RETRYING);
    const api = await stack.startApi();
    const cast = await castInfluencer(api, 'cora');
    await addChannels(api, cast.influencerId, receiver);
    receiver.failAlways(503);

    const products = await Promise.all(Array.from({ length: 3 }, () => createProduct(api, cast.influencerId, faultProduct(3_600_000))));
    type Row = { id: string; update_id: string; attempts: number; status: string };
    const webhookRows = () =>
      stack.db.query<Row[]>(
        `SELECT d.id, d.update_id, d.attempts, d.status FROM deliveries d JOIN channels c ON c.id = d.channel_id WHERE d.product_id = ANY($1) AND c.kind = 'webhook' ORDER BY d.id`,
        [products],
      );
    const retrying = await eventually(
      'every product\'s webhook delivery retrying',
      async () => {
        const rows = await webhookRows();
        return rows.length === products.length && rows.every((r) => r.status === 'pending' && r.attempts >= 2) ? rows : undefined;
      },
      30_000,
    );

    // Hold the deliveries' rows: the compensation's withdrawal (one UPDATE) waits on them.
    const locker = new PgClient({ connectionString: stack.databaseUrl });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('SELECT 1 FROM deliveries WHERE product_id = ANY($1) FOR UPDATE', [products]);
    for (const id of products) expect((await api.http('POST', `/products/${id}/cancel`, { body: { reason: 'the mill closed' } })).status).toBe(200);
    await eventually('the withdrawal to wait in PostgreSQL', async () => (await stack.db.query<unknown[]>(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%SET status = ''cancelled''%'`)).length > 0);
    await workerA.kill('SIGKILL');
    await locker.query('ROLLBACK');
    await locker.end();

    await stack.startWorker('worker B (compensation)', RETRYING);
    for (const id of products) await client.workflow.getHandle(productWorkflowId(id)).result();

    const after = await webhookRows();
    const withdrawn = after.filter((r) => retrying.some((x) => x.id === r.id) && r.status === 'cancelled').length;
    // Each product's compensation stopped each of its delivery workflows once, and they ended cancelled.
    let stops = 0;
    let stoppedTwice = 0;
    for (const id of products) {
      const { stopped } = await compensationOf(client, id);
      stops += stopped.length;
      stoppedTwice += stopped.length - new Set(stopped).size;
    }
    // Stopped, or completed when an attempt found its delivery withdrawn before the stop request came.
    for (const r of retrying) expect(['CANCELLED', 'COMPLETED']).toContain(await deliveryWorkflowEnd(client, r.update_id, 30_000));
    // Nothing more arrives for them while the cancellations' own webhook deliveries (failed too) are tried again.
    const ids = retrying.map((r) => r.id);
    const seen = receiver.requestsFor(ids);
    const [own] = await stack.db.query<{ id: string }[]>(
      `SELECT d.id FROM deliveries d JOIN social_updates u ON u.id = d.update_id JOIN channels c ON c.id = d.channel_id
       WHERE d.product_id = $1 AND u.event = 'PRODUCT_CANCELLED' AND c.kind = 'webhook'`,
      [products[0]],
    );
    const postedAfter = await requestsWhileRetrying(receiver, ids, own.id, 30_000);
    report({
      fault: 'worker SIGKILLed mid-compensation (cancel), new worker',
      runs: 1,
      products: products.length,
      votes: 0,
      deliveries: retrying.length,
      lost: retrying.length - withdrawn,
      duplicated: stoppedTwice,
      checked: `${withdrawn} retrying deliveries withdrawn, ${stops} delivery workflows stopped once each, none posted after (${seen} requests before)`,
    });
    expect(withdrawn).toBe(retrying.length);
    expect(stops).toBe(products.length);
    expect(stoppedTwice).toBe(0);
    expect(postedAfter).toBe(0);
  });
});
