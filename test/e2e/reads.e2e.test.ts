// Reads over HTTP: product lists (filters, keyset pagination), the product view at each step, the
// timeline, review reminders, /health and the OpenAPI document.
import type { OpenAPIObject } from '@nestjs/swagger';
import type { ProductDto, ProductPageDto, TimelineDto } from '../support/api-types';
import { advanceTo, castInfluencer, createProduct, insertVotes, type Cast } from '../support/product-flow';
import { eventually, startTestEngine, type TestEngine } from '../support/stack';
import { DAY, expectOk, inFuture } from './e2e-helpers';

describe('reads', () => {
  let t: TestEngine;
  let mia: Cast;
  let leo: Cast;
  const miasProducts: string[] = [];

  beforeAll(async () => {
    t = await startTestEngine({ REVIEW_REMINDER_AFTER: '1s', REVIEW_REMINDER_LIMIT: '1', MINIMUM_ORDER: '1', PRODUCTION_BATCH_SIZE: '1', DEMAND_CONVERSION_RATE: '1' });
    mia = await castInfluencer(t, 'mia');
    leo = await castInfluencer(t, 'leo');
    for (let i = 0; i < 5; i++) miasProducts.push(await createProduct(t, mia.influencerId, { name: `Mia ${i}` }));
    await createProduct(t, leo.influencerId, { name: 'Leo 0' });
    await advanceTo(t, mia, miasProducts[0], 'DESIGN');
    await advanceTo(t, mia, miasProducts[3], 'DESIGN');
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function allPages(query: string, key?: string): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: ProductPageDto = expectOk(await t.http<ProductPageDto>('GET', `/products?${query}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { key }));
      expect(page.items.length).toBeLessThanOrEqual(2);
      ids.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
      pages += 1;
      expect(pages).toBeLessThan(10);
    } while (cursor);
    return { ids, pages };
  }

  it('pages through products newest first with limit and nextCursor, without duplicates or gaps', async () => {
    const { ids, pages } = await allPages(`influencerId=${mia.influencerId}`);
    expect(pages).toBe(3);
    expect(ids).toEqual([...miasProducts].reverse());
    // The same pages for her own key, without naming her.
    expect((await allPages('', mia.influencerKey)).ids).toEqual([...miasProducts].reverse());
    // A full page has a cursor; the last one says null.
    const first = expectOk(await t.http<ProductPageDto>('GET', `/products?influencerId=${mia.influencerId}&limit=5`));
    expect(first.items).toHaveLength(5);
    expect(first.nextCursor).toBeNull();
  });

  it('filters by stage and by influencer, also together with pagination', async () => {
    const design = expectOk(await t.http<ProductPageDto>('GET', '/products?stage=DESIGN'));
    expect(design.items.every((p) => p.stage === 'DESIGN')).toBe(true);
    expect(design.items.map((p) => p.id)).toEqual(expect.arrayContaining([miasProducts[0], miasProducts[3]]));
    const paged = await allPages(`stage=POLL&influencerId=${mia.influencerId}`);
    expect(paged.ids).toEqual([miasProducts[4], miasProducts[2], miasProducts[1]]);

    const leos = expectOk(await t.http<ProductPageDto>('GET', `/products?influencerId=${leo.influencerId}`));
    expect(leos.items).toHaveLength(1);
    const leosPoll = expectOk(await t.http<ProductDto>('GET', `/products/${leos.items[0].id}`)).poll;
    expect(leos.items[0]).toEqual({
      id: expect.stringMatching(/^p-/) as string,
      name: 'Leo 0',
      influencerId: leo.influencerId,
      targetKeyword: 'linen dress',
      stage: 'POLL',
      pendingAction: { by: 'fans', action: 'VOTE', description: expect.any(String) as string },
      // What it waits for (fans' votes) falls due when the poll closes.
      due: { kind: 'POLL_CLOSES', at: leosPoll.closesAt },
      workflowId: `product-${leos.items[0].id}`,
      createdAt: expect.any(String) as string,
      updatedAt: expect.any(String) as string,
    });
    expect(expectOk(await t.http<ProductPageDto>('GET', `/products?stage=LAUNCHED&influencerId=${leo.influencerId}`)).items).toEqual([]);
  });

  it('shows the poll without a result while it is open and with its result once closed', async () => {
    const id = await createProduct(t, leo.influencerId);
    const open = expectOk(await t.http<ProductDto>('GET', `/products/${id}`));
    expect(open.poll).toMatchObject({ question: 'Which dress should we make?', status: 'OPEN', minVotes: 0, options: [{ id: 'midi' }, { id: 'wrap' }, { id: 'slip' }] });
    expect(open.poll).not.toHaveProperty('result');
    await insertVotes(t, id, 'slip', 3);
    expectOk(await t.http('POST', `/products/${id}/poll/close`));
    const closed = expectOk(await t.http<ProductDto>('GET', `/products/${id}`));
    expect(closed.poll).toMatchObject({ status: 'CLOSED', result: { winningOptionId: 'slip', totalVotes: 3, closedAt: expect.any(String) as string } });
    expect(closed.suggestedQuantity).toBe(3);
  });

  it('shows a product with stage, pending action, poll result, designs, samples, production, launch and links', async () => {
    const id = await createProduct(t, mia.influencerId, { name: 'Full view' });
    await insertVotes(t, id, 'wrap', 4);
    await advanceTo(t, mia, id, 'LAUNCH');
    const launchAt = inFuture(2 * DAY);
    expectOk(await t.http('POST', `/products/${id}/launch`, { body: { launchAt } }));

    const view = expectOk(await t.http<ProductDto>('GET', `/products/${id}`, { key: mia.influencerKey }));
    expect(view).toMatchObject({
      id,
      name: 'Full view',
      influencerId: mia.influencerId,
      targetKeyword: 'linen dress',
      stage: 'LAUNCH',
      workflowId: `product-${id}`,
      pendingAction: { by: 'influencer', action: 'APPROVE_LAUNCH_ANNOUNCEMENT', description: expect.stringContaining(launchAt) as string },
      poll: { status: 'CLOSED', result: { winningOptionId: 'wrap', totalVotes: 4, tieBroken: false } },
      suggestedQuantity: 4,
      designs: [{ round: 1, status: 'APPROVED', title: 'v1', submittedBy: { kind: 'staff' }, reviewedBy: { kind: 'influencer', id: mia.influencerId } }],
      samples: [{ round: 1, status: 'APPROVED', supplier: 'Mill' }],
      production: {
        run: { quantity: 4, suggestedQuantity: 4, supplier: 'Mill' },
        milestones: ['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK', 'SHIPPED'].map((milestone) => ({ milestone, at: expect.any(String) as string })),
      },
      launch: {
        launchAt,
        countdowns: [
          { offsetMs: DAY, sent: false },
          { offsetMs: 3_600_000, sent: false },
        ],
      },
      // The Temporal UI link is for staff only.
      links: { self: `/products/${id}`, timeline: `/products/${id}/timeline` },
    });
    expect(view.links).not.toHaveProperty('temporalUi');
    expect(expectOk(await t.http<ProductDto>('GET', `/products/${id}`)).links.temporalUi).toMatch(new RegExp(`^https?://.+/namespaces/default/workflows/product-${id}$`));
    expect(view.seq).toBe(expectOk(await t.http<TimelineDto>('GET', `/products/${id}/timeline`)).events.length);
    expect(view).not.toHaveProperty('rules');
    expect(view).not.toHaveProperty('cancellation');
  });

  it('reports the same createdAt and updatedAt for a product in every answer and read', async () => {
    const created = expectOk(await t.http<ProductDto>('POST', '/products', { body: { name: 'Clock check', influencerId: leo.influencerId, targetKeyword: 'scarf', pollApproval: 'none', poll: { question: 'Which?', options: [{ label: 'A' }, { label: 'B' }], durationMinutes: 60, minVotes: 0 } } }), 201);
    const id = created.id;
    const listed = () => t.http<ProductPageDto>('GET', `/products?influencerId=${leo.influencerId}`).then((r) => expectOk(r).items.find((p) => p.id === id));
    const read = expectOk(await t.http<ProductDto>('GET', `/products/${id}`));
    expect({ createdAt: read.createdAt, updatedAt: read.updatedAt }).toEqual({ createdAt: created.createdAt, updatedAt: created.updatedAt });
    expect((await listed())?.createdAt).toBe(created.createdAt);

    const closed = expectOk(await t.http<ProductDto>('POST', `/products/${id}/poll/close`));
    const after = await eventually('the read model to show the close', async () => {
      const res = await t.http<ProductDto>('GET', `/products/${id}`);
      return res.body.seq === closed.seq ? res.body : undefined;
    });
    expect({ createdAt: closed.createdAt, updatedAt: closed.updatedAt }).toEqual({ createdAt: created.createdAt, updatedAt: after.updatedAt });
    expect(after.createdAt).toBe(created.createdAt);
    const item = await listed();
    expect({ createdAt: item?.createdAt, updatedAt: item?.updatedAt }).toEqual({ createdAt: created.createdAt, updatedAt: after.updatedAt });
    // Apart from the links the API adds, the action's answer is the product as GET then shows it.
    expect(closed).toEqual(after);
  });

  it('returns only the timeline events after afterSeq', async () => {
    const id = miasProducts[0];
    const all = expectOk(await t.http<TimelineDto>('GET', `/products/${id}/timeline`)).events;
    expect(all.length).toBeGreaterThanOrEqual(4);
    const later = expectOk(await t.http<TimelineDto>('GET', `/products/${id}/timeline?afterSeq=2`)).events;
    expect(later).toEqual(all.slice(2));
    expect(expectOk(await t.http<TimelineDto>('GET', `/products/${id}/timeline?afterSeq=${all.length}`)).events).toEqual([]);
  });

  it('records one review reminder from the engine when a design review waits longer than REVIEW_REMINDER_AFTER', async () => {
    const id = miasProducts[3];
    const submitted = expectOk(await t.http<ProductDto>('POST', `/products/${id}/designs`, { body: { title: 'Slow review', description: 'd' } }));
    const reminder = await eventually('the review reminder', async () => {
      const events = expectOk(await t.http<TimelineDto>('GET', `/products/${id}/timeline?afterSeq=${submitted.seq}`)).events;
      return events.find((e) => e.type === 'DESIGN_REVIEW_REMINDER');
    });
    expect(reminder).toMatchObject({ stage: 'DESIGN', actor: { kind: 'system' }, data: { round: 1 } });
    const submittedAt = Date.parse(submitted.designs[0].submittedAt);
    expect(Date.parse(reminder.at) - submittedAt).toBeGreaterThanOrEqual(1_000);
    const view = expectOk(await t.http<ProductDto>('GET', `/products/${id}`));
    expect(view.designs[0].remindedAt).toBe(reminder.at);
    expect(view.pendingAction).toMatchObject({ by: 'influencer', action: 'REVIEW_DESIGN' });
    expect(expectOk(await t.http<ProductDto>('POST', `/products/${id}/designs/1/review`, { key: mia.influencerKey, body: { decision: 'APPROVE' } })).stage).toBe('SAMPLING');
  });

  it('reports PostgreSQL and Temporal as up on /health without a key', async () => {
    const health = expectOk(await t.http('GET', '/health', { key: null }));
    expect(health).toEqual({ status: 'ok', database: 'up', temporal: 'up' });
  });

  it('serves an OpenAPI document listing the product routes, and an HTML page at /docs', async () => {
    const doc = expectOk(await t.http<OpenAPIObject>('GET', '/docs/openapi.json', { key: null }));
    expect(doc.openapi).toMatch(/^3\./);
    const routes: [string, 'get' | 'post'][] = [
      ['/products', 'get'],
      ['/products', 'post'],
      ['/products/{id}', 'get'],
      ['/products/{id}/timeline', 'get'],
      ['/products/{id}/poll/close', 'post'],
      ['/products/{id}/poll/extend', 'post'],
      ['/products/{id}/designs', 'post'],
      ['/products/{id}/designs/{round}/review', 'post'],
      ['/products/{id}/samples', 'post'],
      ['/products/{id}/samples/{round}/review', 'post'],
      ['/products/{id}/production', 'post'],
      ['/products/{id}/production/milestones', 'post'],
      ['/products/{id}/launch', 'post'],
      ['/products/{id}/cancel', 'post'],
      ['/influencers', 'post'],
      ['/api-keys', 'post'],
      ['/health', 'get'],
    ];
    for (const [path, method] of routes) expect({ path, method, documented: Boolean(doc.paths[path]?.[method]) }).toEqual({ path, method, documented: true });
    expect(doc.paths['/products/{id}/designs/{round}/review'].post?.responses).toHaveProperty('409');
    expect(doc.components?.schemas?.CreateProductDto).toMatchObject({ required: expect.arrayContaining(['name', 'influencerId', 'targetKeyword', 'poll']) as string[] });
    expect(doc.components?.schemas?.ErrorBody).toMatchObject({ required: expect.arrayContaining(['statusCode', 'error', 'message']) as string[] });
    expect(doc.components?.securitySchemes).toHaveProperty('bearer');
    // The poll's tie-break rule is stated in the API docs.
    expect(doc.info.description).toMatch(/tie/i);
    // The document describes the staff-only link to anyone (it is the answer's details that are staff-only).
    expect(JSON.stringify(doc.components?.schemas)).toContain('"temporalUi"');

    const page = await t.http('GET', '/docs', { key: null });
    expect(page.status).toBe(200);
    expect(String(page.body)).toMatch(/<html/i);
    expect(String(page.body)).toMatch(/swagger/i);
  });
});
