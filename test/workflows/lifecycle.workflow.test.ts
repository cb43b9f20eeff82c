// The product workflow on a real Temporal dev server with a real worker and PostgreSQL: stages, timers,
// refusals, cancellation, search attributes and worker restarts.
import {
  cancelProduct,
  closePoll,
  endSales,
  extendPoll,
  getProduct,
  recordMilestone,
  recordSample,
  reviewDesign,
  reviewSample,
  scheduleLaunch,
  startProduction,
  submitDesign,
  type LifecycleEvent,
  type ProductView,
} from '../../libs/domain';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { createProductActivities } from '../../activities';
import { createTestDatabase, eventually, startTestWorker, temporalClient, uniqueName, type TestDatabase } from '../support/stack';
import { workflowSuite } from './workflow-suite';
import { localActivityMarkers, settledHistory, startProduct, timelineTypes, vote, type StartedProduct } from '../support/workflow-harness';

async function refusal(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const err = await promise.then(
    () => {
      throw new Error('the update was accepted but should have been refused');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (err as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return cause as ApplicationFailure;
}

const dueDate = () => new Date(Date.now() + 86_400_000).toISOString();

async function toStage(p: StartedProduct, stage: 'DESIGN' | 'SAMPLING' | 'PRODUCTION' | 'LAUNCH'): Promise<void> {
  await p.act(closePoll, {});
  if (stage === 'DESIGN') return;
  await p.act(submitDesign, { title: 'v1', description: 'd', imageUrls: [] });
  await p.act(reviewDesign, { round: 1, decision: 'APPROVE' });
  if (stage === 'SAMPLING') return;
  await p.act(recordSample, { supplier: 'Mill', notes: '', photoUrls: [] });
  await p.act(reviewSample, { round: 1, decision: 'APPROVE' });
  if (stage === 'PRODUCTION') return;
  await p.act(startProduction, { supplier: 'Mill', dueDate: dueDate() });
  for (const milestone of ['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK', 'SHIPPED'] as const) {
    await p.act(recordMilestone, { milestone });
  }
}

describe('product workflow', () => {
  const suite = workflowSuite();
  const start = (opts?: Parameters<typeof startProduct>[3]) => startProduct(suite.client, suite.db.dataSource, suite.worker.taskQueue, opts);


  it('runs every stage to ON_SALE with countdowns, stays on sale until staff end it, and completes ENDED', async () => {
    const p = await start({ rules: { launchCountdownsMs: [1_200, 600] } });
    await vote(suite.db.dataSource, p.productId, 'b', 3);
    await toStage(p, 'LAUNCH');
    const scheduled = await p.act(scheduleLaunch, { launchAt: new Date(Date.now() + 2_000).toISOString() });
    expect(scheduled.launch.countdowns.map((c) => c.offsetMs)).toEqual([1_200, 600]);
    const onSale = await eventually('ON_SALE', async () => {
      const view = await p.handle.query(getProduct);
      return view.stage === 'ON_SALE' ? view : undefined;
    });
    expect(onSale.launch.countdowns.every((c) => c.sent)).toBe(true);
    expect(onSale.sales?.produced).toEqual([{ variantId: 'one-size', units: 10 }]);
    await p.act(endSales, { reason: 'season over' });
    const result = (await p.handle.result()) as ProductView;
    expect(result.stage).toBe('ENDED');
    const types = await timelineTypes(suite.db.dataSource, p.productId);
    expect(types.filter((t) => t === 'LAUNCH_COUNTDOWN')).toHaveLength(2);
    expect(types.slice(-3)).toEqual(['LAUNCHED', 'STAGE_CHANGED', 'SALES_ENDED']);
    const [row] = await suite.db.dataSource.query<{ stage: string; seq: number }[]>('SELECT stage, seq FROM products WHERE id = $1', [p.productId]);
    expect(row).toEqual({ stage: 'ENDED', seq: result.seq });
  });

  it('tallies distinct fans at close, picks the winner and derives the suggested quantity', async () => {
    const p = await start();
    await vote(suite.db.dataSource, p.productId, 'a', 3);
    await vote(suite.db.dataSource, p.productId, 'b', 25);
    const view = await p.act(closePoll, {});
    expect(view.poll.result).toMatchObject({ winningOptionId: 'b', totalVotes: 28, tieBroken: false });
    // max(10, ceil(25 × 0.5) = 13) rounded up to batches of 5 → 15
    expect(view.suggestedQuantity).toBe(15);
  });

  it('breaks a tie in favour of the option that reached the tied count first', async () => {
    const p = await start();
    await vote(suite.db.dataSource, p.productId, 'b', 2);
    await vote(suite.db.dataSource, p.productId, 'a', 2);
    const view = await p.act(closePoll, {});
    expect(view.poll.result).toMatchObject({ winningOptionId: 'b', tieBroken: true });
  });

  it('closes the poll by itself at its deadline; below the minimum it waits, and an extension reopens it', async () => {
    const p = await start({ closesInMs: 1_000, minVotes: 2 });
    await vote(suite.db.dataSource, p.productId, 'a', 1);
    await eventually('the deadline to close the poll', async () => (await p.handle.query(getProduct)).poll.status === 'AWAITING_DECISION');
    const refused = await refusal(p.act(closePoll, {}));
    expect(refused.type).toBe('INVALID_STATE');
    expect(refused.message).toMatch(/extend it or cancel/);
    await p.act(extendPoll, { closesAt: new Date(Date.now() + 1_000).toISOString() });
    await vote(suite.db.dataSource, p.productId, 'b', 2);
    await eventually('the extended deadline to close the poll', async () => (await p.handle.query(getProduct)).stage === 'DESIGN');
    expect((await p.handle.query(getProduct)).poll.result?.winningOptionId).toBe('b');
  });

  it('keeps one timer for a deadline that events leave where it was, and fires it on time', async () => {
    const p = await start({ rules: { orderDueWarningMs: 86_400_000 } });
    await toStage(p, 'PRODUCTION');
    // Due in 3 s: staff are warned halfway, 1.5 s after the run was ordered, whatever milestones come meanwhile.
    await p.act(startProduction, { supplier: 'Mill', dueDate: new Date(Date.now() + 3_000).toISOString() });
    for (const milestone of ['MATERIALS', 'CUTTING', 'SEWING'] as const) await p.act(recordMilestone, { milestone });
    await eventually('the order-due warning', async () => (await timelineTypes(suite.db.dataSource, p.productId)).includes('ORDER_DUE_SOON'));
    const events = (await p.handle.fetchHistory()).events ?? [];
    const ordered = events.findIndex((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'startProduction');
    const since = events.slice(ordered);
    // One timer for the warning, through three milestones that did not move it: none cancelled and started again.
    expect(since.filter((e) => e.timerStartedEventAttributes)).toHaveLength(1);
    expect(since.filter((e) => e.timerCanceledEventAttributes)).toHaveLength(0);
    expect(since.filter((e) => e.timerFiredEventAttributes)).toHaveLength(1);
    expect(since.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'recordMilestone')).toHaveLength(3);
  });

  it('writes a submitted design\'s notification in the one local write that records the design, before the action answers', async () => {
    const p = await start();
    await p.act(closePoll, {});
    await p.act(submitDesign, { title: 'v1', description: 'd', imageUrls: [] });
    // Answered: the influencer's notification is written (kept in the outbox: she has no email address here).
    const rows = await suite.db.dataSource.query<{ kind: string; recipient_kind: string }[]>('SELECT kind, recipient_kind FROM notifications WHERE product_id = $1', [p.productId]);
    expect(rows).toEqual([{ kind: 'design.review_waiting', recipient_kind: 'influencer' }]);
    // One local activity for the design's read model and its notification, where there were two.
    const events = (await settledHistory(p.handle)).events ?? [];
    const submitted = events.findIndex((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'submitDesign');
    expect(localActivityMarkers(events.slice(submitted)).map((m) => m.type)).toEqual(['recordEventsNotifying']);
  });

  it('refuses wrong actions without writing them to history', async () => {
    const p = await start();
    const wrong = await refusal(p.act(reviewDesign, { round: 1, decision: 'APPROVE' }));
    expect(wrong.type).toBe('WRONG_STAGE');
    expect(wrong.message).toBe(`product ${p.productId} is in POLL; design review is accepted only in DESIGN`);
    const history = await p.handle.fetchHistory();
    const accepted = (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
    expect(accepted).toHaveLength(0);

    await p.act(closePoll, {});
    await p.act(submitDesign, { title: 'v1', description: 'd', imageUrls: [] });
    expect((await refusal(p.act(submitDesign, { title: 'v2', description: 'd', imageUrls: [] }))).type).toBe('INVALID_STATE');
    expect((await refusal(p.act(reviewDesign, { round: 3, decision: 'APPROVE' }))).type).toBe('INVALID_VALUE');
    expect((await refusal(p.act(reviewDesign, { round: 1, decision: 'REQUEST_CHANGES' }))).type).toBe('INVALID_VALUE');
  });

  it('enforces the design and sample round limits', async () => {
    const p = await start();
    await p.act(closePoll, {});
    for (const round of [1, 2]) {
      await p.act(submitDesign, { title: `v${round}`, description: 'd', imageUrls: [] });
      await p.act(reviewDesign, { round, decision: 'REQUEST_CHANGES', feedback: 'again' });
    }
    const limit = await refusal(p.act(submitDesign, { title: 'v3', description: 'd', imageUrls: [] }));
    expect(limit.type).toBe('ROUND_LIMIT_REACHED');

    const q = await start();
    await toStage(q, 'SAMPLING');
    for (const round of [1, 2]) {
      await q.act(recordSample, { supplier: 'Mill', notes: '', photoUrls: [] });
      await q.act(reviewSample, { round, decision: 'REQUEST_CHANGES', feedback: 'seams' });
    }
    expect((await refusal(q.act(recordSample, { supplier: 'Mill', notes: '', photoUrls: [] }))).type).toBe('ROUND_LIMIT_REACHED');
  });

  it('sends one reminder when a review waits longer than configured', async () => {
    const p = await start({ rules: { reviewReminderAfterMs: 700 } });
    await p.act(closePoll, {});
    await p.act(submitDesign, { title: 'v1', description: 'd', imageUrls: [] });
    await eventually('the reminder', async () => (await timelineTypes(suite.db.dataSource, p.productId)).includes('DESIGN_REVIEW_REMINDER'));
    // A later state change (the review) must not produce a second reminder for the same round.
    await p.act(reviewDesign, { round: 1, decision: 'APPROVE' });
    const types = await eventually('the review on the timeline', async () => {
      const t = await timelineTypes(suite.db.dataSource, p.productId);
      return t.includes('DESIGN_APPROVED') ? t : undefined;
    });
    expect(types.filter((t) => t === 'DESIGN_REVIEW_REMINDER')).toHaveLength(1);
  });

  it('keeps ProductStage current and InfluencerId set as search attributes', async () => {
    const p = await start();
    await p.act(closePoll, {});
    const description = await p.handle.describe();
    expect(description.searchAttributes.ProductStage).toEqual(['DESIGN']);
    expect(description.searchAttributes.InfluencerId).toEqual([p.influencerId]);
  });

  it.each(['POLL', 'DESIGN', 'SAMPLING', 'PRODUCTION', 'LAUNCH'] as const)('cancels from %s with a reason and refuses actions afterwards', async (stage) => {
    const p = await start();
    if (stage !== 'POLL') await toStage(p, stage);
    const view = await p.act(cancelProduct, { reason: `stopped in ${stage}` });
    expect(view).toMatchObject({ stage: 'CANCELLED', cancellation: { reason: `stopped in ${stage}`, fromStage: stage } });
    const result = (await p.handle.result()) as ProductView;
    expect(result.stage).toBe('CANCELLED');
    const [row] = await suite.db.dataSource.query<{ stage: string }[]>('SELECT stage FROM products WHERE id = $1', [p.productId]);
    expect(row.stage).toBe('CANCELLED');
    await expect(p.act(cancelProduct, { reason: 'again' })).rejects.toThrow(WorkflowNotFoundError);
  });

  it('writes a replayed projection batch only once and never moves the read model backwards', async () => {
    const p = await start();
    await p.act(closePoll, {});
    const view = await p.handle.query(getProduct);
    const notHere = () => Promise.reject(new Error('not called here'));
    const activities = createProductActivities({ dataSource: suite.db.dataSource, recordSocialUpdates: notHere, startDeliveries: notHere, notifyPeopleStartingDeliveries: notHere });
    const stale = { ...view, seq: 1, stage: 'POLL' as const };
    await activities.recordEvents({ productId: p.productId, events: [], snapshot: stale });
    const rows = await suite.db.dataSource.query<(Omit<LifecycleEvent, 'at'> & { occurred_at: Date })[]>(
      'SELECT seq, type, stage, actor, data, occurred_at FROM timeline_events WHERE product_id = $1 ORDER BY seq',
      [p.productId],
    );
    const events = rows.map((r) => ({ ...r, at: r.occurred_at.toISOString() }));
    await activities.recordEvents({ productId: p.productId, events, snapshot: view });
    const counts = await suite.db.dataSource.query<{ n: number; max: number }[]>('SELECT count(*)::int AS n, max(seq) AS max FROM timeline_events WHERE product_id = $1', [p.productId]);
    expect(counts[0]).toEqual({ n: view.seq, max: view.seq });
    const [product] = await suite.db.dataSource.query<{ stage: string; seq: number }[]>('SELECT stage, seq FROM products WHERE id = $1', [p.productId]);
    expect(product).toEqual({ stage: 'DESIGN', seq: view.seq });
  });
});

describe('product workflow across worker restarts', () => {
  let db: TestDatabase;
  let client: Client;
  const taskQueue = uniqueName('tq');

  beforeAll(async () => {
    db = await createTestDatabase();
    client = await temporalClient();
  });
  afterAll(async () => {
    await client.connection.close();
    await db.close();
  });

  it('continues a product after its worker is replaced in the middle of DESIGN', async () => {
    let worker = await startTestWorker(db.dataSource, taskQueue);
    const p = await startProduct(client, db.dataSource, taskQueue);
    await toStage(p, 'DESIGN');
    await p.act(submitDesign, { title: 'v1', description: 'd', imageUrls: [] });
    await worker.stop();

    worker = await startTestWorker(db.dataSource, taskQueue);
    try {
      await p.act(reviewDesign, { round: 1, decision: 'APPROVE' });
      await p.act(recordSample, { supplier: 'Mill', notes: '', photoUrls: [] });
      await p.act(reviewSample, { round: 1, decision: 'APPROVE' });
      await p.act(startProduction, { supplier: 'Mill', dueDate: dueDate() });
      for (const milestone of ['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK', 'SHIPPED'] as const) await p.act(recordMilestone, { milestone });
      await p.act(scheduleLaunch, { launchAt: new Date(Date.now() + 500).toISOString() });
      await eventually('ON_SALE', async () => (await p.handle.query(getProduct)).stage === 'ON_SALE');
      await p.act(endSales, { reason: 'season over' });
      expect(((await p.handle.result()) as ProductView).stage).toBe('ENDED');
      const seqs = await db.dataSource.query<{ seq: number }[]>('SELECT seq FROM timeline_events WHERE product_id = $1 ORDER BY seq', [p.productId]);
      expect(seqs.map((r) => r.seq)).toEqual(seqs.map((_, i) => i + 1));
    } finally {
      await worker.stop();
    }
  });

  it('closes a poll whose deadline passed while no worker was running, once a worker is back', async () => {
    let worker = await startTestWorker(db.dataSource, taskQueue);
    const p = await startProduct(client, db.dataSource, taskQueue, { closesInMs: 1_500 });
    await eventually('the product row', async () => (await db.dataSource.query<unknown[]>('SELECT 1 FROM products WHERE id = $1', [p.productId])).length === 1);
    await worker.stop();
    await vote(db.dataSource, p.productId, 'a', 1);
    const [{ closes_at }] = await db.dataSource.query<{ closes_at: Date }[]>('SELECT closes_at FROM polls WHERE product_id = $1', [p.productId]);
    await eventually('the deadline to pass', () => Date.now() > new Date(closes_at).getTime() + 200);
    worker = await startTestWorker(db.dataSource, taskQueue);
    try {
      await eventually('the poll to close after the restart', async () => (await p.handle.query(getProduct)).stage === 'DESIGN');
      const [row] = await db.dataSource.query<{ stage: string }[]>('SELECT stage FROM products WHERE id = $1', [p.productId]);
      expect(row.stage).toBe('DESIGN');
    } finally {
      await p.handle.terminate('test done');
      await worker.stop();
    }
  });
});
