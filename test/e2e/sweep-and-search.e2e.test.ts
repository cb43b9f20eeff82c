// Background paths end to end: the milestone sweep re-sends a recorded milestone whose signal was lost, and
// the workflow's search attributes let operators list products by stage and influencer in Temporal.
import type { Client } from '@temporalio/client';
import { productWorkflowId } from '../../libs/domain';
import type { TimelineDto } from '../support/api-types';
import { castInfluencer, createProduct, type Cast } from '../support/product-flow';
import { eventually, startTestEngine, temporalClient, type TestEngine } from '../support/stack';
import { expectOk } from './e2e-helpers';

describe('milestone sweep and search attributes', () => {
  let t: TestEngine;
  let temporal: Client;
  let mia: Cast;

  beforeAll(async () => {
    t = await startTestEngine();
    temporal = await temporalClient();
    mia = await castInfluencer(t, 'mia');
  });
  afterAll(async () => {
    await temporal?.connection.close();
    await t?.stop();
  });

  it('re-sends a milestone that was recorded but never signalled, and the timeline shows it once', async () => {
    const productId = await createProduct(t, mia.influencerId);
    // What vote intake leaves behind when the API stops between its commit and the signal: the crossing is
    // recorded, not notified, and older than the sweep's grace period.
    await t.db.dataSource.query(
      `INSERT INTO poll_vote_milestones (product_id, milestone, total_votes, reached_at, notified_at) VALUES ($1, 100, 104, now() - interval '1 minute', NULL)`,
      [productId],
    );
    const milestones = await eventually(
      'the sweep to put the milestone on the timeline',
      async () => {
        const events = expectOk(await t.http<TimelineDto>('GET', `/products/${productId}/timeline`)).events.filter((e) => e.type === 'POLL_MILESTONE');
        return events.length > 0 ? events : undefined;
      },
      30_000,
    );
    expect(milestones.map((e) => e.data)).toEqual([expect.objectContaining({ milestone: 100, totalVotes: 104 })]);
    const [row] = await eventually('the sweep to mark the milestone notified', async () => {
      const rows = await t.db.dataSource.query<{ notified: boolean }[]>(`SELECT notified_at IS NOT NULL AS notified FROM poll_vote_milestones WHERE product_id = $1`, [productId]);
      return rows[0]?.notified ? rows : undefined;
    });
    expect(row).toEqual({ notified: true });
    // Marked, it is not sent again: the timeline keeps one.
    const again = expectOk(await t.http<TimelineDto>('GET', `/products/${productId}/timeline`)).events.filter((e) => e.type === 'POLL_MILESTONE');
    expect(again).toHaveLength(1);
  });

  it("lists products by ProductStage and InfluencerId in Temporal's visibility, following the product as it moves", async () => {
    const leo = await castInfluencer(t, 'leo');
    const productId = await createProduct(t, leo.influencerId);
    const workflowId = productWorkflowId(productId);
    const ids = async (query: string) => {
      const found: string[] = [];
      for await (const wf of temporal.workflow.list({ query })) found.push(wf.workflowId);
      return found;
    };
    // Visibility is eventually consistent: each listing is polled until it shows the product's current stage.
    await eventually('the product listed in POLL', async () => (await ids(`ProductStage='POLL' AND InfluencerId='${leo.influencerId}'`)).includes(workflowId));
    expectOk(await t.http('POST', `/products/${productId}/poll/close`));
    await eventually('the product listed in DESIGN', async () => (await ids(`ProductStage='DESIGN'`)).includes(workflowId));
    expect(await ids(`ProductStage='POLL' AND InfluencerId='${leo.influencerId}'`)).toEqual([]);
    // By influencer: Leo's one product, none of Mia's.
    expect(await ids(`InfluencerId='${leo.influencerId}'`)).toEqual([workflowId]);
    expect(await ids(`InfluencerId='${mia.influencerId}' AND ProductStage='DESIGN'`)).not.toContain(workflowId);
  });
});
