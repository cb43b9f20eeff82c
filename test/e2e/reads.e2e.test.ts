// Reads over HTTP: product lists (filters, keyset pagination), health and the OpenAPI document.
import { advanceTo, castInfluencer, createProduct, type Cast } from '../support/product-flow';
import { startTestEngine, type TestEngine } from '../support/stack';

jest.setTimeout(60_000);

describe('reads', () => {
  let t: TestEngine;
  let mia: Cast;
  let leo: Cast;
  const miasProducts: string[] = [];

  beforeAll(async () => {
    t = await startTestEngine();
    mia = await castInfluencer(t, 'mia');
    leo = await castInfluencer(t, 'leo');
    for (let i = 0; i < 5; i++) miasProducts.push(await createProduct(t, mia.influencerId, { name: `Mia ${i}` }));
    await createProduct(t, leo.influencerId, { name: 'Leo 0' });
    await advanceTo(t, mia, miasProducts[0], 'DESIGN');
  });
  afterAll(() => t.stop());

  it('pages through products newest first without duplicates or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: any } = await t.http('GET', `/products?influencerId=${mia.influencerId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((p: { id: string }) => p.id));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...miasProducts].reverse());
  });

  it('filters by stage and by influencer', async () => {
    const design = await t.http('GET', '/products?stage=DESIGN');
    expect(design.body.items.map((p: { id: string }) => p.id)).toEqual([miasProducts[0]]);
    const leos = await t.http('GET', `/products?influencerId=${leo.influencerId}`);
    expect(leos.body.items).toHaveLength(1);
    expect(leos.body.items[0]).toMatchObject({ name: 'Leo 0', stage: 'POLL', pendingAction: { by: 'fans' } });
  });

  it('shows a product with its poll result, rounds, production, launch and links', async () => {
    const res = await t.http('GET', `/products/${miasProducts[0]}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: miasProducts[0],
      stage: 'DESIGN',
      pendingAction: { by: 'staff', action: 'SUBMIT_DESIGN' },
      poll: { status: 'CLOSED', result: { totalVotes: 0 } },
      designs: [],
      samples: [],
      production: { milestones: [] },
      launch: { countdowns: [] },
      links: { self: `/products/${miasProducts[0]}`, timeline: `/products/${miasProducts[0]}/timeline` },
    });
    expect(res.body).not.toHaveProperty('rules');
  });

  it('reports PostgreSQL and Temporal as up on /health without a key', async () => {
    const res = await t.http('GET', '/health', { key: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { status: 'up' }, temporal: { status: 'up' } });
  });

  it('serves an OpenAPI document generated from the code, and its page', async () => {
    const doc = await t.http('GET', '/docs/openapi.json', { key: null });
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/products', '/products/{id}', '/products/{id}/timeline', '/products/{id}/designs/{round}/review', '/health']),
    );
    expect(doc.body.components.schemas.CreateProductDto.required).toEqual(expect.arrayContaining(['name', 'influencerId', 'targetKeyword', 'poll']));
    const page = await t.http('GET', '/docs', { key: null });
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('<html');
  });
});
