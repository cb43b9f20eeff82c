// The product workflow when its local writes fail, on a real Temporal dev server, worker and PostgreSQL:
// a social write the activity refuses is skipped and the product goes on; a write that keeps failing is
// tried again after durable pauses until it lands, and nothing is lost.
import { closePoll, reviewDesign, reviewSample, recordSample, submitDesign } from '../../libs/domain';
import type { WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { eventually } from '../support/stack';
import { workflowSuite } from './workflow-suite';
import { settledHistory, startProduct } from '../support/workflow-harness';

jest.setTimeout(90_000);

describe('product workflow with failing local writes', () => {
  const suite = workflowSuite();
  const start = () => startProduct(suite.client, suite.db.dataSource, suite.worker.taskQueue);

  const socialEvents = async (productId: string): Promise<string[]> =>
    (await suite.db.dataSource.query<{ event: string }[]>('SELECT event FROM social_updates WHERE product_id = $1 ORDER BY seq', [productId])).map((r) => r.event);
  const stageOf = async (productId: string): Promise<string | undefined> =>
    (await suite.db.dataSource.query<{ stage: string }[]>('SELECT stage FROM products WHERE id = $1', [productId]))[0]?.stage;

  /** A write's quick attempts all failed and it waits on a timer of its own (a minute at most; the product's are longer). */
  const pauseTimerStarted = (handle: WorkflowHandle): Promise<boolean> =>
    eventually(
      'a pause timer after the failed attempts',
      async () => {
        const { events } = await handle.fetchHistory();
        return (events ?? []).some((e) => Number(e.timerStartedEventAttributes?.startToFireTimeout?.seconds ?? 3_600) <= 60);
      },
      30_000,
    );

  /** The run as it happened replays on the same code: failures, pauses and skipped batches are deterministic. */
  const replays = async (handle: WorkflowHandle): Promise<void> => {
    await Worker.runReplayHistory({ workflowBundle: { codePath: process.env.TEST_WORKFLOW_BUNDLE ?? '' } }, await settledHistory(handle), handle.workflowId);
  };


  it('skips the social updates the activity refuses and goes on with the product', async () => {
    const p = await start();
    await eventually('the poll-opened update', async () => (await socialEvents(p.productId)).includes('POLL_OPENED'));
    // The social activity refuses a product whose influencer is gone; this suite's throwaway database lets
    // that happen (production keeps influencers with products by a foreign key).
    const [fk] = await suite.db.dataSource.query<{ conname: string }[]>(
      `SELECT conname FROM pg_constraint WHERE conrelid = 'products'::regclass AND confrelid = 'influencers'::regclass`,
    );
    await suite.db.dataSource.query(`ALTER TABLE products DROP CONSTRAINT "${fk.conname}"`);
    const [influencer] = await suite.db.dataSource.query<{ id: string; handle: string; display_name: string }[]>('SELECT id, handle, display_name FROM influencers WHERE id = $1', [
      p.influencerId,
    ]);
    await suite.db.dataSource.query('DELETE FROM influencers WHERE id = $1', [p.influencerId]);

    await p.update(closePoll, {});
    await p.update(submitDesign, { title: 'v1', description: 'd', imageUrls: [] });
    await p.update(reviewDesign, { round: 1, decision: 'APPROVE' });
    expect(await stageOf(p.productId)).toBe('SAMPLING');

    // The influencer is back: the next update is written, so the refused batches before it were handled.
    await suite.db.dataSource.query('INSERT INTO influencers (id, handle, display_name) VALUES ($1, $2, $3)', [influencer.id, influencer.handle, influencer.display_name]);
    await p.update(recordSample, { supplier: 'Mill', notes: '', photoUrls: [] });
    await p.update(reviewSample, { round: 1, decision: 'APPROVE' });
    await eventually('the sample-approved update', async () => (await socialEvents(p.productId)).includes('SAMPLE_APPROVED'));

    expect(await socialEvents(p.productId)).toEqual(['POLL_OPENED', 'SAMPLE_APPROVED']);
    expect(await stageOf(p.productId)).toBe('PRODUCTION');
    expect((await p.handle.describe()).status.name).toBe('RUNNING');
    await replays(p.handle);
  });

  it('writes a batch\'s notification that its local write could not make once the table is back, without holding the read model', async () => {
    const p = await start();
    await p.update(closePoll, {});
    const notifications = async () => (await suite.db.dataSource.query<{ kind: string }[]>('SELECT kind FROM notifications WHERE product_id = $1', [p.productId])).map((r) => r.kind);
    await suite.db.dataSource.query('ALTER TABLE notifications RENAME TO notifications_away');
    try {
      await p.update(submitDesign, { title: 'v1', description: 'd', imageUrls: [] });
      // The design is in the read model; its notification went to the people loop, whose write keeps failing
      // and then waits on a pause timer of its own (the design's review reminder is days away).
      const [{ n }] = await suite.db.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM timeline_events WHERE product_id = $1 AND type = 'DESIGN_SUBMITTED'`, [p.productId]);
      expect(n).toBe(1);
      await pauseTimerStarted(p.handle);
    } finally {
      await suite.db.dataSource.query('ALTER TABLE notifications_away RENAME TO notifications');
    }
    await eventually('the notification, once the table is back', async () => (await notifications()).length > 0, 60_000);
    // The next design's notification goes with its own batch again, and nothing was written twice.
    await p.update(reviewDesign, { round: 1, decision: 'REQUEST_CHANGES', feedback: 'shorter' });
    await p.update(submitDesign, { title: 'v2', description: 'd', imageUrls: [] });
    expect((await notifications()).sort()).toEqual(['design.review_waiting', 'design.review_waiting']);
    expect((await p.handle.describe()).status.name).toBe('RUNNING');
    await replays(p.handle);
  });

  it('tries a failing social write again after a durable pause until it lands', async () => {
    const p = await start();
    await eventually('the poll-opened update', async () => (await socialEvents(p.productId)).includes('POLL_OPENED'));
    await suite.db.dataSource.query('ALTER TABLE social_updates RENAME TO social_updates_away');
    try {
      await p.update(closePoll, {});
      // The read model does not wait for the social write.
      expect(await stageOf(p.productId)).toBe('DESIGN');
      // After its quick attempts the write waits on a timer of its own (the poll's deadline timer is an hour).
      await pauseTimerStarted(p.handle);
    } finally {
      await suite.db.dataSource.query('ALTER TABLE social_updates_away RENAME TO social_updates');
    }
    await eventually('the poll result update, once the table is back', async () => (await socialEvents(p.productId)).includes('POLL_RESULT'), 60_000);
    expect(await socialEvents(p.productId)).toEqual(['POLL_OPENED', 'POLL_RESULT']);
    expect((await p.handle.describe()).status.name).toBe('RUNNING');
    await replays(p.handle);
  });
});
