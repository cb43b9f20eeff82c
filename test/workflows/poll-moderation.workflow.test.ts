// Poll moderation in the product workflow on a real Temporal dev server: a draft poll has no timer, the
// influencer's approval starts it, and the poll then closes by itself after its duration.
import { approvePoll, closePoll, editPollOptions, getProduct, requestPollChanges, type Actor } from '../../libs/domain';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { eventually } from '../support/stack';
import { startProduct, timelineTypes, vote } from '../support/workflow-harness';
import { workflowSuite } from './workflow-suite';

describe('product workflow: poll moderation', () => {
  const suite = workflowSuite();
  const DURATION_MS = 1_500;

  it('waits in DRAFT with no timer, opens on the approval, and closes by itself its duration after the approval', async () => {
    // closesAt in the input is provisional: 50 ms ahead, past by the time the draft is edited.
    const p = await startProduct(suite.client, suite.db.dataSource, suite.worker.taskQueue, { closesInMs: 50, pollApproval: { durationMs: DURATION_MS } });
    const influencer: Actor = { kind: 'influencer', id: p.influencerId };
    const refused = await p.update(closePoll, {}).then(
      () => null,
      (err: unknown) => (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure ? err.cause : err),
    );
    expect(refused).toMatchObject({ type: 'INVALID_STATE', message: expect.stringContaining('is not open yet') as string });

    await p.act(requestPollChanges, { feedback: 'rename B' }, influencer);
    await p.act(editPollOptions, { options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'Bee' }] });
    // Past the provisional closing time, still a draft: the workflow has started no timer at all.
    expect(Date.now()).toBeGreaterThan(Date.parse((await p.handle.query(getProduct)).poll.closesAt));
    expect((await p.handle.query(getProduct)).poll.status).toBe('DRAFT');
    expect(((await p.handle.fetchHistory()).events ?? []).filter((e) => e.timerStartedEventAttributes)).toEqual([]);

    const approvedAt = Date.now();
    const opened = await p.act(approvePoll, {}, influencer);
    expect(opened.poll.status).toBe('OPEN');
    expect(Date.parse(opened.poll.closesAt)).toBeGreaterThanOrEqual(approvedAt + DURATION_MS - 100);
    await vote(suite.db.dataSource, p.productId, 'b', 1);
    const closed = await eventually('the poll to close by its own timer', async () => {
      const view = await p.handle.query(getProduct);
      return view.stage === 'DESIGN' ? view : undefined;
    });
    expect(closed.poll.result).toMatchObject({ winningOptionId: 'b' });
    expect(Date.parse(closed.poll.result!.closedAt)).toBeGreaterThanOrEqual(Date.parse(opened.poll.closesAt));
    expect(await timelineTypes(suite.db.dataSource, p.productId)).toEqual([
      'PRODUCT_CREATED',
      'POLL_DRAFTED',
      'POLL_CHANGES_REQUESTED',
      'POLL_OPTIONS_EDITED',
      'POLL_APPROVED',
      'POLL_OPENED',
      'POLL_CLOSED',
      'STAGE_CHANGED',
    ]);
  });
});
