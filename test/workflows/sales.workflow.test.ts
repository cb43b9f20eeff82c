// The demand gate and the sales loop on a real Temporal dev server with a real worker and PostgreSQL:
// POLL → DEMAND (reservations in the database, the goal-reached signal) → … → ON_SALE (stock, the
// reservation hold, sell-outs, a restock approved and shipped) → ENDED; a product parked below its goal and
// overridden; one cancelled below its goal that releases its reservations; a run that continues as new.
// Each product sells through a shop of its own whose outbound endpoint is a loopback receiver: the engine's
// own activities write the reservation events (and change the reservations' status) and the delivery
// workflows the product starts send them, signed with the shop's outbound secret.
import {
  approveRestock,
  cancelProduct,
  closeDemand,
  closePoll,
  demandGoalReached,
  endSales,
  getProduct,
  InfluencerIdKey,
  overrideDemand,
  PRODUCT_WORKFLOW_TYPE,
  productWorkflowId,
  ProductStageKey,
  recordMilestone,
  recordRestockMilestone,
  recordSample,
  reviewDesign,
  reviewSample,
  salesReported,
  scheduleLaunch,
  startProduction,
  submitDesign,
  type ActionRequest,
  type ActionResult,
  type Actor,
  type LifecycleRules,
  type ProductLifecycleWorkflow,
  type ProductView,
  type ProductWorkflowInput,
  type VariantStock,
} from '../../libs/domain';
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { socialActivityDeps } from '../../apps/worker/src/worker';
import { executeUpdateRetrying } from '../../apps/api/src/common/update-retry';
import { startReceiver, type Receiver } from '../support/receiver';
import { insertShop, reservationStatuses } from '../support/shop-events';
import { createTestDatabase, eventually, startTestWorker, temporalClient, testConfig, uniqueName, type TestDatabase, type TestWorker } from '../support/stack';
import { insertInfluencer, QUICK_RULES, STAFF, timelineTypes, vote } from '../support/workflow-harness';

jest.setTimeout(90_000);

const MILESTONES = ['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK', 'SHIPPED'] as const;
const SELLING_RULES: Partial<LifecycleRules> = {
  demandGoal: { minimumUnits: 5, windowMs: 3_600_000, safetyFactor: 0.2 },
  sales: { restockThreshold: 0.5, restockCoverDays: 14, restockMinimumUnits: 5, reservationHoldMs: 1_500 },
};

interface Selling {
  productId: string;
  /** Where the product's shop receives its events on the receiver. */
  shopPath: string;
  handle: WorkflowHandle<ProductLifecycleWorkflow>;
  act<I>(update: UpdateDefinition<ActionResult, [ActionRequest<I>]>, input: I, actor?: Actor): Promise<ProductView>;
}

async function startSelling(client: Client, ds: DataSource, taskQueue: string, receiver: Receiver, rules: Partial<LifecycleRules> = {}): Promise<Selling> {
  const influencerId = await insertInfluencer(ds);
  const productId = uniqueName('p').replace('_', '-');
  // Sealed with the worker's key (the test config's), as shop registration seals it.
  const shopPath = `/shops/${productId}/events`;
  const shop = await insertShop(ds, socialActivityDeps(testConfig(), () => 'http://share.test').secretBox, `${receiver.origin}${shopPath}`);
  receiver.setSecret(shop.outboundSecret, shopPath);
  const input: ProductWorkflowInput = {
    productId,
    influencerId,
    name: 'Test dress',
    targetKeyword: 'linen dress',
    poll: { question: 'Which?', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], closesAt: new Date(Date.now() + 3_600_000).toISOString(), minVotes: 0 },
    rules: { ...QUICK_RULES, ...SELLING_RULES, ...rules },
    variants: [{ id: 's', label: 'S' }, { id: 'm', label: 'M' }],
    shopId: shop.shopId,
    createdBy: STAFF,
  };
  const handle = await client.workflow.start<ProductLifecycleWorkflow>(PRODUCT_WORKFLOW_TYPE, {
    workflowId: productWorkflowId(productId),
    taskQueue,
    args: [input],
    typedSearchAttributes: [
      { key: ProductStageKey, value: 'POLL' },
      { key: InfluencerIdKey, value: influencerId },
    ],
  });
  await eventually('the product row', async () => (await ds.query<unknown[]>('SELECT 1 FROM products WHERE id = $1', [productId])).length === 1);
  const influencer: Actor = { kind: 'influencer', id: influencerId };
  return {
    productId,
    shopPath,
    handle,
    act: async (update, actionInput, actor) => {
      await executeUpdateRetrying(handle, update, [{ actor: actor ?? (update.name.startsWith('review') ? influencer : STAFF), input: actionInput }]);
      return handle.query(getProduct);
    },
  };
}

/** Reservations as intake stores them: `fans` fans each reserving `units` of the variant. */
async function reserve(ds: DataSource, productId: string, variantId: string, fans: number, units = 1): Promise<void> {
  for (let i = 0; i < fans; i++) {
    const fan = uniqueName('fan');
    await ds.query(
      `INSERT INTO reservations (id, code, product_id, variant_id, quantity, platform, platform_user_id, platform_user_id_raw, via, source_id, webhook_id)
       VALUES ($1, $2, $3, $4, $5, 'tiktok', $6, $7, 'fan', 'src-test', $8)`,
      [uniqueName('r'), uniqueName('c').slice(0, 12), productId, variantId, units, fan, fan, uniqueName('msg')],
    );
  }
}

const dueDate = () => new Date(Date.now() + 86_400_000).toISOString();

async function designToLaunch(p: Selling): Promise<void> {
  await p.act(submitDesign, { title: 'v1', description: 'd', imageUrls: [] });
  await p.act(reviewDesign, { round: 1, decision: 'APPROVE' });
  await p.act(recordSample, { supplier: 'Mill', notes: '', photoUrls: [] });
  await p.act(reviewSample, { round: 1, decision: 'APPROVE' });
  await p.act(startProduction, { supplier: 'Mill', dueDate: dueDate() });
  for (const milestone of MILESTONES) await p.act(recordMilestone, { milestone });
}

function stock(rows: Record<string, [produced: number, sold: number, unitsPerDay: number]>): VariantStock[] {
  return Object.entries(rows).map(([variantId, [produced, sold, unitsPerDay]]) => ({ variantId, produced, sold, returned: 0, available: produced - sold, unitsPerDay }));
}

describe('product workflow: demand gate and sales', () => {
  let db: TestDatabase;
  let client: Client;
  let worker: TestWorker;
  let receiver: Receiver;
  beforeAll(async () => {
    db = await createTestDatabase();
    client = await temporalClient();
    worker = await startTestWorker(db.dataSource);
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await worker?.stop();
    await client?.connection.close();
    await db?.close();
    await receiver?.close();
  });
  const start = (rules?: Partial<LifecycleRules>) => startSelling(client, db.dataSource, worker.taskQueue, receiver, rules);
  const windowOf = async (productId: string) =>
    (await db.dataSource.query<{ status: string; minimum_units: number }[]>('SELECT status, minimum_units FROM demand_windows WHERE product_id = $1', [productId]))[0];
  const stockOf = async (productId: string) =>
    db.dataSource.query<{ variant_id: string; produced: number; held: number }[]>('SELECT variant_id, produced, held FROM variant_stock WHERE product_id = $1 ORDER BY variant_id', [productId]);
  /** The product's shop events per batch, in the order the batches were written: kind, events, how many delivered. */
  const batchesOf = async (productId: string) =>
    db.dataSource.query<{ kind: string; events: number; delivered: number }[]>(
      `SELECT kind, count(*)::int AS events, (count(*) FILTER (WHERE status = 'delivered'))::int AS delivered
       FROM shop_events WHERE product_id = $1 GROUP BY batch_id, kind ORDER BY min(created_at)`,
      [productId],
    );
  /** The events the shop accepted, verified with its outbound secret: each one's type and reservation code. */
  const receivedBy = (p: Selling) =>
    [...receiver.accepted().values()]
      .filter((r) => r.path === p.shopPath && r.verified)
      .map((r) => JSON.parse(r.body) as { type: string; data: { reservationCode: string } })
      .map((b) => ({ type: b.type, code: b.data.reservationCode }));
  const codesOf = async (productId: string) =>
    (await db.dataSource.query<{ code: string }[]>('SELECT code FROM reservations WHERE product_id = $1 ORDER BY code', [productId])).map((r) => r.code);
  const sorted = <T extends { type: string; code: string }>(rows: T[]) => [...rows].sort((a, b) => (a.type + a.code).localeCompare(b.type + b.code));

  it('takes a product from its poll through reservations, launch, a restock and back in stock to ENDED', async () => {
    const p = await start();
    await vote(db.dataSource, p.productId, 'b', 3);
    const demand = await p.act(closePoll, {});
    expect(demand.stage).toBe('DEMAND');
    expect(demand.demand).toMatchObject({ status: 'OPEN', goal: { minimumUnits: 5 } });
    expect(await windowOf(p.productId)).toEqual({ status: 'OPEN', minimum_units: 5 });

    await reserve(db.dataSource, p.productId, 's', 3);
    await reserve(db.dataSource, p.productId, 'm', 1, 3);
    await p.handle.signal(demandGoalReached, { totalUnits: 6 });
    await p.handle.signal(demandGoalReached, { totalUnits: 6 });
    // Too early for sales: ignored without an event.
    await p.handle.signal(salesReported, { at: new Date().toISOString(), variants: stock({ s: [1, 1, 1] }) });
    await eventually('the goal reached', async () => (await timelineTypes(db.dataSource, p.productId)).includes('DEMAND_GOAL_REACHED'));

    const met = await p.act(closeDemand, {});
    expect(met.stage).toBe('DESIGN');
    // ceil(3 × 1.2) = 4 S, ceil(3 × 1.2) = 4 M
    expect(met.demand).toMatchObject({ status: 'MET', suggested: [{ variantId: 's', units: 4 }, { variantId: 'm', units: 4 }], lastTally: { totalUnits: 6, reservations: 4 } });
    expect(await windowOf(p.productId)).toMatchObject({ status: 'MET' });

    await designToLaunch(p);
    expect((await p.handle.query(getProduct)).production.run).toMatchObject({ quantity: 8, quantities: [{ variantId: 's', units: 4 }, { variantId: 'm', units: 4 }] });
    await p.act(scheduleLaunch, { launchAt: new Date(Date.now() + 500).toISOString() });
    const onSale = await eventually('ON_SALE', async () => {
      const view = await p.handle.query(getProduct);
      return view.stage === 'ON_SALE' ? view : undefined;
    });
    expect(onSale.sales).toMatchObject({ produced: [{ variantId: 's', units: 4 }, { variantId: 'm', units: 4 }], holdUntil: expect.any(String) as string });
    expect((await p.handle.describe()).searchAttributes.ProductStage).toEqual(['ON_SALE']);
    await eventually('the stock written with the hold', async () => JSON.stringify(await stockOf(p.productId)) === JSON.stringify([
      { variant_id: 'm', produced: 4, held: 3 },
      { variant_id: 's', produced: 4, held: 3 },
    ]));
    // The hold ends on its timer: the shop is told (expired) and the held units go back to sale.
    await eventually('the hold to end', async () => (await timelineTypes(db.dataSource, p.productId)).includes('RESERVATION_HOLD_ENDED'));
    await eventually('the held units released', async () => (await stockOf(p.productId)).every((r) => r.held === 0));
    // Told twice, one signed event per reservation each time: ready at launch, expired when the hold ended.
    // (An event is marked delivered once the shop has answered, so the receiver has it by then.)
    await eventually('both batches delivered', async () => {
      const batches = await batchesOf(p.productId);
      return batches.length === 2 && batches.every((b) => b.delivered === b.events);
    });
    expect(await batchesOf(p.productId)).toEqual([
      { kind: 'reservation.ready', events: 4, delivered: 4 },
      { kind: 'reservation.expired', events: 4, delivered: 4 },
    ]);
    const codes = await codesOf(p.productId);
    expect(sorted(receivedBy(p))).toEqual(sorted([...codes.map((code) => ({ type: 'reservation.ready', code })), ...codes.map((code) => ({ type: 'reservation.expired', code }))]));
    expect(receiver.received.filter((r) => r.path === p.shopPath).every((r) => r.verified)).toBe(true);
    expect(await reservationStatuses(db.dataSource, p.productId)).toEqual({ expired: 4 });

    await p.handle.signal(salesReported, { at: new Date().toISOString(), variants: stock({ s: [4, 4, 2], m: [4, 1, 0.5] }) });
    const proposed = await eventually('the restock proposal', async () => {
      const view = await p.handle.query(getProduct);
      return view.sales?.restocks.length ? view : undefined;
    });
    expect(proposed.sales).toMatchObject({ soldOut: ['s'], restocks: [{ number: 1, status: 'PROPOSED', sellThrough: 0.625, suggested: [{ variantId: 's', units: 28 }, { variantId: 'm', units: 7 }] }] });
    expect(proposed.pendingAction).toMatchObject({ by: 'staff', action: 'APPROVE_RESTOCK' });

    await p.act(approveRestock, { quantities: [{ variantId: 's', units: 10 }, { variantId: 'm', units: 2 }], supplier: 'Mill', dueDate: dueDate() });
    for (const milestone of MILESTONES) await p.act(recordRestockMilestone, { milestone });
    const restocked = await p.handle.query(getProduct);
    expect(restocked.sales).toMatchObject({ soldOut: [], produced: [{ variantId: 's', units: 14 }, { variantId: 'm', units: 6 }], restocks: [{ status: 'SHIPPED' }] });
    expect(await stockOf(p.productId)).toEqual([
      { variant_id: 'm', produced: 6, held: 0 },
      { variant_id: 's', produced: 14, held: 0 },
    ]);

    await p.act(endSales, { reason: 'collection retired' });
    const result = await p.handle.result();
    expect(result.stage).toBe('ENDED');
    const types = await timelineTypes(db.dataSource, p.productId);
    for (const type of ['DEMAND_OPENED', 'DEMAND_MET', 'LAUNCHED', 'SOLD_OUT', 'RESTOCK_PROPOSED', 'RESTOCK_APPROVED', 'RESTOCK_MILESTONE', 'BACK_IN_STOCK', 'SALES_ENDED']) {
      expect(types).toContain(type);
    }
    expect(types.filter((t) => t === 'DEMAND_GOAL_REACHED')).toHaveLength(1);
    const [row] = await db.dataSource.query<{ stage: string; seq: number }[]>('SELECT stage, seq FROM products WHERE id = $1', [p.productId]);
    expect(row).toEqual({ stage: 'ENDED', seq: result.seq });
  });

  it('parks a product below its goal until staff override it with a reason', async () => {
    const p = await start();
    await p.act(closePoll, {});
    await reserve(db.dataSource, p.productId, 'm', 2);
    const parked = await p.act(closeDemand, {});
    expect(parked).toMatchObject({ stage: 'DEMAND', demand: { status: 'AWAITING_DECISION', lastTally: { totalUnits: 2 } }, pendingAction: { by: 'staff' } });
    expect(await windowOf(p.productId)).toMatchObject({ status: 'AWAITING_DECISION' });
    const overridden = await p.act(overrideDemand, { reason: 'the influencer backs it' });
    expect(overridden).toMatchObject({ stage: 'DESIGN', demand: { status: 'OVERRIDDEN', suggested: [{ variantId: 's', units: 0 }, { variantId: 'm', units: 3 }] } });
    await p.handle.terminate('test done');
  });

  it('releases the reservations of a product cancelled in DEMAND, telling the shop', async () => {
    const p = await start();
    await p.act(closePoll, {});
    await reserve(db.dataSource, p.productId, 's', 2, 2);
    // Cancelled while the window is open: the reservations are counted first, then released.
    await p.act(cancelProduct, { reason: 'brand paused' });
    const result = await p.handle.result();
    expect(result).toMatchObject({ stage: 'CANCELLED', demand: { status: 'RELEASED', lastTally: { reservations: 2, totalUnits: 4 } } });
    const types = await timelineTypes(db.dataSource, p.productId);
    expect(types.slice(-2)).toEqual(['RESERVATIONS_RELEASED', 'CANCELLED']);
    expect(await windowOf(p.productId)).toMatchObject({ status: 'RELEASED' });
    expect(await reservationStatuses(db.dataSource, p.productId)).toEqual({ released: 2 });
    // The shop is told of each released reservation once, signed with its outbound secret.
    await eventually('the batch delivered', async () => JSON.stringify(await batchesOf(p.productId)) === JSON.stringify([{ kind: 'reservation.released', events: 2, delivered: 2 }]));
    const codes = await codesOf(p.productId);
    expect(sorted(receivedBy(p))).toEqual(sorted(codes.map((code) => ({ type: 'reservation.released', code }))));
  });

  it('carries DEMAND and ON_SALE state across continue-as-new', async () => {
    // Low enough that the run continues as new before the restock is proposed (the run's first task alone has
    // about ten events since its patches are one marker).
    const p = await start({ runEventLimit: 80 });
    const firstRun = (await p.handle.describe()).runId;
    await p.act(closePoll, {});
    await reserve(db.dataSource, p.productId, 's', 5);
    await p.act(closeDemand, {});
    await designToLaunch(p);
    await p.act(scheduleLaunch, { launchAt: new Date(Date.now() + 300).toISOString() });
    await eventually('ON_SALE', async () => (await p.handle.query(getProduct)).stage === 'ON_SALE');
    await p.handle.signal(salesReported, { at: new Date().toISOString(), variants: stock({ s: [6, 6, 1] }) });
    await eventually('the restock proposal', async () => (await p.handle.query(getProduct)).sales?.restocks.length === 1);
    expect((await p.handle.describe()).runId).not.toBe(firstRun);
    const view = await p.act(endSales, { reason: 'done' });
    expect(view.stage).toBe('ENDED');
    const result = await p.handle.result();
    expect(result).toMatchObject({ stage: 'ENDED', demand: { status: 'MET' }, sales: { restocks: [{ number: 1, status: 'CANCELLED', reason: 'done' }], ended: { reason: 'done' } } });
    const seqs = await db.dataSource.query<{ seq: number }[]>('SELECT seq FROM timeline_events WHERE product_id = $1 ORDER BY seq', [p.productId]);
    expect(seqs.map((r) => r.seq)).toEqual(seqs.map((_, i) => i + 1));
  });
});
