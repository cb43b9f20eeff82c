// Suppliers are registered parties: staff register one with its outbound endpoint (the signing secret shown
// once, stored sealed), and a product's orders with it (a sample request, the production run) are sent to
// it signed, as is their cancellation when the product is cancelled. A request still retrying when its
// order is cancelled is withdrawn and its delivery workflow stopped: the supplier gets the cancellation
// once and never the request after it.
import { productWorkflowId, supplierEventWorkflowId } from '@app/domain';
import type { Client } from '@temporalio/client';
import { expectError, expectOk } from './e2e-helpers';
import type { IssuedSupplierDto, ProductDto, SupplierDto, SupplierEventDto } from '../support/api-types';
import { advanceTo, castInfluencer, createProduct, type Cast } from '../support/product-flow';
import { startReceiver, type Receiver, type Received } from '../support/receiver';
import { childStartsOf, completedRuns } from '../support/runs';
import { eventually, startTestEngine, temporalClient, type TestEngine } from '../support/stack';

jest.setTimeout(180_000);

interface SupplierMessage {
  type: string;
  timestamp: string;
  data: Record<string, unknown> & { orderId: string; productId: string; supplierId: string };
}

describe('suppliers', () => {
  let t: TestEngine;
  let client: Client;
  let receiver: Receiver;
  let cast: Cast;
  let supplier: IssuedSupplierDto;
  let registered = 0;
  beforeAll(async () => {
    // Attempts close together and many of them: a failing supplier endpoint keeps a request retrying.
    t = await startTestEngine({ DELIVERY_MAX_ATTEMPTS: '50', DELIVERY_RETRY_INITIAL: '200ms', DELIVERY_RETRY_MAX_INTERVAL: '1s', DELIVERY_TIMEOUT: '2s' });
    client = await temporalClient();
    receiver = await startReceiver();
    cast = await castInfluencer(t, 'supplier-sofia');
    supplier = await register('Atelier Nord');
  });
  afterAll(async () => {
    await receiver?.close();
    await client?.connection.close();
    await t?.stop();
  });

  /** A supplier whose endpoint is the receiver (its own path, verified with its own secret). */
  async function register(name: string): Promise<IssuedSupplierDto> {
    const path = `/hooks/supplier-${++registered}`;
    const created = expectOk(await t.http<IssuedSupplierDto>('POST', '/suppliers', { body: { name, outboundUrl: `${receiver.origin}${path}`, contactEmail: 'Orders@Nord.example' } }), 201);
    receiver.setSecret(created.outboundSecret, path);
    return created;
  }
  const act = async (productId: string, path: string, body: unknown = {}) => expectOk(await t.http<ProductDto>('POST', `/products/${productId}${path}`, { body }));
  const eventsOf = async (productId: string) => expectOk(await t.http<SupplierEventDto[]>('GET', `/products/${productId}/supplier-events`));
  /** What the supplier accepted for this product, in the order it accepted them. */
  const messagesFor = (productId: string): (Received & { message: SupplierMessage })[] =>
    [...receiver.accepted().values()].map((r) => ({ ...r, message: JSON.parse(r.body) as SupplierMessage })).filter((r) => r.message.data.productId === productId);
  const dueDate = () => new Date(Date.now() + 20 * 86_400_000).toISOString();

  it('registers a supplier with its secret shown once and stored sealed; refuses a duplicate name, a forbidden endpoint, and non-staff', async () => {
    expect(supplier).toMatchObject({ name: 'Atelier Nord', status: 'active', contactEmail: 'orders@nord.example', outboundUrl: `${receiver.origin}/…` });
    expect(supplier.outboundSecret).toMatch(/^whsec_/);
    const one = expectOk(await t.http<SupplierDto>('GET', `/suppliers/${supplier.id}`));
    expect(Object.keys(one).sort()).toEqual(['contactEmail', 'createdAt', 'id', 'name', 'outboundUrl', 'status']);
    expect(expectOk(await t.http<SupplierDto[]>('GET', '/suppliers')).map((s) => s.id)).toContain(supplier.id);
    const [row] = await t.db.dataSource.query<Record<string, string>[]>(`SELECT * FROM suppliers WHERE id = $1`, [supplier.id]);
    expect(row.outbound_secret_sealed).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(supplier.outboundSecret.slice(6, 26));

    expectError(await t.http('POST', '/suppliers', { body: { name: 'atelier NORD', outboundUrl: receiver.url } }), 409, { message: 'a supplier named "atelier NORD" is already registered' });
    expectError(await t.http('POST', '/suppliers', { body: { name: 'Far', outboundUrl: 'http://10.1.2.3/hook' } }), 422, { fields: ['outboundUrl'], message: 'cannot deliver to' });
    expectError(await t.http('POST', '/suppliers', { body: { name: 'No endpoint' } }), 422, { fields: ['outboundUrl'] });
    expectError(await t.http('POST', '/suppliers', { body: { name: 'Bad mail', outboundUrl: receiver.url, contactEmail: 'nope' } }), 422, { fields: ['contactEmail'] });
    expectError(await t.http('POST', '/suppliers', { key: cast.influencerKey, body: { name: 'x', outboundUrl: receiver.url } }), 403);
    expectError(await t.http('GET', '/suppliers', { key: null }), 401);
    expectError(await t.http('GET', '/suppliers/sup-nope'), 404);
  });

  it('sends a sample request and the production run to the supplier, signed, and their cancellation once when the product is cancelled', async () => {
    const productId = await createProduct(t, cast.influencerId);
    await advanceTo(t, cast, productId, 'SAMPLING');
    const due = dueDate();
    const requested = await act(productId, '/samples/requests', { supplierId: supplier.id, notes: 'size M, heavier silk', dueDate: due });
    expect(requested.pendingAction).toMatchObject({ by: 'staff', action: 'RECORD_SAMPLE', description: expect.stringContaining('when it arrives from Atelier Nord') as string });
    const [request] = await eventually('the sample request at the supplier', () => {
      const got = messagesFor(productId);
      return got.length === 1 ? got : undefined;
    });
    expect(request.verified).toBe(true);
    expect(request.message).toEqual({
      type: 'supplier.sample.requested',
      timestamp: expect.any(String) as string,
      data: expect.objectContaining({ orderId: `${productId}/sample-1`, productId, supplierId: supplier.id, notes: 'size M, heavier silk', dueDate: new Date(due).toISOString() }) as object,
    });

    // The sample that arrives closes the request and names its supplier.
    const recorded = await act(productId, '/samples', { notes: 'arrived, seams good' });
    expect(recorded.samples[0]).toMatchObject({ round: 1, supplier: 'Atelier Nord', supplierId: supplier.id, request: 1 });
    expectOk(await t.http('POST', `/products/${productId}/samples/1/review`, { key: cast.influencerKey, body: { decision: 'APPROVE' } }));

    // The order names one supplier, registered or by name, and a registered one must exist.
    expectError(await t.http('POST', `/products/${productId}/production`, { body: { supplierId: supplier.id, supplier: 'Mill', dueDate: due } }), 422, { fields: ['supplierId'], message: 'not both' });
    expectError(await t.http('POST', `/products/${productId}/production`, { body: { supplierId: 'sup-nope00000000', dueDate: due } }), 422, { fields: ['supplierId'], message: 'is not registered' });
    expectError(await t.http('POST', `/products/${productId}/production`, { body: { dueDate: due } }), 422, { fields: ['supplierId'] });
    await act(productId, '/production', { supplierId: supplier.id, quantity: 150, dueDate: due });
    await eventually('the production run at the supplier', () => messagesFor(productId).length === 2);
    expect(messagesFor(productId)[1].message).toMatchObject({ type: 'supplier.production.requested', data: { orderId: `${productId}/production`, quantity: 150 } });

    expectOk(await t.http<ProductDto>('POST', `/products/${productId}/cancel`, { body: { reason: 'the influencer left' } }));
    await client.workflow.getHandle(productWorkflowId(productId)).result();
    await eventually('the cancellation at the supplier', () => messagesFor(productId).length === 3);
    const cancellation = messagesFor(productId)[2];
    expect(cancellation.message).toMatchObject({ type: 'supplier.production.cancelled', data: { orderId: `${productId}/production`, reason: 'the influencer left' } });
    // Once: every request the receiver got for it carried the same webhook-id, and was answered once.
    expect(receiver.received.filter((r) => r.webhookId === cancellation.webhookId)).toHaveLength(1);

    // The supplier's answer is recorded just after it is received.
    const events = await eventually('every event recorded delivered', async () => {
      const all = await eventsOf(productId);
      return all.every((e) => e.status === 'delivered') ? all : undefined;
    });
    expect(events.map((e) => [e.orderRef, e.kind, e.status])).toEqual([
      ['sample-1', 'sample.requested', 'delivered'],
      ['production', 'production.requested', 'delivered'],
      ['production', 'production.cancelled', 'delivered'],
    ]);
    expect(events.every((e) => e.supplierName === 'Atelier Nord' && e.attempts === 1 && e.responseStatus === 200)).toBe(true);
    expect((await t.http<SupplierEventDto[]>('GET', `/suppliers/${supplier.id}/events?limit=2`)).body).toHaveLength(2);

    // Each event's delivery workflow was started once by the activity that wrote the event, not as a child of the
    // product's workflow (whose history would hold its start and its completion).
    expect(await childStartsOf(client, productWorkflowId(productId))).toHaveLength(0);
    const runs = await Promise.all(events.map((e) => completedRuns(client, supplierEventWorkflowId(e.id))));
    expect(runs.map((r) => ({ runs: r.length, parent: r[0].parentExecution ?? null }))).toEqual(events.map(() => ({ runs: 1, parent: null })));
  });

  it('withdraws a request still retrying when its product is cancelled: the supplier gets the cancellation once, never the request after it', async () => {
    const flaky = await register('Flaky Mill');
    const productId = await createProduct(t, cast.influencerId);
    await advanceTo(t, cast, productId, 'SAMPLING');
    receiver.failAlways(503);
    await act(productId, '/samples/requests', { supplierId: flaky.id, notes: 'first fit' });
    const retrying = await eventually('the request retrying', async () => {
      const [event] = await eventsOf(productId);
      return event?.status === 'pending' && event.attempts >= 2 ? event : undefined;
    });

    expectOk(await t.http<ProductDto>('POST', `/products/${productId}/cancel`, { body: { reason: 'fabric discontinued' } }));
    await client.workflow.getHandle(productWorkflowId(productId)).result();
    const withdrawn = await eventually('the request withdrawn and the cancellation written', async () => {
      const events = await eventsOf(productId);
      return events.length === 2 && events[0].status === 'cancelled' ? events : undefined;
    });
    expect(withdrawn.map((e) => [e.orderRef, e.kind])).toEqual([
      ['sample-1', 'sample.requested'],
      ['sample-1', 'sample.cancelled'],
    ]);
    expect(withdrawn[0].cancelledAt).not.toBeNull();
    const requestWorkflow = client.workflow.getHandle(supplierEventWorkflowId(retrying.id));
    const ended = await eventually('the request\'s delivery workflow to end', async () => {
      const status = (await requestWorkflow.describe()).status.name;
      return status === 'RUNNING' ? undefined : status;
    });
    expect(['CANCELLED', 'COMPLETED']).toContain(ended);
    const requestsBefore = receiver.requestsFor([retrying.id]);

    // The supplier's endpoint comes back: the cancellation goes out once, and the request never again.
    receiver.failFirst(0);
    await eventually('the cancellation delivered', async () => (await eventsOf(productId))[1].status === 'delivered');
    const accepted = messagesFor(productId);
    expect(accepted.map((m) => m.message.type)).toEqual(['supplier.sample.cancelled']);
    expect(receiver.requestsFor([retrying.id])).toBe(requestsBefore);
    expect((await eventsOf(productId))[0].status).toBe('cancelled');
  });

  it('refuses new orders with a disabled supplier', async () => {
    const gone = await register('Closed Workshop');
    const disabled = expectOk(await t.http<SupplierDto>('POST', `/suppliers/${gone.id}/disable`));
    expect(disabled.status).toBe('disabled');
    const productId = await createProduct(t, cast.influencerId);
    await advanceTo(t, cast, productId, 'SAMPLING');
    expectError(await t.http('POST', `/products/${productId}/samples/requests`, { body: { supplierId: gone.id } }), 422, { fields: ['supplierId'], message: 'is disabled' });
    expectError(await t.http('POST', `/products/${productId}/samples`, { body: { notes: 'no supplier' } }), 422, { message: 'a sample needs its supplier' });
    expectError(await t.http('POST', '/suppliers/sup-nope/disable'), 404);
  });
});
