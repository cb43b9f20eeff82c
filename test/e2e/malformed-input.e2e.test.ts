// The API never answers 500 to a client's mistake: forged cursors, out-of-range numbers, text PostgreSQL
// cannot store, deeply nested JSON and odd bodies on every route all get a 4xx with the one error body,
// and a refused value never reaches a product's workflow.
import type { ApiResponse } from '../support/api-client';
import type { ProductDto, TimelineDto } from '../support/api-types';
import { advanceTo, castInfluencer, createProduct, productBody, type Cast } from '../support/product-flow';
import { eventually, startTestEngine, temporalClient, type TestEngine } from '../support/stack';
import { expectError, expectNoServerError, expectOk, type Res, recordAttacks } from './e2e-helpers';

const b64 = (s: string) => Buffer.from(s).toString('base64url');

describe('malformed input', () => {
  const attacks = recordAttacks('malformed cursors, NUL and lone surrogates, deep JSON, over-long keys');
  let t: TestEngine;
  let mia: Cast;
  // Products whose workflow took a value the read model cannot store: terminated after the test, so a
  // read-model write retrying forever does not hold up the worker's shutdown.
  const poisoned = new Set<string>();

  beforeAll(async () => {
    t = await startTestEngine();
    mia = await castInfluencer(t, 'mia');
  });
  afterEach(async () => {
    if (poisoned.size === 0) return;
    const client = await temporalClient();
    for (const id of poisoned) await client.workflow.getHandle(`product-${id}`).terminate('e2e cleanup: unstorable value accepted').catch(() => undefined);
    poisoned.clear();
    await client.connection.close();
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** Sends every case, then compares all statuses at once, so a failure lists each offending request. `T`: the body a success has. */
  async function statuses<T = unknown>(cases: { what: string; method?: string; path: string; opts?: Parameters<TestEngine['http']>[2] }[]): Promise<{ what: string; res: ApiResponse<T> }[]> {
    const out: { what: string; res: ApiResponse<T> }[] = [];
    for (const c of cases) out.push({ what: c.what, res: await t.http<T>(c.method ?? 'GET', c.path, c.opts) });
    return out;
  }

  it('answers a list cursor it never issued with 422, never 500', async () => {
    const cursors: [string, string][] = [
      ['a year alone', b64('2020|p-x')],
      ['a time PostgreSQL cannot store', b64('+275760-09-13T00:00:00.000Z|p-x')],
      ['an id with NUL', b64('2026-01-01T00:00:00Z|p-\u0000')],
      ['empty parts', b64('|')],
      ['no separator', 'bm9wZQ'],
      ['bytes that are not UTF-8', '%FF%FE'],
    ];
    const seen = await statuses(cursors.map(([what, c]) => ({ what: `cursor with ${what}`, path: `/products?cursor=${c}` })));
    expect(seen.map(({ what, res }) => ({ what, status: res.status }))).toEqual(seen.map(({ what }) => ({ what, status: 422 })));
    for (const { res } of seen) attacks.refused(res, [422], { message: 'cursor' });
  });

  it('answers a timeline afterSeq beyond any sequence number with 422 or an empty list, never 500', async () => {
    const id = await createProduct(t, mia.influencerId);
    const seen = await statuses<TimelineDto>(['2147483648', '3000000000', '99999999999999999999'].map((n) => ({ what: `afterSeq=${n}`, path: `/products/${id}/timeline?afterSeq=${n}` })));
    const ok = (res: ApiResponse<TimelineDto>) => res.status === 422 || (res.status === 200 && res.body.events?.length === 0);
    expect(seen.map(({ what, res }) => ({ what, status: ok(res) ? '422 or no events' : res.status }))).toEqual(seen.map(({ what }) => ({ what, status: '422 or no events' })));
    for (const { res } of seen) if (res.status === 422) expectError(res, 422, { fields: ['afterSeq'] });
  });

  it('refuses text with a NUL character or a lone surrogate with 422 when creating influencers, keys and products', async () => {
    const post = (what: string, path: string, opts: { body?: unknown; rawBody?: string }) => ({ what, method: 'POST', path, opts });
    const seen = await statuses([
      post('influencer displayName with NUL', '/influencers', { body: { handle: 'nul', displayName: 'Nul\u0000Char' } }),
      post('API key label with NUL', '/api-keys', { body: { role: 'staff', label: 'laptop\u0000' } }),
      post('product name with NUL', '/products', { body: productBody(mia.influencerId, { name: 'Dress\u0000' }) }),
      post('product influencerId with NUL', '/products', { body: productBody('inf-\u0000') }),
      post('product targetKeyword with NUL', '/products', { body: productBody(mia.influencerId, { targetKeyword: 'linen\u0000dress' }) }),
      post('poll question with NUL', '/products', { body: productBody(mia.influencerId, { poll: { ...productBody(mia.influencerId).poll, question: 'Which\u0000?' } }) }),
      post('product name with a lone surrogate', '/products', { rawBody: JSON.stringify(productBody(mia.influencerId)).replace('Summer dress', 'Summer \\ud800 dress') }),
    ]);
    expect(seen.map(({ what, res }) => ({ what, status: res.status }))).toEqual(seen.map(({ what }) => ({ what, status: 422 })));
    for (const { res } of seen) attacks.refused(res, [422]);
  });

  it('answers a NUL character in a path or filter with 404 or 422 naming the parameter, never 500', async () => {
    const seen = await statuses([
      { what: 'GET /influencers/%00', path: '/influencers/%00' },
      { what: 'GET /products/%00', path: '/products/%00' },
      { what: 'GET /products?influencerId=%00', path: '/products?influencerId=%00' },
    ]);
    expect(seen.map(({ what, res }) => ({ what, status: res.status }))).toEqual([
      { what: 'GET /influencers/%00', status: 422 },
      { what: 'GET /products/%00', status: 404 },
      { what: 'GET /products?influencerId=%00', status: 422 },
    ]);
    attacks.refused(seen[0].res, [422], { fields: ['id'] });
    attacks.refused(seen[2].res, [422], { fields: ['influencerId'] });
  });

  async function productInDesign(): Promise<string> {
    const id = await createProduct(t, mia.influencerId);
    await advanceTo(t, mia, id, 'DESIGN');
    return id;
  }

  async function expectRefusedAndStillMoving(id: string, res: Res, what: string): Promise<void> {
    if (res.status === 200) poisoned.add(id);
    expectNoServerError(res, what);
    attacks.refused(res, [422]);
    // The product is untouched and keeps moving: the next valid action shows up in GET /products/:id.
    const answer = expectOk(await t.http<ProductDto>('POST', `/products/${id}/designs`, { body: { title: 'clean', description: 'clean' } }));
    await eventually(`GET /products/${id} to show seq ${answer.seq}`, async () => (await t.http<ProductDto>('GET', `/products/${id}`)).body.seq === answer.seq, 5_000);
  }

  it('refuses an array or a string where a nested object is expected with 422 naming the field, never 500', async () => {
    const post = (what: string, path: string, body: unknown) => ({ what, method: 'POST', path, opts: { body } });
    const product = productBody(mia.influencerId);
    const cases: [{ what: string; method: string; path: string; opts: { body: unknown } }, string][] = [
      [post('an empty array as the poll', '/products', { ...product, poll: [] }), 'poll'],
      [post('an array of options as the poll', '/products', { ...product, poll: [product.poll] }), 'poll'],
      [post('an empty array as the demand goal', '/products', { ...product, demandGoal: [] }), 'demandGoal'],
      [post('text as the sales rules', '/products', { ...product, sales: 'restock often' }), 'sales'],
      [post('an empty array as an influencer\'s contact', '/influencers', { handle: 'arrays', displayName: 'Arrays', contact: [] }), 'contact'],
    ];
    const seen = await statuses(cases.map(([c]) => c));
    expect(seen.map(({ what, res }) => ({ what, status: res.status }))).toEqual(seen.map(({ what }) => ({ what, status: 422 })));
    seen.forEach(({ res }, i) => attacks.refused(res, [422], { fields: [cases[i][1]] }));
  });

  it('refuses a NUL character or a lone surrogate in action text with 422 instead of freezing the product read model', async () => {
    // Text PostgreSQL cannot store must be refused before it reaches the workflow: once the workflow has
    // accepted it, no read-model write of that product can succeed again.
    const cases: [string, string, { body?: unknown; rawBody?: string }][] = [
      ['design title with NUL', 'designs', { body: { title: 'Wrap\u0000v1', description: 'd' } }],
      ['design description with a lone surrogate', 'designs', { rawBody: '{"title":"Wrap v1","description":"broken \\udc00 text"}' }],
      ['cancellation reason with NUL', 'cancel', { body: { reason: 'stop\u0000' } }],
    ];
    for (const [what, action, opts] of cases) {
      const id = await productInDesign();
      const res = await t.http('POST', `/products/${id}/${action}`, opts);
      await expectRefusedAndStillMoving(id, res, what);
    }
  });

  it('answers deeply nested JSON with 400 or 422, never 500', async () => {
    const arrays = (n: number) => '['.repeat(n) + ']'.repeat(n);
    const objects = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
    const bodies: [string, string][] = [
      ['/products', `{"name":"x","influencerId":"${mia.influencerId}","targetKeyword":"k","poll":${arrays(5_000)}}`],
      ['/products', `{"name":"x","influencerId":"${mia.influencerId}","targetKeyword":"k","poll":{"question":"q","minVotes":0,"durationMinutes":5,"options":[${'{"label":'.repeat(3_000)}"x"${'}'.repeat(3_000)},{"label":"y"}]}}`],
      ['/influencers', `{"handle":"deep","displayName":"x","extra":${objects(50_000)}}`],
      ['/influencers', `{"handle":"deep","displayName":"x","extra":${arrays(100_000)}}`],
    ];
    const seen = await statuses(bodies.map(([path, rawBody]) => ({ what: `${path} with ${rawBody.length} bytes of nesting`, method: 'POST', path, opts: { rawBody } })));
    expect(seen.map(({ what, res }) => ({ what, status: res.status === 400 || res.status === 422 ? '400 or 422' : res.status }))).toEqual(seen.map(({ what }) => ({ what, status: '400 or 422' })));
    for (const { what, res } of seen) {
      expectNoServerError(res, what);
      attacks.refused(res, [400, 422]);
    }
  });

  it('answers odd but well-formed bodies, queries and paths on every route with a 4xx, never 500', async () => {
    const id = await productInDesign();
    const p = `/products/${id}`;
    const bodies: { body?: unknown; rawBody?: string; headers?: Record<string, string> }[] = [
      { rawBody: 'null' },
      { body: [] },
      { body: 'text' },
      { body: 42 },
      { body: true },
      { body: {} },
      { body: { nested: { a: [1, { b: null }] } } },
      { body: { title: {}, description: [], decision: ['APPROVE'], reason: 12, milestone: null, launchAt: 12345, closesAt: true, supplier: false } },
      { rawBody: '{"quantity": 1e400, "supplier": "x", "dueDate": "2099-01-01T00:00:00Z"}' },
      { rawBody: '{"launchAt": "2099-02-30T00:00:00Z", "closesAt": "2099-13-01T00:00:00Z", "dueDate": "0000-00-00T00:00:00Z"}' },
      { rawBody: 'hello', headers: { 'content-type': 'text/plain' } },
    ];
    const routes: [string, string, string?][] = [
      ['POST', '/influencers'],
      ['POST', '/api-keys'],
      ['POST', '/products'],
      ['POST', `${p}/poll/close`],
      ['POST', `${p}/poll/extend`],
      ['POST', `${p}/designs`],
      ['POST', `${p}/designs/1/review`, mia.influencerKey],
      ['POST', `${p}/samples`],
      ['POST', `${p}/samples/1/review`, mia.influencerKey],
      ['POST', `${p}/production`],
      ['POST', `${p}/production/milestones`],
      ['POST', `${p}/launch`],
      ['POST', `${p}/cancel`],
    ];
    for (const [method, path, key] of routes) {
      for (const opts of bodies) {
        const res = await t.http(method, path, { ...opts, key });
        expectNoServerError(res, `${method} ${path} ${JSON.stringify(opts)}`);
        attacks.refused(res, [400, 403, 409, 413, 415, 422]);
      }
    }
    const gets = [
      '/products?limit=1e400',
      '/products?limit=-0',
      '/products?stage=POLL&stage=DESIGN',
      '/products?stage[]=POLL',
      '/products?influencerId[a]=b',
      `/products?influencerId=${'x'.repeat(5_000)}`,
      `${p}/timeline?afterSeq=1.5`,
      `${p}/timeline?afterSeq=NaN`,
      '/products/%',
      '/products/%E0%A4%A',
      `/products/${'p'.repeat(5_000)}`,
      '/influencers/%E0%A4%A',
    ];
    for (const path of gets) {
      const res = await t.http('GET', path);
      expectNoServerError(res, `GET ${path}`);
    }
    const longKey = await t.http('GET', '/products', { key: `ibk_${'a'.repeat(8_000)}` });
    attacks.refused(longKey, [401]);
    // None of it reached the product.
    expect(expectOk(await t.http('GET', p))).toMatchObject({ stage: 'DESIGN', designs: [], seq: 4 });
  });
});
