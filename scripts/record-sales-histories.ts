// The history recorder's products of the demand gate and the sales loop (from v6): one through DEMAND (the
// goal-reached signal, reservations counted at the close) to ON_SALE (the reservation hold, stock reports,
// a restock approved and shipped, a second one proposed) and ended; one parked below its goal, extended and
// cancelled while the window is open (its reservations released); from v8, one whose goal was met, cancelled
// in SAMPLING (the reservations held for its launch released). Used by record-histories.ts.
//
// They run on a worker of their own with the engine's activities, and sell through a shop whose outbound
// endpoint is a loopback receiver started here: the histories hold real batches of reservation events and
// the delivery workflows that send them. The receiver refuses each event's first attempt, so the recorded
// delivery workflow (shop-event-delivery-retried) holds a retried page.

import {
  approveRestock,
  cancelProduct,
  closeDemand,
  closePoll,
  demandGoalReached,
  endSales,
  extendDemand,
  getProduct,
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
  type ShopEventDeliveryWorkflow,
  type ProductWorkflowInput,
  shopEventsWorkflowId,
} from '@app/domain';
import type { AppConfig } from '@app/config';
import { ShopRepository } from '@app/database';
import { generateWebhookSecret, shopOutboundSecretContext } from '@app/webhooks';
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { NativeConnection } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { createEngineWorker, prebuiltBundlePath, socialActivityDeps } from '../apps/worker/src/worker';

export interface SalesRecording {
  client: Client;
  dataSource: DataSource;
  config: AppConfig;
  temporalAddress: string;
  label: string;
  staff: Actor;
  influencer: Actor;
  /** Starts a product on the given task queue with these rules and inputs over the recorder's defaults. */
  start(productId: string, over: Partial<ProductWorkflowInput['rules']>, extra: Partial<ProductWorkflowInput>, taskQueue: string): Promise<WorkflowHandle>;
  waitFor(what: string, sql: string, params: unknown[]): Promise<void>;
}

const MILESTONES = ['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK', 'SHIPPED'] as const;

export async function recordSalesProducts(r: SalesRecording): Promise<[string, WorkflowHandle][]> {
  const taskQueue = `${r.config.temporal.taskQueue}-sales`;
  const social = socialActivityDeps(r.config, () => 'http://127.0.0.1');
  // The shop's endpoint: refuses each event's first attempt (the page is retried), then takes it.
  const attempts = new Map<string, number>();
  const receiver = createServer((req, res) => {
    const id = String(req.headers['webhook-id']);
    attempts.set(id, (attempts.get(id) ?? 0) + 1);
    req.resume();
    req.on('end', () => res.writeHead(attempts.get(id)! > 1 ? 200 : 503).end());
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const shopId = 'shop-recorder';
  await new ShopRepository(r.dataSource).insert({
    id: shopId,
    name: 'Recorder shop',
    kind: 'standard',
    inboundSecretSealed: social.secretBox.seal(generateWebhookSecret(), `shop-inbound:${shopId}`),
    outboundUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/shop-events`,
    outboundSecretSealed: social.secretBox.seal(generateWebhookSecret(), shopOutboundSecretContext(shopId)),
  });
  const connection = await NativeConnection.connect({ address: r.temporalAddress });
  const worker = await createEngineWorker({
    connection,
    namespace: r.config.temporal.namespace,
    taskQueue,
    dataSource: r.dataSource,
    workflowBundlePath: prebuiltBundlePath(),
    social,
  });
  const running = worker.run();
  try {
    const act = <I>(handle: WorkflowHandle, update: UpdateDefinition<ActionResult, [ActionRequest<I>]>, input: I, actor: Actor = r.staff) =>
      handle.executeUpdate(update, { args: [{ actor, input }] });
    const reserve = async (productId: string, variantId: string, fans: string[], units = 1) => {
      for (const fan of fans) {
        await r.dataSource.query(
          `INSERT INTO reservations (id, code, product_id, variant_id, quantity, platform, platform_user_id, platform_user_id_raw, via, source_id, webhook_id)
           VALUES ($1, $2, $3, $4, $5, 'x', $6, $7, 'fan', 'src-recorder', $8)`,
          [`rsv-${randomBytes(8).toString('hex')}`, `C${Math.random().toString(36).slice(2, 12)}`, productId, variantId, units, fan, fan, `msg-${productId}-${variantId}-${fan}`],
        );
      }
    };
    // The recorder's polls need one vote.
    const closeWithAVote = async (handle: WorkflowHandle, productId: string) => {
      await r.dataSource.query(
        `INSERT INTO votes (product_id, option_id, platform, platform_user_id, platform_user_id_raw, occurred_at) VALUES ($1, 'a', 'x', 'fan-1', 'fan-1', now())`,
        [productId],
      );
      await act(handle, closePoll, {});
    };
    const stageIs = async (handle: WorkflowHandle, stage: string) => {
      for (let i = 0; i < 200; i++) {
        if ((await handle.query(getProduct)).stage === stage) return;
        await new Promise((res) => setTimeout(res, 50));
      }
      throw new Error(`timed out waiting for ${stage}`);
    };
    const selling = {
      demandGoal: { minimumUnits: 4, windowMs: 3_600_000, safetyFactor: 0.2 },
      sales: { restockThreshold: 0.5, restockCoverDays: 14, restockMinimumUnits: 5, reservationHoldMs: 1_000 },
    };
    const variants = { variants: [{ id: 's', label: 'S', sku: `REC-S-${r.label}` }, { id: 'm', label: 'M' }], shopId };
    const at = () => new Date().toISOString();

    const salesId = `p-recorded-sales-${r.label}`;
    const sales = await r.start(salesId, selling, variants, taskQueue);
    await closeWithAVote(sales, salesId);
    await reserve(salesId, 's', ['fan-1', 'fan-2']);
    await reserve(salesId, 'm', ['fan-3'], 2);
    await sales.signal(demandGoalReached, { totalUnits: 4 });
    await r.waitFor('the goal reached', `SELECT 1 FROM timeline_events WHERE product_id = $1 AND type = 'DEMAND_GOAL_REACHED'`, [salesId]);
    await act(sales, closeDemand, {});
    await act(sales, submitDesign, { title: 'v1', description: 'first', imageUrls: [] });
    await act(sales, reviewDesign, { round: 1, decision: 'APPROVE' }, r.influencer);
    await act(sales, recordSample, { supplier: 'Mill', notes: 'good', photoUrls: [] });
    await act(sales, reviewSample, { round: 1, decision: 'APPROVE' }, r.influencer);
    await act(sales, startProduction, { supplier: 'Mill', dueDate: new Date(Date.now() + 86_400_000).toISOString() });
    for (const milestone of MILESTONES) await act(sales, recordMilestone, { milestone });
    await act(sales, scheduleLaunch, { launchAt: new Date(Date.now() + 2_000).toISOString() });
    await stageIs(sales, 'ON_SALE');
    await r.waitFor('the hold to end', `SELECT 1 FROM timeline_events WHERE product_id = $1 AND type = 'RESERVATION_HOLD_ENDED'`, [salesId]);
    const stock = (s: [number, number], m: [number, number]) => [
      { variantId: 's', produced: s[0], sold: s[1], returned: 0, available: s[0] - s[1], unitsPerDay: 1 },
      { variantId: 'm', produced: m[0], sold: m[1], returned: 0, available: m[0] - m[1], unitsPerDay: 0.5 },
    ];
    await sales.signal(salesReported, { at: at(), variants: stock([3, 3], [3, 1]) });
    await r.waitFor('the restock proposal', `SELECT 1 FROM timeline_events WHERE product_id = $1 AND type = 'RESTOCK_PROPOSED'`, [salesId]);
    await act(sales, approveRestock, { supplier: 'Mill', dueDate: new Date(Date.now() + 86_400_000).toISOString() });
    for (const milestone of MILESTONES) await act(sales, recordRestockMilestone, { milestone });
    await sales.signal(salesReported, { at: at(), variants: stock([17, 16], [10, 3]) });
    await r.waitFor('the second proposal', `SELECT 1 FROM timeline_events WHERE product_id = $1 AND type = 'RESTOCK_PROPOSED' AND seq > (SELECT max(seq) FROM timeline_events WHERE product_id = $1 AND type = 'BACK_IN_STOCK')`, [salesId]);
    await act(sales, endSales, { reason: 'collection retired' });
    await sales.result();

    // Below its goal: parked, extended (reopened), then cancelled while open: the tally runs first, the reservations are released.
    const releasedId = `p-recorded-released-${r.label}`;
    const released = await r.start(releasedId, selling, { shopId }, taskQueue);
    await closeWithAVote(released, releasedId);
    await reserve(releasedId, 'one-size', ['fan-1']);
    await act(released, closeDemand, {});
    await act(released, extendDemand, { closesAt: new Date(Date.now() + 7_200_000).toISOString() });
    await act(released, cancelProduct, { reason: 'not enough fans' });
    await released.result();

    // Its goal met, then cancelled in SAMPLING: the reservations held for its launch are released.
    const heldId = `p-recorded-held-released-${r.label}`;
    const held = await r.start(heldId, selling, variants, taskQueue);
    await closeWithAVote(held, heldId);
    await reserve(heldId, 's', ['fan-1', 'fan-2'], 2);
    await act(held, closeDemand, {});
    await act(held, submitDesign, { title: 'v1', description: 'first', imageUrls: [] });
    await act(held, reviewDesign, { round: 1, decision: 'APPROVE' }, r.influencer);
    await act(held, cancelProduct, { reason: 'the mill closed' });
    await held.result();

    // Every batch delivered in full before the worker stops (the product workflows do not wait for them).
    const batches = await r.dataSource.query<{ batch_id: string; kind: string; product_id: string; events: number }[]>(
      `SELECT batch_id, kind, product_id, count(*)::int AS events FROM shop_events WHERE product_id IN ($1, $2, $3) GROUP BY batch_id, kind, product_id ORDER BY min(created_at)`,
      [salesId, releasedId, heldId],
    );
    const names = { [salesId]: 'sales', [releasedId]: 'released', [heldId]: 'held' };
    const kinds = batches.map((b) => `${names[b.product_id]}:${b.kind}`).join();
    if (kinds !== 'sales:reservation.ready,sales:reservation.expired,released:reservation.released,held:reservation.released') throw new Error(`unexpected shop event batches: ${kinds}`);
    for (const batch of batches) {
      const counts = await r.client.workflow.getHandle<ShopEventDeliveryWorkflow>(shopEventsWorkflowId(batch.batch_id)).result();
      if (counts.delivered !== batch.events) throw new Error(`batch ${batch.batch_id}: ${JSON.stringify(counts)} of ${batch.events} events`);
    }
    return [
      ['product-lifecycle-sales', sales],
      ['product-lifecycle-released', released],
      ['product-lifecycle-held-released', held],
      // The launch's batch (three reservations), its page refused once and retried.
      ['shop-event-delivery-retried', r.client.workflow.getHandle(shopEventsWorkflowId(batches[0].batch_id))],
    ];
  } finally {
    worker.shutdown();
    await running.catch(() => undefined);
    await connection.close();
    receiver.close();
  }
}
