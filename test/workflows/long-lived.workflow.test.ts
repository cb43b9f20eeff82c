// A product that is rescheduled 3,000 times (its cap raised to 5,000 by LAUNCH_RESCHEDULE_LIMIT) keeps
// working: its workflow continues as new, each run's history stays far under Temporal's limits, the launch
// happens at the last time set, and the read model and the social updates hold every event exactly once.
import { getProduct, scheduleLaunch, closePoll, endSales, SOCIAL_EVENT_SOURCES, type ProductView, type ActionResult } from '../../libs/domain';
import { recordMilestone, recordSample, reviewDesign, reviewSample, startProduction, submitDesign, ProductStageKey, InfluencerIdKey } from '../../libs/domain';
import { temporal } from '@temporalio/proto';
import type { Client } from '@temporalio/client';
import { CONTINUE_AS_NEW_PATCH, PATCHES_2026_12_04, PATCHES_2026_12_04_SET } from '../../workflows/product-lifecycle.workflow';
import { eventually, testConfig } from '../support/stack';
import { workflowSuite } from './workflow-suite';
import { startProduct, type StartedProduct } from '../support/workflow-harness';

jest.setTimeout(15 * 60_000);

const RESCHEDULES = 3_000;
const CONCURRENCY = 4;
// Temporal fails a run past these.
const TEMPORAL_MAX_EVENTS = 51_200;
const TEMPORAL_MAX_BYTES = 50 * 1024 * 1024;

interface Run {
  runId: string;
  events: number;
  bytes: number;
  continuedAsNew: boolean;
  patches: string[];
}

/** Every run of the workflow id, first to last, following each run's continued-as-new event. */
async function runsOf(client: Client, workflowId: string, firstRunId: string): Promise<Run[]> {
  const runs: Run[] = [];
  let runId: string | undefined = firstRunId;
  while (runId) {
    const history: temporal.api.history.v1.IHistory = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    const events: temporal.api.history.v1.IHistoryEvent[] = history.events ?? [];
    const last = events[events.length - 1];
    const next: string | undefined = last?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
    const patches = events
      .map((e) => e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data)
      .filter((data): data is Uint8Array => data instanceof Uint8Array)
      .map((data) => (JSON.parse(Buffer.from(data).toString('utf8')) as { id: string }).id);
    runs.push({ runId, events: events.length, bytes: temporal.api.history.v1.History.encode(history).finish().length, continuedAsNew: next !== undefined, patches });
    runId = next;
  }
  return runs;
}

async function toLaunch(p: StartedProduct): Promise<void> {
  await p.update(closePoll, {});
  await p.update(submitDesign, { title: 'v1', description: 'd', imageUrls: [] });
  await p.update(reviewDesign, { round: 1, decision: 'APPROVE' });
  await p.update(recordSample, { supplier: 'Mill', notes: '', photoUrls: [] });
  await p.update(reviewSample, { round: 1, decision: 'APPROVE' });
  await p.update(startProduction, { supplier: 'Mill', dueDate: new Date(Date.now() + 86_400_000).toISOString() });
  for (const milestone of ['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK', 'SHIPPED'] as const) await p.update(recordMilestone, { milestone });
}

describe('a product rescheduled 3,000 times', () => {
  const suite = workflowSuite();


  it('keeps working across continue-as-new, with bounded runs, the right launch time and an exact read model', async () => {
    const rules = testConfig({ LAUNCH_RESCHEDULE_LIMIT: '5000' }).lifecycle;
    expect(rules.actionLimits?.launchReschedules).toBe(5_000);
    const p = await startProduct(suite.client, suite.db.dataSource, suite.worker.taskQueue, { rules: { actionLimits: rules.actionLimits, launchCountdownsMs: [1_000] } });
    const firstRunId = (await p.handle.describe()).runId;
    await toLaunch(p);
    const far = Date.now() + 30 * 86_400_000;
    await p.update(scheduleLaunch, { launchAt: new Date(far).toISOString() });

    // 3,000 reschedules, a few at a time; the last one is sent alone, a few seconds ahead.
    const answers: ActionResult[] = [];
    let sent = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (sent < RESCHEDULES - 1) {
          const n = ++sent;
          answers.push(await p.update(scheduleLaunch, { launchAt: new Date(far + n * 60_000).toISOString() }));
        }
      }),
    );
    const launchAt = new Date(Date.now() + 4_000).toISOString();
    answers.push(await p.update(scheduleLaunch, { launchAt }));
    expect(answers).toHaveLength(RESCHEDULES);
    // Every one was accepted, and answered with the stage and seq only.
    expect(answers.every((a) => a.stage === 'LAUNCH' && Object.keys(a).sort().join() === 'seq,stage')).toBe(true);
    expect(new Set(answers.map((a) => a.seq)).size).toBe(RESCHEDULES);

    // The launch happens at the last time set (its one-second countdown first), not at an earlier one; the
    // product is then on sale until staff end it.
    await eventually('ON_SALE', async () => (await p.handle.query(getProduct)).stage === 'ON_SALE', 30_000);
    await p.update(endSales, { reason: 'season over' });
    const result = (await p.handle.result()) as ProductView;
    expect(result.stage).toBe('ENDED');
    expect(result.launch.launchAt).toBe(launchAt);
    expect(Date.parse(result.launch.launchedAt!)).toBeGreaterThanOrEqual(Date.parse(launchAt));
    expect(result.launch.countdowns).toEqual([{ offsetMs: 1_000, at: new Date(Date.parse(launchAt) - 1_000).toISOString(), sent: true }]);
    // The count crossed every run.
    expect(result.actionCounts?.launchReschedules).toBe(RESCHEDULES);

    // It continued as new (at Temporal's suggestion, about every 4,100 events, 0.9 MB), and every run stayed far
    // under Temporal's limits.
    const runs = await runsOf(suite.client, p.handle.workflowId, firstRunId);
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.slice(0, -1).every((r) => r.continuedAsNew)).toBe(true);
    // Every run took continue-as-new, with every other patch, from the one patch marker it holds for them (the first
    // run's notifications of design and sample reviews asked nothing more).
    expect(PATCHES_2026_12_04_SET.has(CONTINUE_AS_NEW_PATCH)).toBe(true);
    expect(runs.map((r) => r.patches)).toEqual(runs.map(() => [PATCHES_2026_12_04]));
    for (const run of runs) {
      expect(run.events).toBeLessThan(TEMPORAL_MAX_EVENTS / 4);
      expect(run.bytes).toBeLessThan(TEMPORAL_MAX_BYTES / 4);
    }
    // The last run kept the search attributes, the stage upserted since.
    const described = await suite.client.workflow.getHandle(p.handle.workflowId).describe();
    expect(described.runId).toBe(runs[runs.length - 1].runId);
    expect(described.typedSearchAttributes.get(ProductStageKey)).toBe('ENDED');
    expect(described.typedSearchAttributes.get(InfluencerIdKey)).toBe(p.influencerId);
    // The query reaches the last run, with the same product.
    expect((await suite.client.workflow.getHandle(p.handle.workflowId).query(getProduct)).seq).toBe(result.seq);

    // The read model: the row at the final seq, every seq on the timeline once, creation events once.
    const [row] = await suite.db.dataSource.query<{ seq: number; stage: string }[]>('SELECT seq, stage FROM products WHERE id = $1', [p.productId]);
    expect(row).toEqual({ seq: result.seq, stage: 'ENDED' });
    const timeline = await suite.db.dataSource.query<{ seq: number; type: string }[]>('SELECT seq, type FROM timeline_events WHERE product_id = $1 ORDER BY seq', [
      p.productId,
    ]);
    expect(timeline.map((e) => e.seq)).toEqual(Array.from({ length: result.seq }, (_, i) => i + 1));
    const count = (type: string) => timeline.filter((e) => e.type === type).length;
    expect([count('PRODUCT_CREATED'), count('POLL_OPENED'), count('LAUNCHED'), count('SALES_ENDED')]).toEqual([1, 1, 1, 1]);
    expect(count('LAUNCH_SCHEDULED')).toBe(RESCHEDULES + 1);
    // One social update per event that makes one, none twice.
    const social = await suite.db.dataSource.query<{ seq: number }[]>('SELECT seq FROM social_updates WHERE product_id = $1 ORDER BY seq', [p.productId]);
    const expected = timeline.filter((e) => (SOCIAL_EVENT_SOURCES as readonly string[]).includes(e.type)).map((e) => e.seq);
    expect(social.map((s) => s.seq)).toEqual(expected);
  });
});
