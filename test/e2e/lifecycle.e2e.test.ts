// A product driven over HTTP from its fan poll through its launch to ON_SALE, then ended by staff (ENDED),
// with a staff key and an influencer key, on the real stack (API + worker + PostgreSQL + Temporal dev
// server); cancellation. How a poll closes (its own
// deadline, its minimum, the tie-break) is poll-close.e2e.test.ts.
import type { ApiKeyDto, InfluencerDto, IssuedApiKeyDto, LaunchAnnouncementDto, ProductDto, ProductPageDto, TimelineDto } from '../support/api-types';
import { eventually, startTestEngine, type TestEngine } from '../support/stack';
import { act, API_KEY_FORMAT, DAY, expectError, expectOk, inFuture, onboard } from './e2e-helpers';
import { insertVotes } from '../support/product-flow';

const MILESTONES = ['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK', 'SHIPPED'];

describe('product lifecycle over HTTP', () => {
  let t: TestEngine;

  beforeAll(async () => {
    // Suggested quantity = ceil(max(1, winner votes × 1) / 2) × 2; countdowns 1.5 s and 0.5 s before launch.
    t = await startTestEngine({ LAUNCH_COUNTDOWNS: '1500ms,500ms', LAUNCH_APPROVAL_LEAD: '1s', MINIMUM_ORDER: '1', PRODUCTION_BATCH_SIZE: '2', DEMAND_CONVERSION_RATE: '1' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('takes a product from its fan poll to ON_SALE, ends it, and records every step on its timeline', async () => {
    const startedAt = Date.now();

    // Staff onboard the influencer; her key is shown once, in the answer that issues it.
    const influencer = expectOk(await t.http<InfluencerDto>('POST', '/influencers', { body: { handle: 'mia.summer', displayName: 'Mia' } }), 201);
    expect(influencer).toMatchObject({ id: expect.stringMatching(/^inf-/) as string, handle: 'mia.summer', displayName: 'Mia' });
    const issued = expectOk(await t.http<IssuedApiKeyDto>('POST', '/api-keys', { body: { role: 'influencer', influencerId: influencer.id, label: 'mia phone' } }), 201);
    expect(issued).toMatchObject({ role: 'influencer', influencerId: influencer.id, label: 'mia phone', revokedAt: null });
    expect(issued.key).toMatch(API_KEY_FORMAT);
    expect(issued.key.startsWith(`${issued.prefix}_`)).toBe(true);
    const miaKey = issued.key;
    const keys = expectOk(await t.http<ApiKeyDto[]>('GET', '/api-keys'));
    expect(keys.find((k) => k.id === issued.id)).toEqual({
      id: issued.id,
      role: 'influencer',
      influencerId: influencer.id,
      label: 'mia phone',
      prefix: issued.prefix,
      createdAt: expect.any(String) as string,
      revokedAt: null,
      // An influencer's key belongs to no staff member (issue 14, part 0).
      staffMemberId: null,
    });
    expect(JSON.stringify(keys)).not.toContain(miaKey.slice(17));
    const staffKeyId = keys.find((k) => k.role === 'staff')?.id;
    expect(staffKeyId).toEqual(expect.any(String));

    // Staff create the product with its poll.
    const created = expectOk(
      await t.http<ProductDto>('POST', '/products', {
        body: {
          name: 'Summer dress',
          influencerId: influencer.id,
          targetKeyword: 'linen dress',
          poll: {
            question: 'Which dress should we make?',
            options: [
              { id: 'midi', label: 'Linen midi', description: 'Breathable' },
              { id: 'wrap', label: 'Wrap dress' },
              { id: 'slip', label: 'Slip dress' },
            ],
            durationMinutes: 60,
            minVotes: 5,
          },
        },
      }),
      201,
    );
    const id = created.id;
    const p = `/products/${id}`;
    // The poll waits for the influencer's approval of its options (the default), then opens for its hour.
    expect(created).toMatchObject({ id: expect.stringMatching(/^p-/) as string, stage: 'POLL', pendingAction: { by: 'influencer', action: 'APPROVE_POLL' }, poll: { status: 'DRAFT' } });
    const approvedAt = Date.now();
    const opened = await act(t, `${p}/poll/approve`, {}, miaKey);
    expect(opened).toMatchObject({
      id,
      stage: 'POLL',
      influencerId: influencer.id,
      pendingAction: { by: 'fans', action: 'VOTE' },
      poll: { status: 'OPEN', minVotes: 5, options: [{ id: 'midi' }, { id: 'wrap' }, { id: 'slip' }] },
    });
    const closesAt = Date.parse(opened.poll.closesAt);
    expect(closesAt).toBeGreaterThanOrEqual(Math.max(startedAt, approvedAt) + 60 * 60_000 - 1_000);
    expect(closesAt).toBeLessThanOrEqual(Date.now() + 60 * 60_000 + 1_000);
    expect(opened.poll).not.toHaveProperty('result');

    // The influencer sees her product; fans vote (written to the votes table directly).
    expect(expectOk(await t.http<ProductDto>('GET', p, { key: miaKey })).stage).toBe('POLL');
    await insertVotes(t, id, 'midi', 2);
    await insertVotes(t, id, 'wrap', 5);
    await insertVotes(t, id, 'slip', 1);

    const closed = await act(t, `${p}/poll/close`, {});
    expect(closed).toMatchObject({
      stage: 'DESIGN',
      pendingAction: { by: 'staff', action: 'SUBMIT_DESIGN' },
      poll: {
        status: 'CLOSED',
        result: {
          winningOptionId: 'wrap',
          totalVotes: 8,
          tieBroken: false,
          counts: [
            { optionId: 'midi', votes: 2 },
            { optionId: 'wrap', votes: 5 },
            { optionId: 'slip', votes: 1 },
          ],
        },
      },
      // 5 winner votes × 1 = 5 → whole batches of 2 = 6.
      suggestedQuantity: 6,
    });

    // Design: one round of changes, then approval by the influencer's key.
    const v1 = await act(t, `${p}/designs`, { title: 'Wrap v1', description: 'Long sleeves', imageUrls: ['https://cdn.example.com/v1.png'] });
    expect(v1.pendingAction).toMatchObject({ by: 'influencer', action: 'REVIEW_DESIGN' });
    const changes = await act(t, `${p}/designs/1/review`, { decision: 'REQUEST_CHANGES', feedback: 'Shorter sleeves, please' }, miaKey);
    expect(changes.designs).toEqual([
      expect.objectContaining({ round: 1, title: 'Wrap v1', status: 'CHANGES_REQUESTED', feedback: 'Shorter sleeves, please', imageUrls: ['https://cdn.example.com/v1.png'] }),
    ]);
    expect(changes.pendingAction).toMatchObject({ by: 'staff', action: 'SUBMIT_DESIGN' });
    await act(t, `${p}/designs`, { title: 'Wrap v2', description: 'Short sleeves' });
    const approved = await act(t, `${p}/designs/2/review`, { decision: 'APPROVE' }, miaKey);
    expect(approved.stage).toBe('SAMPLING');
    expect(approved.designs.map((d) => d.status)).toEqual(['CHANGES_REQUESTED', 'APPROVED']);

    // Sampling.
    const sample = await act(t, `${p}/samples`, { supplier: 'Hangzhou Linen Co', notes: 'Good drape', photoUrls: ['https://cdn.example.com/s1.jpg'] });
    expect(sample.samples).toEqual([expect.objectContaining({ round: 1, supplier: 'Hangzhou Linen Co', status: 'PENDING_REVIEW' })]);
    const sampled = await act(t, `${p}/samples/1/review`, { decision: 'APPROVE' }, miaKey);
    expect(sampled).toMatchObject({ stage: 'PRODUCTION', pendingAction: { by: 'staff', action: 'START_PRODUCTION' }, suggestedQuantity: 6 });

    // Production: staff override the suggested quantity, then record the milestones in order.
    const dueDate = inFuture(30 * DAY);
    const started = await act(t, `${p}/production`, { quantity: 40, supplier: 'Hangzhou Linen Co', dueDate });
    expect(started.production.run).toMatchObject({ quantity: 40, suggestedQuantity: 6, supplier: 'Hangzhou Linen Co', dueDate });
    for (const [i, milestone] of MILESTONES.entries()) {
      const res = await act(t, `${p}/production/milestones`, { milestone, note: `${milestone} done` });
      expect(res.production.milestones).toHaveLength(i + 1);
      expect(res.production.milestones[i]).toMatchObject({ milestone, note: `${milestone} done` });
      expect(res.stage).toBe(milestone === 'SHIPPED' ? 'LAUNCH' : 'PRODUCTION');
    }
    expect(expectOk(await t.http<ProductDto>('GET', p)).pendingAction).toMatchObject({ by: 'staff', action: 'SCHEDULE_LAUNCH' });

    // Launch ~2.5 s ahead: both countdowns (1.5 s and 0.5 s before) go out, then the product is live.
    const launchAt = inFuture(2_500);
    const scheduled = await act(t, `${p}/launch`, { launchAt });
    expect(scheduled.launch).toMatchObject({
      launchAt,
      countdowns: [
        { offsetMs: 1500, sent: false },
        { offsetMs: 500, sent: false },
      ],
    });
    // The launch announcement waits for the influencer's approval; then only the launch itself is ahead.
    expect(scheduled.pendingAction).toMatchObject({ by: 'influencer', action: 'APPROVE_LAUNCH_ANNOUNCEMENT' });
    const announcement = expectOk(await t.http<LaunchAnnouncementDto>('POST', `${p}/launch-announcement/approve`, { key: miaKey, body: {} }));
    expect(announcement.status).toBe('approved');
    expect(expectOk(await t.http<ProductDto>('GET', p)).pendingAction).toMatchObject({ by: 'engine', action: 'LAUNCH' });

    const launched = await eventually('the product to be ON_SALE', async () => {
      const res = await t.http<ProductDto>('GET', p);
      return res.body.stage === 'ON_SALE' ? res.body : undefined;
    });
    expect(Date.parse(launched.launch.launchedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(launchAt));
    expect(launched.launch.countdowns.every((c) => c.sent)).toBe(true);
    expect(launched.pendingAction).toMatchObject({ by: 'staff', action: 'END_SALES' });
    expect(launched.variants).toEqual([{ id: 'one-size', label: 'One size' }]);
    expect(launched.sales).toMatchObject({ produced: [{ variantId: 'one-size', units: 40 }], soldOut: [], restocks: [] });
    expect(launched.links.temporalUi).toContain(`/workflows/product-${id}`);
    const list = expectOk(await t.http<ProductPageDto>('GET', '/products?stage=ON_SALE'));
    expect(list.items.map((i) => i.id)).toContain(id);

    // On sale, a product is ended (with a reason), not cancelled; then it accepts nothing more.
    expectError(await t.http('POST', `${p}/cancel`, { body: { reason: 'too late' } }), 409, { code: 'WRONG_STAGE', message: 'a product on sale is ended, not cancelled: use END_SALES' });
    expectError(await t.http('POST', `${p}/designs/2/review`, { key: miaKey, body: { decision: 'APPROVE' } }), 409, { code: 'WRONG_STAGE', message: 'is in ON_SALE' });
    expectError(await t.http('POST', `${p}/restocks/approve`, { body: { supplier: 'Mill', dueDate: inFuture(DAY) } }), 409, { code: 'INVALID_STATE', message: 'no proposed restock' });
    expectError(await t.http('POST', `${p}/end`, { body: {} }), 422);
    const ended = await act(t, `${p}/end`, { reason: 'Summer collection retired' });
    expect(ended).toMatchObject({ stage: 'ENDED', pendingAction: { by: null, action: 'NONE' }, sales: { ended: { reason: 'Summer collection retired', by: { kind: 'staff' } } } });

    // The timeline: every stage change and action, in seq order, with actor kind and time.
    const timeline = expectOk(await t.http<TimelineDto>('GET', `${p}/timeline`, { key: miaKey }));
    expect(timeline.productId).toBe(id);
    const events = timeline.events;
    const staff = 'staff';
    const mia = 'influencer';
    const system = 'system';
    expect(events.map((e) => [e.type, e.stage, e.actor.kind])).toEqual([
      ['PRODUCT_CREATED', 'POLL', staff],
      ['POLL_DRAFTED', 'POLL', staff],
      ['POLL_APPROVED', 'POLL', mia],
      ['POLL_OPENED', 'POLL', mia],
      ['POLL_CLOSED', 'POLL', staff],
      ['STAGE_CHANGED', 'DESIGN', staff],
      ['DESIGN_SUBMITTED', 'DESIGN', staff],
      ['DESIGN_CHANGES_REQUESTED', 'DESIGN', mia],
      ['DESIGN_SUBMITTED', 'DESIGN', staff],
      ['DESIGN_APPROVED', 'DESIGN', mia],
      ['STAGE_CHANGED', 'SAMPLING', mia],
      ['SAMPLE_RECORDED', 'SAMPLING', staff],
      ['SAMPLE_APPROVED', 'SAMPLING', mia],
      ['STAGE_CHANGED', 'PRODUCTION', mia],
      ['PRODUCTION_STARTED', 'PRODUCTION', staff],
      ['PRODUCTION_MILESTONE', 'PRODUCTION', staff],
      ['PRODUCTION_MILESTONE', 'PRODUCTION', staff],
      ['PRODUCTION_MILESTONE', 'PRODUCTION', staff],
      ['PRODUCTION_MILESTONE', 'PRODUCTION', staff],
      ['PRODUCTION_MILESTONE', 'PRODUCTION', staff],
      ['STAGE_CHANGED', 'LAUNCH', staff],
      ['LAUNCH_SCHEDULED', 'LAUNCH', staff],
      ['LAUNCH_ANNOUNCEMENT_APPROVED', 'LAUNCH', mia],
      ['LAUNCH_COUNTDOWN', 'LAUNCH', system],
      ['LAUNCH_COUNTDOWN', 'LAUNCH', system],
      ['LAUNCHED', 'LAUNCH', system],
      ['STAGE_CHANGED', 'ON_SALE', system],
      ['SALES_ENDED', 'ENDED', staff],
    ]);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(ended.seq).toBe(events.length);
    // Times are ISO instants, in order, within the test's run.
    const times = events.map((e) => Date.parse(e.at));
    for (const [i, at] of times.entries()) {
      expect(new Date(at).toISOString()).toBe(events[i].at);
      expect(at).toBeGreaterThanOrEqual(startedAt - 1_000);
      expect(at).toBeLessThanOrEqual(Date.now() + 1_000);
      if (i > 0) expect(at).toBeGreaterThanOrEqual(times[i - 1]);
    }
    // Who: the staff key's id, the influencer's id, the engine.
    for (const e of events) {
      if (e.actor.kind === 'staff') expect(e.actor.id).toBe(staffKeyId);
      if (e.actor.kind === 'influencer') expect(e.actor.id).toBe(influencer.id);
      if (e.actor.kind === 'system') expect(e.actor.id).toBe('engine');
    }
    // What: the data each step carries.
    const ofType = (type: string) => events.filter((e) => e.type === type);
    expect(ofType('STAGE_CHANGED').map((e) => [e.data.from, e.data.to])).toEqual([
      ['POLL', 'DESIGN'],
      ['DESIGN', 'SAMPLING'],
      ['SAMPLING', 'PRODUCTION'],
      ['PRODUCTION', 'LAUNCH'],
      ['LAUNCH', 'ON_SALE'],
    ]);
    expect(ofType('POLL_CLOSED')[0].data).toMatchObject({ winningOptionId: 'wrap', totalVotes: 8, suggestedQuantity: 6 });
    expect(ofType('DESIGN_CHANGES_REQUESTED')[0].data).toMatchObject({ round: 1, feedback: 'Shorter sleeves, please' });
    expect(ofType('PRODUCTION_STARTED')[0].data).toMatchObject({ quantity: 40, suggestedQuantity: 6 });
    expect(ofType('PRODUCTION_MILESTONE').map((e) => e.data.milestone)).toEqual(MILESTONES);
    expect(ofType('LAUNCH_COUNTDOWN').map((e) => e.data.remainingMs)).toEqual([1500, 500]);
    for (const c of ofType('LAUNCH_COUNTDOWN')) expect(Date.parse(c.at)).toBeLessThan(Date.parse(launchAt));
    expect(Date.parse(ofType('LAUNCHED')[0].at)).toBeGreaterThanOrEqual(Date.parse(launchAt));

    expect(ofType('SALES_ENDED')[0].data).toEqual({ reason: 'Summer collection retired' });

    // An ended product accepts no further action, from staff or influencer.
    expectError(await t.http('POST', `${p}/end`, { body: { reason: 'again' } }), 409, { code: 'WRONG_STAGE', message: `product ${id} is ENDED` });
    expectError(await t.http('POST', `${p}/designs/2/review`, { key: miaKey, body: { decision: 'APPROVE' } }), 409, { code: 'WRONG_STAGE', message: 'ENDED' });
    expectError(await t.http('POST', `${p}/launch`, { body: { launchAt: inFuture(DAY) } }), 409, { code: 'WRONG_STAGE', message: 'ENDED' });
  });

  it('creates a product with variants, a demand goal and sales rules, and drives its demand window over HTTP', async () => {
    const { influencerId } = await onboard(t, 'ana');
    const body = (over: Record<string, unknown>) => ({
      name: 'Tee',
      influencerId,
      targetKeyword: 'linen tee',
      pollApproval: 'none',
      poll: { question: 'Which tee?', options: [{ label: 'A' }, { label: 'B' }], durationMinutes: 60, minVotes: 0 },
      ...over,
    });
    const variants = [
      { id: 's', label: 'S', sku: 'TEE-S-E2E' },
      { id: 'm', label: 'M' },
    ];
    const created = expectOk(await t.http<ProductDto>('POST', '/products', { body: body({ variants, demandGoal: { minimumUnits: 3, windowHours: 24 }, sales: { reservationHoldHours: 2 } }) }), 201);
    expect(created.variants).toEqual(variants);
    const rows = await t.db.dataSource.query<{ variant_id: string; sku: string | null }[]>('SELECT variant_id, sku FROM product_variants WHERE product_id = $1 ORDER BY position', [created.id]);
    expect(rows).toEqual([{ variant_id: 's', sku: 'TEE-S-E2E' }, { variant_id: 'm', sku: null }]);
    // A SKU another product sells, a variant id twice, an unknown shop: refused, nothing written.
    expectError(await t.http('POST', '/products', { body: body({ variants: [{ id: 'x', label: 'X', sku: 'TEE-S-E2E' }] }) }), 409, { code: 'ALREADY_EXISTS', message: 'SKU TEE-S-E2E is already taken' });
    expectError(await t.http('POST', '/products', { body: body({ variants: [{ id: 'x', label: 'X' }, { id: 'x', label: 'Y' }] }) }), 422, { message: 'variant id "x" is used twice' });
    expectError(await t.http('POST', '/products', { body: body({ shopId: 'shop-nope' }) }), 422, { message: 'shop shop-nope does not exist' });
    expectError(await t.http('POST', '/products', { body: body({ variants: [{ id: 'Big!', label: 'X' }] }) }), 422, { fields: ['variants.0.id'] });
    expectError(await t.http('POST', '/products', { body: body({ demandGoal: { minimumUnits: 0, windowHours: 24 } }) }), 422, { fields: ['demandGoal.minimumUnits'] });

    const p = `/products/${created.id}`;
    const demand = await act(t, `${p}/poll/close`, {});
    expect(demand).toMatchObject({ stage: 'DEMAND', demand: { status: 'OPEN', goal: { minimumUnits: 3, windowMs: 86_400_000, safetyFactor: 0.2 } }, pendingAction: { by: 'fans', action: 'RESERVE' } });
    for (const [i, variant] of ['s', 's', 'm'].entries()) {
      await t.db.dataSource.query(
        `INSERT INTO reservations (id, code, product_id, variant_id, quantity, platform, platform_user_id, platform_user_id_raw, via, source_id, webhook_id)
         VALUES ($1, $2, $3, $4, 1, 'tiktok', $5, $6, 'fan', 'src-e2e', $7)`,
        [`r-e2e-${i}`, `CODE${i}`, created.id, variant, `fan-${i}`, `fan-${i}`, `msg-${i}`],
      );
    }
    expectError(await t.http('POST', `${p}/demand/override`, { body: { reason: 'x' } }), 409, { code: 'INVALID_STATE' });
    expectError(await t.http('POST', `${p}/demand/extend`, { body: { closesAt: 'soon' } }), 422, { fields: ['closesAt'] });
    const met = await act(t, `${p}/demand/close`, {});
    expect(met).toMatchObject({ stage: 'DESIGN', demand: { status: 'MET', suggested: [{ variantId: 's', units: 3 }, { variantId: 'm', units: 2 }] }, suggestedQuantity: 5 });
    const types = expectOk(await t.http<TimelineDto>('GET', `${p}/timeline`)).events.map((e) => e.type);
    expect(types.slice(2)).toEqual(['POLL_CLOSED', 'STAGE_CHANGED', 'DEMAND_OPENED', 'DEMAND_MET', 'STAGE_CHANGED']);

    // Below its goal the product waits for staff: an extension reopens the window, an override unlocks design.
    const q = `/products/${expectOk(await t.http<ProductDto>('POST', '/products', { body: body({ demandGoal: { minimumUnits: 10, windowHours: 24, safetyFactor: 0 } }) }), 201).id}`;
    await act(t, `${q}/poll/close`, {});
    expect(await act(t, `${q}/demand/close`, {})).toMatchObject({ stage: 'DEMAND', demand: { status: 'AWAITING_DECISION' }, pendingAction: { by: 'staff', action: 'EXTEND_OVERRIDE_OR_CANCEL' } });
    const closesAt = inFuture(DAY);
    expect(await act(t, `${q}/demand/extend`, { closesAt })).toMatchObject({ demand: { status: 'OPEN', closesAt } });
    await act(t, `${q}/demand/close`, {});
    expectError(await t.http('POST', `${q}/demand/override`, { body: { reason: '' } }), 422, { fields: ['reason'] });
    const overridden = await act(t, `${q}/demand/override`, { reason: 'The influencer backs it' });
    expect(overridden).toMatchObject({ stage: 'DESIGN', demand: { status: 'OVERRIDDEN', override: { reason: 'The influencer backs it' } } });
  });

  it('cancels a product with a reason from any stage before ON_SALE and refuses every action afterwards', async () => {
    const { influencerId, key } = await onboard(t, 'kai');
    const id = expectOk(
      await t.http<ProductDto>('POST', '/products', {
        body: { name: 'Cap', influencerId, targetKeyword: 'cap', pollApproval: 'none', poll: { question: 'Which cap?', options: [{ label: 'A' }, { label: 'B' }], durationMinutes: 5, minVotes: 0 } },
      }),
      201,
    ).id;
    const p = `/products/${id}`;
    expectOk(await t.http('POST', `${p}/poll/close`));
    expectOk(await t.http('POST', `${p}/designs`, { body: { title: 'Cap v1', description: 'Six panels' } }));

    const cancelled = await act(t, `${p}/cancel`, { reason: '  Supplier fell through  ' });
    expect(cancelled).toMatchObject({
      stage: 'CANCELLED',
      pendingAction: { by: null, action: 'NONE' },
      cancellation: { reason: 'Supplier fell through', fromStage: 'DESIGN', by: { kind: 'staff' } },
    });
    const last = expectOk(await t.http<TimelineDto>('GET', `${p}/timeline`)).events.at(-1);
    expect(last).toMatchObject({ type: 'CANCELLED', stage: 'CANCELLED', actor: { kind: 'staff' }, data: { reason: 'Supplier fell through', from: 'DESIGN' } });
    expect(expectOk(await t.http<ProductPageDto>('GET', '/products?stage=CANCELLED')).items.map((i) => i.id)).toEqual([id]);

    expectError(await t.http('POST', `${p}/designs/1/review`, { key, body: { decision: 'APPROVE' } }), 409, { code: 'WRONG_STAGE', message: `product ${id} is CANCELLED` });
    expectError(await t.http('POST', `${p}/designs`, { body: { title: 'Cap v2', description: 'x' } }), 409, { code: 'WRONG_STAGE', message: 'CANCELLED' });
    expectError(await t.http('POST', `${p}/cancel`, { body: { reason: 'again' } }), 409, { code: 'WRONG_STAGE', message: 'CANCELLED' });
  });
});
