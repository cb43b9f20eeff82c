// A product driven from creation to LAUNCHED over HTTP, with a staff key and an influencer key, on the
// real stack (API + worker + PostgreSQL + Temporal dev server).
import { addVotes, castInfluencer, createProduct, type Cast } from '../support/product-flow';
import { eventually, startTestEngine, type TestEngine } from '../support/stack';

jest.setTimeout(60_000);

describe('product lifecycle over HTTP', () => {
  let t: TestEngine;
  let cast: Cast;

  beforeAll(async () => {
    t = await startTestEngine({ LAUNCH_COUNTDOWNS: '1500ms,700ms', MINIMUM_ORDER: '1', PRODUCTION_BATCH_SIZE: '2', DEMAND_CONVERSION_RATE: '1' });
    cast = await castInfluencer(t, 'mia');
  });
  afterAll(() => t.stop());

  it('takes a product from its fan poll to LAUNCHED and records every step on its timeline', async () => {
    const id = await createProduct(t, cast.influencerId);
    const p = `/products/${id}`;
    const staff = (method: string, path: string, body?: unknown) => t.http(method, path, { body });
    const influencer = (path: string, body: unknown) => t.http('POST', path, { key: cast.influencerKey, body });

    const created = await t.http('GET', p);
    expect(created.body).toMatchObject({ id, stage: 'POLL', pendingAction: { by: 'fans', action: 'VOTE' } });

    await addVotes(t, id, { midi: 2, wrap: 5, slip: 1 });
    const closed = await staff('POST', `${p}/poll/close`, {});
    expect(closed.status).toBe(200);
    expect(closed.body.stage).toBe('DESIGN');
    expect(closed.body.poll.result).toMatchObject({ winningOptionId: 'wrap', totalVotes: 8, tieBroken: false });
    // 5 winner votes × conversion 1 = 5 → rounded up to whole batches of 2 = 6.
    expect(closed.body.suggestedQuantity).toBe(6);

    // The action's answer is already in the read model.
    expect((await t.http('GET', p)).body.stage).toBe('DESIGN');

    expect((await staff('POST', `${p}/designs`, { title: 'Wrap v1', description: 'Long sleeves', imageUrls: ['https://cdn.example.com/v1.png'] })).status).toBe(200);
    const changes = await influencer(`${p}/designs/1/review`, { decision: 'REQUEST_CHANGES', feedback: 'Shorter sleeves' });
    expect(changes.status).toBe(200);
    expect(changes.body.designs[0]).toMatchObject({ round: 1, status: 'CHANGES_REQUESTED', feedback: 'Shorter sleeves' });
    expect((await staff('POST', `${p}/designs`, { title: 'Wrap v2', description: 'Short sleeves' })).status).toBe(200);
    const approved = await influencer(`${p}/designs/2/review`, { decision: 'APPROVE' });
    expect(approved.body.stage).toBe('SAMPLING');

    expect((await staff('POST', `${p}/samples`, { supplier: 'Hangzhou Linen Co', notes: 'Good drape' })).status).toBe(200);
    expect((await influencer(`${p}/samples/1/review`, { decision: 'APPROVE' })).body.stage).toBe('PRODUCTION');

    const started = await staff('POST', `${p}/production`, { supplier: 'Hangzhou Linen Co', dueDate: new Date(Date.now() + 30 * 86_400_000).toISOString() });
    expect(started.status).toBe(200);
    expect(started.body.production.run).toMatchObject({ quantity: 6, suggestedQuantity: 6 });
    for (const milestone of ['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK', 'SHIPPED']) {
      const res = await staff('POST', `${p}/production/milestones`, { milestone, note: `${milestone} done` });
      expect(res.status).toBe(200);
    }
    expect((await t.http('GET', p)).body.stage).toBe('LAUNCH');

    const launchAt = new Date(Date.now() + 2_500).toISOString();
    const scheduled = await staff('POST', `${p}/launch`, { launchAt });
    expect(scheduled.body.launch.countdowns).toHaveLength(2);
    expect(scheduled.body.pendingAction).toMatchObject({ by: 'engine', action: 'LAUNCH' });

    const launched = await eventually('the product to launch', async () => {
      const res = await t.http('GET', p);
      return res.body.stage === 'LAUNCHED' ? res.body : undefined;
    });
    expect(launched.launch.launchedAt).toBeDefined();
    expect(launched.links.temporalUi).toContain(`/workflows/product-${id}`);

    const timeline = (await t.http('GET', `${p}/timeline`)).body.events as { seq: number; type: string; stage: string; actor: { kind: string } }[];
    expect(timeline.map((e) => e.seq)).toEqual(timeline.map((_, i) => i + 1));
    expect(timeline.map((e) => e.type)).toEqual([
      'PRODUCT_CREATED',
      'POLL_OPENED',
      'POLL_CLOSED',
      'STAGE_CHANGED',
      'DESIGN_SUBMITTED',
      'DESIGN_CHANGES_REQUESTED',
      'DESIGN_SUBMITTED',
      'DESIGN_APPROVED',
      'STAGE_CHANGED',
      'SAMPLE_RECORDED',
      'SAMPLE_APPROVED',
      'STAGE_CHANGED',
      'PRODUCTION_STARTED',
      'PRODUCTION_MILESTONE',
      'PRODUCTION_MILESTONE',
      'PRODUCTION_MILESTONE',
      'PRODUCTION_MILESTONE',
      'PRODUCTION_MILESTONE',
      'STAGE_CHANGED',
      'LAUNCH_SCHEDULED',
      'LAUNCH_COUNTDOWN',
      'LAUNCH_COUNTDOWN',
      'LAUNCHED',
      'STAGE_CHANGED',
    ]);
    expect(timeline.filter((e) => e.type === 'STAGE_CHANGED').map((e) => e.stage)).toEqual(['DESIGN', 'SAMPLING', 'PRODUCTION', 'LAUNCH', 'LAUNCHED']);
    expect(timeline.find((e) => e.type === 'DESIGN_APPROVED')!.actor.kind).toBe('influencer');
    expect(timeline.find((e) => e.type === 'LAUNCHED')!.actor.kind).toBe('system');
    expect(timeline.find((e) => e.type === 'POLL_CLOSED')!.actor.kind).toBe('staff');

    // A finished product accepts nothing more.
    const late = await staff('POST', `${p}/cancel`, { reason: 'too late' });
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('LAUNCHED');
  });

  it('closes a poll by itself at its closing time and waits for staff when it fell short of the minimum', async () => {
    const id = await createProduct(t, cast.influencerId, {
      poll: { question: 'Which?', options: [{ label: 'A' }, { label: 'B' }], closesAt: new Date(Date.now() + 1_500).toISOString(), minVotes: 3 },
    });
    await addVotes(t, id, { 'option-2': 1 });
    const waiting = await eventually('the poll to close', async () => {
      const res = await t.http('GET', `/products/${id}`);
      return res.body.poll.status === 'AWAITING_DECISION' ? res.body : undefined;
    });
    expect(waiting.pendingAction).toMatchObject({ by: 'staff', action: 'EXTEND_OR_CANCEL' });

    const extended = await t.http('POST', `/products/${id}/poll/extend`, { body: { closesAt: new Date(Date.now() + 60_000).toISOString() } });
    expect(extended.status).toBe(200);
    expect(extended.body.poll.status).toBe('OPEN');
    await addVotes(t, id, { 'option-1': 3 });
    const closed = await t.http('POST', `/products/${id}/poll/close`);
    expect(closed.body).toMatchObject({ stage: 'DESIGN', poll: { result: { winningOptionId: 'option-1', totalVotes: 4 } } });
  });

  it('cancels a product with a reason and refuses every action afterwards', async () => {
    const id = await createProduct(t, cast.influencerId);
    const cancelled = await t.http('POST', `/products/${id}/cancel`, { body: { reason: 'Supplier fell through' } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ stage: 'CANCELLED', cancellation: { reason: 'Supplier fell through', fromStage: 'POLL' } });
    const after = await t.http('POST', `/products/${id}/poll/close`);
    expect(after.status).toBe(409);
    expect(after.body.message).toContain('CANCELLED');
  });
});
