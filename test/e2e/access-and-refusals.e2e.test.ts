// Authentication, roles, ownership and every refusal code over HTTP: a wrong request always gets a clear
// 4xx with the one error body, never a 500.
import { advanceTo, castInfluencer, createProduct, productBody, type Cast } from '../support/product-flow';
import { startTestEngine, type TestEngine } from '../support/stack';

jest.setTimeout(60_000);

function expectErrorBody(res: { status: number; body: any }, status: number, message?: RegExp) {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ statusCode: status, error: expect.any(String), message: expect.any(String) });
  if (message) expect(res.body.message).toMatch(message);
}

describe('authentication and ownership', () => {
  let t: TestEngine;
  let mia: Cast;
  let leo: Cast;
  let miasProduct: string;

  beforeAll(async () => {
    t = await startTestEngine({ API_KEY_CACHE_TTL: '0ms' });
    mia = await castInfluencer(t, 'mia');
    leo = await castInfluencer(t, 'leo');
    miasProduct = await createProduct(t, mia.influencerId);
    await advanceTo(t, mia, miasProduct, 'DESIGN');
    expect((await t.http('POST', `/products/${miasProduct}/designs`, { body: { title: 'v1', description: 'd' } })).status).toBe(200);
  });
  afterAll(() => t.stop());

  it('answers 401 without a key, with a malformed key and with an unknown key', async () => {
    expectErrorBody(await t.http('GET', '/products', { key: null }), 401, /API key is required/);
    expectErrorBody(await t.http('GET', '/products', { key: 'not-a-key' }), 401, /not valid/);
    expectErrorBody(await t.http('GET', '/products', { key: `ibk_000000000000_${'a'.repeat(43)}` }), 401, /not valid/);
  });

  it('accepts the key in X-API-Key as well as Authorization', async () => {
    const res = await t.http('GET', '/products', { key: null, headers: { 'x-api-key': t.staffKey } });
    expect(res.status).toBe(200);
  });

  it('stops accepting a key once it is revoked', async () => {
    const issued = await t.http('POST', '/api-keys', { body: { role: 'staff', label: 'temp' } });
    expect((await t.http('GET', '/products', { key: issued.body.key })).status).toBe(200);
    expect((await t.http('DELETE', `/api-keys/${issued.body.id}`)).status).toBe(204);
    expectErrorBody(await t.http('GET', '/products', { key: issued.body.key }), 401, /revoked/);
  });

  it('never shows a key again after issuing it', async () => {
    const list = await t.http('GET', '/api-keys');
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(mia.influencerKey);
    expect(list.body[0]).not.toHaveProperty('key');
    const stored = await t.db.dataSource.query('SELECT secret_hash FROM api_keys');
    expect(JSON.stringify(stored)).not.toContain(mia.influencerKey.split('_')[2]);
  });

  it('refuses staff-only routes to an influencer key with 403', async () => {
    const key = mia.influencerKey;
    expectErrorBody(await t.http('POST', '/products', { key, body: productBody(mia.influencerId) }), 403, /staff key/);
    expectErrorBody(await t.http('POST', `/products/${miasProduct}/designs`, { key, body: { title: 'x', description: 'y' } }), 403);
    expectErrorBody(await t.http('POST', `/products/${miasProduct}/poll/close`, { key }), 403);
    expectErrorBody(await t.http('POST', `/products/${miasProduct}/cancel`, { key, body: { reason: 'no' } }), 403);
    expectErrorBody(await t.http('GET', '/api-keys', { key }), 403);
    expectErrorBody(await t.http('POST', '/influencers', { key, body: { handle: 'x1', displayName: 'x' } }), 403);
  });

  it('refuses a design review from a staff key with 403', async () => {
    expectErrorBody(await t.http('POST', `/products/${miasProduct}/designs/1/review`, { body: { decision: 'APPROVE' } }), 403, /influencer key/);
  });

  it("rejects a design review from another influencer's key with 403", async () => {
    const res = await t.http('POST', `/products/${miasProduct}/designs/1/review`, { key: leo.influencerKey, body: { decision: 'APPROVE' } });
    expectErrorBody(res, 403, /another influencer/);
    expectErrorBody(await t.http('GET', `/products/${miasProduct}`, { key: leo.influencerKey }), 403);
    expectErrorBody(await t.http('GET', `/products/${miasProduct}/timeline`, { key: leo.influencerKey }), 403);
  });

  it('lets an influencer read only her own products', async () => {
    await createProduct(t, leo.influencerId);
    const mine = await t.http('GET', '/products', { key: mia.influencerKey });
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((p: { influencerId: string }) => p.influencerId === mia.influencerId)).toBe(true);
    const asked = await t.http('GET', `/products?influencerId=${leo.influencerId}`, { key: mia.influencerKey });
    expect(asked.body.items.every((p: { influencerId: string }) => p.influencerId === mia.influencerId)).toBe(true);
    expect((await t.http('GET', `/products/${miasProduct}`, { key: mia.influencerKey })).status).toBe(200);
  });

  it('answers 404 for an unknown product', async () => {
    expectErrorBody(await t.http('GET', '/products/p-doesnotexist'), 404, /p-doesnotexist does not exist/);
    expectErrorBody(await t.http('POST', '/products/p-doesnotexist/poll/close'), 404);
    expectErrorBody(await t.http('GET', '/products/..%2F..%2Fetc'), 404);
  });
});

describe('refusals', () => {
  let t: TestEngine;
  let mia: Cast;

  beforeAll(async () => {
    t = await startTestEngine({ DESIGN_ROUND_LIMIT: '2' });
    mia = await castInfluencer(t, 'mia');
  });
  afterAll(() => t.stop());

  it('answers 409 naming the product, its stage and the allowed stage for an action in the wrong stage', async () => {
    const id = await createProduct(t, mia.influencerId);
    const res = await t.http('POST', `/products/${id}/designs/1/review`, { key: mia.influencerKey, body: { decision: 'APPROVE' } });
    expectErrorBody(res, 409, new RegExp(`product ${id} is in POLL; design review is accepted only in DESIGN`));
    expect(res.body.code).toBe('WRONG_STAGE');
    expectErrorBody(await t.http('POST', `/products/${id}/production/milestones`, { body: { milestone: 'MATERIALS' } }), 409, /accepted only in PRODUCTION/);
  });

  it('answers 409 for an action the stage accepts but the state does not', async () => {
    const id = await createProduct(t, mia.influencerId);
    await advanceTo(t, mia, id, 'DESIGN');
    expect((await t.http('POST', `/products/${id}/designs`, { body: { title: 'v1', description: 'd' } })).status).toBe(200);
    const second = await t.http('POST', `/products/${id}/designs`, { body: { title: 'v2', description: 'd' } });
    expectErrorBody(second, 409, /waiting for the influencer's review/);
    expect(second.body.code).toBe('INVALID_STATE');
    const twice = await t.http('POST', `/products/${id}/poll/close`);
    expectErrorBody(twice, 409, /accepted only in POLL/);
  });

  it('answers 409 when the design rounds are used up, leaving only cancel', async () => {
    const id = await createProduct(t, mia.influencerId);
    await advanceTo(t, mia, id, 'DESIGN');
    for (const round of [1, 2]) {
      expect((await t.http('POST', `/products/${id}/designs`, { body: { title: `v${round}`, description: 'd' } })).status).toBe(200);
      const reviewed = await t.http('POST', `/products/${id}/designs/${round}/review`, { key: mia.influencerKey, body: { decision: 'REQUEST_CHANGES', feedback: 'no' } });
      expect(reviewed.status).toBe(200);
    }
    const third = await t.http('POST', `/products/${id}/designs`, { body: { title: 'v3', description: 'd' } });
    expectErrorBody(third, 409, /used all 2 design rounds/);
    expect(third.body.code).toBe('ROUND_LIMIT_REACHED');
    expect((await t.http('GET', `/products/${id}`)).body.pendingAction).toMatchObject({ by: 'staff', action: 'CANCEL' });
  });

  it('answers 409 for milestones out of order', async () => {
    const id = await createProduct(t, mia.influencerId);
    await advanceTo(t, mia, id, 'PRODUCTION');
    expectErrorBody(await t.http('POST', `/products/${id}/production/milestones`, { body: { milestone: 'MATERIALS' } }), 409, /has not started/);
    await t.http('POST', `/products/${id}/production`, { body: { supplier: 'Mill', dueDate: new Date(Date.now() + 86_400_000).toISOString() } });
    expectErrorBody(await t.http('POST', `/products/${id}/production/milestones`, { body: { milestone: 'SEWING' } }), 409, /next one is MATERIALS, not SEWING/);
  });

  it('answers 422 with the fields that are wrong for an invalid product', async () => {
    const res = await t.http('POST', '/products', { body: { ...productBody(mia.influencerId), extra: 1, name: '' } });
    expectErrorBody(res, 422);
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['extra', 'name']));

    const one = await t.http('POST', '/products', { body: productBody(mia.influencerId, { poll: { question: 'q', options: [{ label: 'A' }], durationMinutes: 5, minVotes: 0 } }) });
    expectErrorBody(one, 422, /at least 2 options/);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ label: `O${i}` }));
    expectErrorBody(await t.http('POST', '/products', { body: productBody(mia.influencerId, { poll: { question: 'q', options: eleven, durationMinutes: 5, minVotes: 0 } }) }), 422, /at most 10 options/);
    const past = { question: 'q', options: [{ label: 'A' }, { label: 'B' }], closesAt: '2020-01-01T00:00:00Z', minVotes: 0 };
    expectErrorBody(await t.http('POST', '/products', { body: productBody(mia.influencerId, { poll: past }) }), 422, /not in the future/);
    const both = { ...past, closesAt: new Date(Date.now() + 60_000).toISOString(), durationMinutes: 5 };
    expectErrorBody(await t.http('POST', '/products', { body: productBody(mia.influencerId, { poll: both }) }), 422, /exactly one/);
    expectErrorBody(await t.http('POST', '/products', { body: productBody('inf-nobody') }), 422, /influencer inf-nobody does not exist/);
    const dup = { question: 'q', options: [{ id: 'a', label: 'A' }, { id: 'a', label: 'B' }], durationMinutes: 5, minVotes: 0 };
    expectErrorBody(await t.http('POST', '/products', { body: productBody(mia.influencerId, { poll: dup }) }), 422, /used twice/);
  });

  it('answers 422 for invalid action values', async () => {
    const id = await createProduct(t, mia.influencerId);
    expectErrorBody(await t.http('POST', `/products/${id}/poll/extend`, { body: { closesAt: '2020-01-01T00:00:00Z' } }), 422, /not in the future/);
    expectErrorBody(await t.http('POST', `/products/${id}/poll/extend`, { body: { closesAt: 'tomorrow' } }), 422, /ISO-8601/);
    await advanceTo(t, mia, id, 'DESIGN');
    await t.http('POST', `/products/${id}/designs`, { body: { title: 'v1', description: 'd' } });
    expectErrorBody(await t.http('POST', `/products/${id}/designs/1/review`, { key: mia.influencerKey, body: { decision: 'REQUEST_CHANGES' } }), 422, /needs feedback/);
    expectErrorBody(await t.http('POST', `/products/${id}/designs/1/review`, { key: mia.influencerKey, body: { decision: 'MAYBE' } }), 422, /decision must be one of/);
    expectErrorBody(await t.http('POST', `/products/${id}/designs/abc/review`, { key: mia.influencerKey, body: { decision: 'APPROVE' } }), 422, /round must be a whole number/);
    expectErrorBody(await t.http('POST', `/products/${id}/designs/7/review`, { key: mia.influencerKey, body: { decision: 'APPROVE' } }), 422, /no design round 7/);
    expectErrorBody(await t.http('POST', `/products/${id}/cancel`, { body: {} }), 422, /reason/);
  });

  it('answers 422 for a launch in the past and an unknown milestone', async () => {
    const id = await createProduct(t, mia.influencerId);
    await advanceTo(t, mia, id, 'LAUNCH');
    expectErrorBody(await t.http('POST', `/products/${id}/launch`, { body: { launchAt: '2020-01-01T00:00:00Z' } }), 422, /not in the future/);
    expectErrorBody(await t.http('POST', `/products/${id}/production/milestones`, { body: { milestone: 'DYEING' } }), 422, /milestone must be one of/);
  });

  it('answers 400 for a body that is not JSON and 413 for a body over 1 MiB', async () => {
    expectErrorBody(await t.http('POST', '/influencers', { rawBody: '{"handle": ', headers: { 'content-type': 'application/json' } }), 400);
    const huge = JSON.stringify({ handle: 'big', displayName: 'x'.repeat(1_100_000) });
    expectErrorBody(await t.http('POST', '/influencers', { rawBody: huge, headers: { 'content-type': 'application/json' } }), 413);
  });

  it('answers 409 for a duplicate influencer handle and 422 for an invalid list filter', async () => {
    expectErrorBody(await t.http('POST', '/influencers', { body: { handle: 'mia', displayName: 'Again' } }), 409, /already exists/);
    expectErrorBody(await t.http('GET', '/products?stage=DONE'), 422, /stage must be one of/);
    expectErrorBody(await t.http('GET', '/products?limit=1000'), 422, /limit/);
    expectErrorBody(await t.http('GET', '/products?cursor=bm9wZQ'), 422, /cursor/);
  });
});
