// Records workflow histories for the replay test (test/replay): starts a private engine on embedded
// defaults, drives one product to LAUNCHED (with a changes-requested design round, countdowns and every
// milestone, from v3 two vote-milestone signals, one a repeat, and from v4 social updates to a webhook and a
// log channel with an approved launch announcement), one to CANCELLED and, from v4, one launched without
// approval (the overdue alert), plus one delivery workflow whose first attempt the receiver refuses, and,
// from v5, one whose poll is extended until its run continues as new (both runs are written), from v6 the
// launched products go ON_SALE and are ended, plus the demand gate and sales loop and one delivery of
// reservation events to a shop, its page retried (record-sales-histories.ts), from v7 the cancelled product
// with its deliveries still retrying when it is cancelled (its compensation) and the delivery workflow it
// stopped, from v8 one cancelled after its goal was met (record-sales-histories.ts), from v9 one whose sample
// request and production run went to a registered supplier before it was cancelled in PRODUCTION (the supplier
// told of the cancellation) and that cancellation's delivery workflow, from v10 one whose poll waited in DRAFT for
// the influencer (changes requested, options edited, approved) before it opened (from v13 each batch's read model
// and social updates written by one local activity), from v14 products warn staff of orders nearing their due
// date (the launched one's production run is warned of before it ships) and remind a waiting review once per
// interval up to a limit (the launched one's second design round twice), from v15 every product asks its
// patches with one marker (patches-2026-12), from v16 the delivery workflows are started by the local write that
// wrote their updates (deliveries-from-local-write), not as the product's children, from v17 the shop's and the
// suppliers' delivery workflows are started by the activities that write their notices (notices-start-deliveries),
// from v18 people's notifications are written by a local activity that starts their delivery workflows too
// (notifications-start-deliveries), from v19 a deadline's timer is kept while events leave the deadline where it
// was (steady-deadline-timer), from v20 every product run asks all its patches with one marker (patches-2026-12-04)
// and a batch's notifications are written by the batch's own local write (notifications-in-local-write), and writes
// their histories to test/fixtures/histories/.
//
//   npm run record-histories -- <label>     (e.g. v2)
//
// Run it when a workflow change is deliberate and versioned (patched() or worker versioning): keep the
// old fixtures (they prove running products still replay) and add new ones with a new label.

import 'reflect-metadata';
import {
  approveLaunchAnnouncement,
  approvePoll,
  editPollOptions,
  requestPollChanges,
  cancelProduct,
  deliveryWorkflowId,
  closePoll,
  endSales,
  getProduct,
  extendPoll,
  PRODUCT_WORKFLOW_TYPE,
  productWorkflowId,
  recordMilestone,
  recordSample,
  reviewDesign,
  requestSample,
  reviewSample,
  scheduleLaunch,
  startProduction,
  submitDesign,
  supplierEventWorkflowId,
  type ActionRequest,
  type ActionResult,
  type Actor,
  type ProductLifecycleWorkflow,
  type ProductWorkflowInput,
  voteMilestoneReached,
} from '@app/domain';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { channelSecretContext, generateWebhookSecret, loadSecretsKey, SecretBox, supplierSecretContext } from '@app/webhooks';
import * as fs from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { startPrivateEngine } from '../apps/launcher/src/private-engine';
import { recordSalesProducts } from './record-sales-histories';

const staff: Actor = { kind: 'staff', id: 'recorder', label: 'history recorder' };

async function main(): Promise<void> {
  const label = process.argv[2] ?? 'v1';
  const outDir = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'histories');
  // Short delivery retries, so the refused first attempt is retried at once.
  // The receiver below listens on loopback, which channels may not reach by default.
  // Many attempts, so the cancelled product's deliveries are still retrying when it is cancelled.
  const engine = await startPrivateEngine(
    'record',
    { DELIVERY_RETRY_INITIAL: '100ms', DELIVERY_RETRY_MAX_INTERVAL: '200ms', DELIVERY_MAX_ATTEMPTS: '100', OUTBOUND_ALLOWED_NETWORKS: '127.0.0.0/8' },
    { api: false },
  );
  const { config } = engine;
  const connection = await Connection.connect({ address: engine.temporalAddress });
  const client = new Client({ connection });
  // A receiver that refuses each message's first attempt, so a delivery history holds a retry, and every
  // attempt for the product to be cancelled (from v7), so its deliveries are still retrying when it is.
  const attempts = new Map<string, number>();
  const refusedProduct = `p-recorded-cancelled-${label}`;
  const receiver = createServer((req, res) => {
    const id = String(req.headers['webhook-id']);
    attempts.set(id, (attempts.get(id) ?? 0) + 1);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const refused = Buffer.concat(chunks).toString('utf8').includes(`"productId":"${refusedProduct}"`);
      res.writeHead(!refused && attempts.get(id)! > 1 ? 200 : 503).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  try {
    await engine.dataSource.query(`INSERT INTO influencers (id, handle, display_name) VALUES ('inf-recorder', 'recorder', 'Recorder')`);
    const box = new SecretBox(loadSecretsKey({ keyBase64: config.secretsKey, dataDir: config.dataDir }));
    await engine.dataSource.query(
      `INSERT INTO channels (id, influencer_id, kind, name, platform, url, secret_sealed) VALUES
         ('ch-recorder-hook', 'inf-recorder', 'webhook', 'receiver', 'xiaohongshu', $1, $2),
         ('ch-recorder-log', 'inf-recorder', 'log', 'log', 'xiaohongshu', NULL, NULL)`,
      [`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, box.seal(generateWebhookSecret(), channelSecretContext('ch-recorder-hook'))],
    );
    const act = <I>(handle: WorkflowHandle, update: UpdateDefinition<ActionResult, [ActionRequest<I>]>, input: I, actor: Actor = staff) =>
      handle.executeUpdate(update, { args: [{ actor, input }] });
    // Fans' votes stored as intake stores them (normalised id and the raw one: these are already normal).
    const insertVotes = async (productId: string, optionId: string, fans: string[]) => {
      for (const fan of fans) {
        await engine.dataSource.query(
          `INSERT INTO votes (product_id, option_id, platform, platform_user_id, platform_user_id_raw, occurred_at) VALUES ($1, $2, 'x', $3, $4, now())`,
          [productId, optionId, fan, fan],
        );
      }
    };
    const waitFor = async (what: string, sql: string, params: unknown[]) => {
      for (let i = 0; i < 200; i++) {
        if ((await engine.dataSource.query<unknown[]>(sql, params)).length > 0) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`timed out waiting for ${what}`);
    };
    const start = async (productId: string, rulesOver: Partial<ProductWorkflowInput['rules']> = {}, extra: Partial<ProductWorkflowInput> = {}, taskQueue = config.temporal.taskQueue) => {
      const input: ProductWorkflowInput = {
        productId,
        influencerId: 'inf-recorder',
        name: 'Recorded dress',
        targetKeyword: 'linen dress',
        poll: { question: 'Which?', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], closesAt: new Date(Date.now() + 3_600_000).toISOString(), minVotes: 1 },
        rules: {
          designRoundLimit: 3,
          sampleRoundLimit: 3,
          reviewReminderAfterMs: 300,
          launchCountdownsMs: [800, 400],
          demand: { conversionRate: 0.5, minimumOrder: 10, batchSize: 5 },
          launchApprovalLeadMs: 1_000,
          actionLimits: { launchReschedules: 20, pollExtensions: 10, announcementReapprovals: 5 },
          runEventLimit: 10_000,
          orderDueWarningMs: 3_600_000,
          reviewReminderLimit: 2,
          ...rulesOver,
        },
        createdBy: staff,
        createdAt: new Date().toISOString(),
        ...extra,
      };
      const handle = await client.workflow.start<ProductLifecycleWorkflow>(PRODUCT_WORKFLOW_TYPE, { workflowId: productWorkflowId(productId), taskQueue, args: [input] });
      await waitFor('the product row', 'SELECT 1 FROM products WHERE id = $1', [productId]);
      return handle;
    };
    const influencer: Actor = { kind: 'influencer', id: 'inf-recorder' };
    // Launched products go on sale (from the on-sale patch) and stay there until staff end them.
    const endOnSale = async (handle: WorkflowHandle) => {
      for (let i = 0; i < 200 && (await handle.query(getProduct)).stage !== 'ON_SALE'; i++) await new Promise((r) => setTimeout(r, 50));
      await act(handle, endSales, { reason: 'recorded' });
      await handle.result();
    };

    const launched = await start(`p-recorded-launched-${label}`);
    await insertVotes(`p-recorded-launched-${label}`, 'b', ['fan-1', 'fan-2']);
    // Vote intake reports milestones by signal; the repeat must change nothing.
    await launched.signal(voteMilestoneReached, { milestone: 2, totalVotes: 2 });
    await launched.signal(voteMilestoneReached, { milestone: 2, totalVotes: 2 });
    await waitFor('the milestone', `SELECT 1 FROM timeline_events WHERE product_id = $1 AND type = 'POLL_MILESTONE'`, [`p-recorded-launched-${label}`]);
    await act(launched, closePoll, {});
    await act(launched, submitDesign, { title: 'v1', description: 'first', imageUrls: [] });
    await act(launched, reviewDesign, { round: 1, decision: 'REQUEST_CHANGES', feedback: 'shorter' }, influencer);
    await act(launched, submitDesign, { title: 'v2', description: 'shorter', imageUrls: [] });
    // The review reminder fires once before the approval, so the history holds that timer too.
    // From v14 twice (reviewReminderLimit 2), one interval apart.
    await waitFor('the review reminders', `SELECT 1 FROM timeline_events WHERE product_id = $1 AND type = 'DESIGN_REVIEW_REMINDER' HAVING count(*) >= 2`, [`p-recorded-launched-${label}`]);
    await act(launched, reviewDesign, { round: 2, decision: 'APPROVE' }, influencer);
    await act(launched, recordSample, { supplier: 'Mill', notes: 'good', photoUrls: [] });
    await act(launched, reviewSample, { round: 1, decision: 'APPROVE' }, influencer);
    // Due in 1.5 s: from v14 staff are warned halfway to it (the warning's timer), before it ships.
    await act(launched, startProduction, { supplier: 'Mill', dueDate: new Date(Date.now() + 1_500).toISOString() });
    await waitFor('the order warning', `SELECT 1 FROM timeline_events WHERE product_id = $1 AND type = 'ORDER_DUE_SOON'`, [`p-recorded-launched-${label}`]);
    for (const milestone of ['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK', 'SHIPPED'] as const) await act(launched, recordMilestone, { milestone });
    await act(launched, scheduleLaunch, { launchAt: new Date(Date.now() + 3_000).toISOString() });
    await act(launched, approveLaunchAnnouncement, { title: 'linen dress: live!', body: 'Our linen dress is here.' }, influencer);
    await endOnSale(launched);

    // Launched without the influencer's approval: the overdue alert, then a withheld announcement.
    const unapproved = await start(`p-recorded-unapproved-${label}`);
    await insertVotes(`p-recorded-unapproved-${label}`, 'a', ['fan-1']);
    await act(unapproved, closePoll, {});
    await act(unapproved, submitDesign, { title: 'v1', description: 'first', imageUrls: [] });
    await act(unapproved, reviewDesign, { round: 1, decision: 'APPROVE' }, influencer);
    await act(unapproved, recordSample, { supplier: 'Mill', notes: 'good', photoUrls: [] });
    await act(unapproved, reviewSample, { round: 1, decision: 'APPROVE' }, influencer);
    await act(unapproved, startProduction, { supplier: 'Mill', dueDate: new Date(Date.now() + 86_400_000).toISOString() });
    for (const milestone of ['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK', 'SHIPPED'] as const) await act(unapproved, recordMilestone, { milestone });
    await act(unapproved, scheduleLaunch, { launchAt: new Date(Date.now() + 1_500).toISOString() });
    await endOnSale(unapproved);

    const cancelled = await start(`p-recorded-cancelled-${label}`);
    await insertVotes(`p-recorded-cancelled-${label}`, 'a', ['fan-1']);
    await act(cancelled, closePoll, {});
    await act(cancelled, submitDesign, { title: 'v1', description: 'first', imageUrls: [] });
    // From v7 its deliveries are retrying now; the cancellation withdraws them and stops their workflows.
    const retriedSql = `SELECT u.id FROM deliveries d JOIN social_updates u ON u.id = d.update_id WHERE u.product_id = $1 AND d.attempts >= 2 ORDER BY u.seq LIMIT 1`;
    await waitFor('a retried delivery of the product to cancel', retriedSql, [refusedProduct]);
    const [retrying] = await engine.dataSource.query<{ id: string }[]>(retriedSql, [refusedProduct]);
    await act(cancelled, cancelProduct, { reason: 'supplier fell through' });
    await cancelled.result();
    // It ends cancelled: its result is that failure.
    const withdrawnDelivery = client.workflow.getHandle(deliveryWorkflowId(retrying.id));
    await withdrawnDelivery.result().catch(() => undefined);

    // From v9: a sample request and the production run sent to a registered supplier (the receiver, which refuses
    // each message's first attempt), then the product cancelled in PRODUCTION: the supplier is told.
    const suppliedId = `p-recorded-supplied-${label}`;
    const mill = { supplierId: 'sup-recorder', supplier: 'Recorded mill' };
    await engine.dataSource.query(`INSERT INTO suppliers (id, name, outbound_url, outbound_secret_sealed) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
      mill.supplierId,
      mill.supplier,
      `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/supplier`,
      box.seal(generateWebhookSecret(), supplierSecretContext(mill.supplierId)),
    ]);
    const supplied = await start(suppliedId);
    await insertVotes(suppliedId, 'a', ['fan-1']);
    await act(supplied, closePoll, {});
    await act(supplied, submitDesign, { title: 'v1', description: 'first', imageUrls: [] });
    await act(supplied, reviewDesign, { round: 1, decision: 'APPROVE' }, influencer);
    await act(supplied, requestSample, { ...mill, notes: 'size M' });
    await act(supplied, recordSample, { notes: 'arrived', photoUrls: [] });
    await act(supplied, reviewSample, { round: 1, decision: 'APPROVE' }, influencer);
    await act(supplied, startProduction, { ...mill, dueDate: new Date(Date.now() + 86_400_000).toISOString() });
    await act(supplied, cancelProduct, { reason: 'the mill closed' });
    await supplied.result();
    const [supplierCancellation] = await engine.dataSource.query<{ id: string }[]>(`SELECT id FROM supplier_events WHERE product_id = $1 AND kind = 'production.cancelled'`, [suppliedId]);
    const supplierEvent = client.workflow.getHandle(supplierEventWorkflowId(supplierCancellation.id));
    await supplierEvent.result();

    // From v10 (the poll-moderation patch): the poll waits in DRAFT; the influencer asks for changes, staff edit
    // the options, she approves (the poll opens, its hour from then), a fan votes, the poll closes and the
    // product is cancelled in DESIGN.
    const moderatedId = `p-recorded-moderated-${label}`;
    const moderated = await start(moderatedId, {}, { pollApproval: { durationMs: 3_600_000 } });
    await act(moderated, requestPollChanges, { feedback: 'add a cotton option' }, influencer);
    await act(moderated, editPollOptions, { options: [{ id: 'a', label: 'A' }, { id: 'c', label: 'Cotton' }] });
    await act(moderated, approvePoll, {}, influencer);
    await insertVotes(moderatedId, 'c', ['fan-1']);
    await act(moderated, closePoll, {});
    await act(moderated, cancelProduct, { reason: 'recorded' });
    await moderated.result();

    // A run that grows past its product's event limit continues as new; the next run closes the poll
    // (a tally in the new run) and the product is cancelled there.
    const continuedId = `p-recorded-continued-${label}`;
    const continued = await start(continuedId, { runEventLimit: 100, actionLimits: { launchReschedules: 20, pollExtensions: 100, announcementReapprovals: 5 } });
    const firstRun = (await continued.describe()).runId;
    await insertVotes(continuedId, 'a', ['fan-1']);
    let closesAt = Date.now() + 3_600_000;
    let secondRun = firstRun;
    for (let i = 0; i < 60 && secondRun === firstRun; i++) {
      closesAt += 60_000;
      await act(continued, extendPoll, { closesAt: new Date(closesAt).toISOString() });
      secondRun = (await continued.describe()).runId;
    }
    if (secondRun === firstRun) throw new Error('the product did not continue as new');
    await act(continued, closePoll, {});
    await act(continued, submitDesign, { title: 'v1', description: 'first', imageUrls: [] });
    await act(continued, cancelProduct, { reason: 'supplier fell through' });
    await continued.result();

    // The launched product's first update, to the webhook channel (refused once, then delivered) and the log.
    const [first] = await engine.dataSource.query<{ id: string }[]>(`SELECT id FROM social_updates WHERE product_id = $1 ORDER BY seq LIMIT 1`, [
      `p-recorded-launched-${label}`,
    ]);
    const delivery = client.workflow.getHandle(deliveryWorkflowId(first.id));
    await delivery.result();

    const salesRecorded = await recordSalesProducts({ client, dataSource: engine.dataSource, config, temporalAddress: engine.temporalAddress, label, staff, influencer, start, waitFor });

    fs.mkdirSync(outDir, { recursive: true });
    const recorded: (readonly [string, WorkflowHandle])[] = [
      ['product-lifecycle-launched', launched],
      ['product-lifecycle-cancelled', cancelled],
      ['product-lifecycle-unapproved', unapproved],
      ['social-delivery-retried', delivery],
      ['social-delivery-withdrawn', withdrawnDelivery],
      ['product-lifecycle-supplied', supplied],
      ['product-lifecycle-moderated', moderated],
      ['supplier-event-retried', supplierEvent],
      ['product-lifecycle-continued-run1', client.workflow.getHandle(continued.workflowId, firstRun)],
      ['product-lifecycle-continued-run2', client.workflow.getHandle(continued.workflowId, secondRun)],
      ...salesRecorded,
    ];
    for (const [name, handle] of recorded) {
      const history = await handle.fetchHistory();
      const file = path.join(outDir, `${name}-${label}.json`);
      fs.writeFileSync(file, JSON.stringify(history, null, 1));
      console.log(`wrote ${path.relative(process.cwd(), file)} (${history.events?.length} events)`);
    }
  } finally {
    receiver.close();
    await connection.close();
    await engine.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
