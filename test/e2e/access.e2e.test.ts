// Authentication, roles and ownership over HTTP: who may call what, with the one error body. The engine
// runs with API_KEY_CACHE_TTL=0 so that a revocation is visible on the very next request.
import { advanceTo, castInfluencer, createProduct, productBody, type Cast } from '../support/product-flow';
import type { ApiKeyDto, IssuedApiKeyDto, ProductDto, ProductPageDto, TimelineDto } from '../support/api-types';
import { startTestEngine, type TestEngine } from '../support/stack';
import { expectOk, inFuture, recordAttacks } from './e2e-helpers';

describe('authentication, roles and ownership', () => {
  const attacks = recordAttacks('keys that are missing, forged, revoked, of the wrong role or influencer; unknown ids');
  let t: TestEngine;
  let mia: Cast;
  let leo: Cast;
  let miasProduct: string;
  let leosProduct: string;

  beforeAll(async () => {
    t = await startTestEngine({ API_KEY_CACHE_TTL: '0ms' });
    mia = await castInfluencer(t, 'mia');
    leo = await castInfluencer(t, 'leo');
    miasProduct = await createProduct(t, mia.influencerId, { name: 'Mia dress' });
    leosProduct = await createProduct(t, leo.influencerId, { name: 'Leo jacket' });
    await advanceTo(t, mia, miasProduct, 'DESIGN');
    expectOk(await t.http('POST', `/products/${miasProduct}/designs`, { body: { title: 'v1', description: 'd' } }));
  });
  afterAll(async () => {
    await t?.stop();
  });

  const unauthenticated = { code: 'UNAUTHENTICATED' };

  it('answers 401 to a request without an API key', async () => {
    attacks.refused(await t.http('GET', '/products', { key: null }), [401], { ...unauthenticated, message: 'API key is required' });
    attacks.refused(await t.http('POST', '/products', { key: null, body: productBody(mia.influencerId) }), [401], unauthenticated);
    attacks.refused(await t.http('GET', `/products/${miasProduct}`, { key: null }), [401], unauthenticated);
    attacks.refused(await t.http('GET', '/products', { key: null, headers: { authorization: 'Basic c3RhZmY6c2VjcmV0' } }), [401], unauthenticated);
    attacks.refused(await t.http('GET', '/products', { key: null, headers: { authorization: 'Bearer ' } }), [401], unauthenticated);
  });

  it('answers 401 to a malformed or unknown API key', async () => {
    attacks.refused(await t.http('GET', '/products', { key: 'not-a-key' }), [401], { ...unauthenticated, message: 'not valid' });
    attacks.refused(await t.http('GET', '/products', { key: `ibk_000000000000_${'a'.repeat(43)}` }), [401], { ...unauthenticated, message: 'not valid' });
    // The right prefix with a wrong secret.
    const forged = `${t.staffKey.slice(0, 17)}${'A'.repeat(43)}`;
    expect(forged).not.toBe(t.staffKey);
    attacks.refused(await t.http('GET', '/products', { key: forged }), [401], unauthenticated);
    attacks.refused(await t.http('GET', '/products', { key: null, headers: { 'x-api-key': 'nope' } }), [401], unauthenticated);
  });

  it('accepts a key in X-API-Key as well as in Authorization: Bearer', async () => {
    expectOk(await t.http('GET', '/products', { key: null, headers: { 'x-api-key': t.staffKey } }));
    expectOk(await t.http('GET', '/products', { key: null, headers: { authorization: `bearer ${mia.influencerKey}` } }));
  });

  it('answers 401 to a key once it is revoked, and lists it as revoked', async () => {
    const staff = expectOk(await t.http<IssuedApiKeyDto>('POST', '/api-keys', { body: { role: 'staff', label: 'temp laptop' } }), 201);
    const extra = await castInfluencer(t, 'zoe');
    const extraKeys = expectOk(await t.http<ApiKeyDto[]>('GET', '/api-keys')).filter((k) => k.influencerId === extra.influencerId);
    expectOk(await t.http('GET', '/products', { key: staff.key }));
    expectOk(await t.http('GET', '/products', { key: extra.influencerKey }));

    expect((await t.http('DELETE', `/api-keys/${staff.id}`)).status).toBe(204);
    expect((await t.http('DELETE', `/api-keys/${extraKeys[0].id}`)).status).toBe(204);
    attacks.refused(await t.http('GET', '/products', { key: staff.key }), [401], { ...unauthenticated, message: 'revoked' });
    attacks.refused(await t.http('GET', '/products', { key: extra.influencerKey }), [401], unauthenticated);
    attacks.refused(await t.http('POST', '/influencers', { key: staff.key, body: { handle: 'ghost', displayName: 'Ghost' } }), [401], unauthenticated);

    const listed = expectOk(await t.http<ApiKeyDto[]>('GET', '/api-keys')).find((k) => k.id === staff.id);
    expect(Date.parse(listed?.revokedAt ?? '')).not.toBeNaN();
    // Revoking twice is harmless; unknown and malformed ids are told apart.
    expect((await t.http('DELETE', `/api-keys/${staff.id}`)).status).toBe(204);
    attacks.refused(await t.http('DELETE', '/api-keys/00000000-0000-4000-8000-000000000000'), [404], { code: 'NOT_FOUND' });
    attacks.refused(await t.http('DELETE', '/api-keys/not-a-uuid'), [422]);
    // The other keys still work.
    expectOk(await t.http('GET', '/products'));
    expectOk(await t.http('GET', '/products', { key: mia.influencerKey }));
  });

  it('returns a new key once and never shows it again', async () => {
    const issued = expectOk(await t.http<IssuedApiKeyDto>('POST', '/api-keys', { body: { role: 'staff', label: 'ops' } }), 201);
    const listed = expectOk(await t.http<ApiKeyDto[]>('GET', '/api-keys'));
    for (const k of listed) expect(k).not.toHaveProperty('key');
    const text = JSON.stringify(listed);
    for (const key of [issued.key, mia.influencerKey, leo.influencerKey, t.staffKey]) {
      expect(text).not.toContain(key.slice(17));
    }
    expect(listed.find((k) => k.id === issued.id)).toMatchObject({ role: 'staff', label: 'ops', prefix: issued.key.slice(0, 16) });
    // Only a hash is stored.
    const stored = JSON.stringify(await t.db.dataSource.query('SELECT * FROM api_keys'));
    expect(stored).not.toContain(issued.key.slice(17));
  });

  it('refuses every staff-only route to an influencer key with 403', async () => {
    const p = `/products/${miasProduct}`;
    const staffOnly: [string, string, unknown?][] = [
      ['POST', '/products', productBody(mia.influencerId)],
      ['POST', `${p}/poll/close`],
      ['POST', `${p}/poll/extend`, { closesAt: inFuture(60_000) }],
      ['POST', `${p}/designs`, { title: 'mine', description: 'self-made' }],
      ['POST', `${p}/samples`, { supplier: 'x' }],
      ['POST', `${p}/production`, { supplier: 'x', dueDate: inFuture(86_400_000) }],
      ['POST', `${p}/production/milestones`, { milestone: 'MATERIALS' }],
      ['POST', `${p}/launch`, { launchAt: inFuture(60_000) }],
      ['POST', `${p}/cancel`, { reason: 'changed my mind' }],
      ['GET', '/api-keys'],
      ['POST', '/api-keys', { role: 'influencer', influencerId: mia.influencerId, label: 'second' }],
      ['DELETE', '/api-keys/00000000-0000-4000-8000-000000000000'],
      ['GET', '/influencers'],
      ['GET', `/influencers/${mia.influencerId}`],
      ['POST', '/influencers', { handle: 'mia2', displayName: 'Mia 2' }],
    ];
    for (const [method, path, body] of staffOnly) {
      const res = await t.http(method, path, { key: mia.influencerKey, body });
      attacks.refused(res, [403], { code: 'FORBIDDEN', message: 'needs a staff key' });
    }
    // Nothing happened.
    expect(expectOk(await t.http('GET', p))).toMatchObject({ stage: 'DESIGN', designs: [{ round: 1, title: 'v1' }] });
  });

  it('refuses design and sample reviews from a staff key with 403', async () => {
    const p = `/products/${miasProduct}`;
    attacks.refused(await t.http('POST', `${p}/designs/1/review`, { body: { decision: 'APPROVE' } }), [403], { code: 'FORBIDDEN', message: 'influencer key' });
    attacks.refused(await t.http('POST', `${p}/samples/1/review`, { body: { decision: 'APPROVE' } }), [403], { code: 'FORBIDDEN' });
    expect(expectOk(await t.http<ProductDto>('GET', p)).designs[0]).toMatchObject({ status: 'PENDING_REVIEW' });
  });

  it("rejects a design review from another influencer's key with 403", async () => {
    const res = await t.http('POST', `/products/${miasProduct}/designs/1/review`, { key: leo.influencerKey, body: { decision: 'APPROVE' } });
    attacks.refused(res, [403], { code: 'FORBIDDEN', message: `product ${miasProduct} belongs to another influencer` });
    attacks.refused(await t.http('POST', `/products/${miasProduct}/samples/1/review`, { key: leo.influencerKey, body: { decision: 'APPROVE' } }), [403], { code: 'FORBIDDEN' });
    expect(expectOk(await t.http<ProductDto>('GET', `/products/${miasProduct}`)).designs[0]).toMatchObject({ status: 'PENDING_REVIEW' });
  });

  it("refuses reading another influencer's product or timeline with 403", async () => {
    attacks.refused(await t.http('GET', `/products/${miasProduct}`, { key: leo.influencerKey }), [403], { code: 'FORBIDDEN', message: 'another influencer' });
    attacks.refused(await t.http('GET', `/products/${miasProduct}/timeline`, { key: leo.influencerKey }), [403], { code: 'FORBIDDEN' });
    attacks.refused(await t.http('GET', `/products/${leosProduct}`, { key: mia.influencerKey }), [403], { code: 'FORBIDDEN' });
    // Her own product and timeline are hers to read.
    expect(expectOk(await t.http<ProductDto>('GET', `/products/${miasProduct}`, { key: mia.influencerKey })).id).toBe(miasProduct);
    expect(expectOk(await t.http<TimelineDto>('GET', `/products/${miasProduct}/timeline`, { key: mia.influencerKey })).events.length).toBeGreaterThan(0);
  });

  it('lists only her own products to an influencer key, whatever influencerId she asks for', async () => {
    const mine = expectOk(await t.http<ProductPageDto>('GET', '/products', { key: mia.influencerKey }));
    expect(mine.items.map((p) => p.id)).toEqual([miasProduct]);
    const asked = expectOk(await t.http<ProductPageDto>('GET', `/products?influencerId=${leo.influencerId}`, { key: mia.influencerKey }));
    expect(asked.items.map((p) => p.id)).toEqual([miasProduct]);
    const staff = expectOk(await t.http<ProductPageDto>('GET', '/products'));
    expect(staff.items.map((p) => p.id)).toEqual(expect.arrayContaining([miasProduct, leosProduct]));
  });

  it('answers 404 for an unknown product or influencer', async () => {
    attacks.refused(await t.http('GET', '/products/p-doesnotexist'), [404], { code: 'NOT_FOUND', message: 'product p-doesnotexist does not exist' });
    attacks.refused(await t.http('GET', '/products/p-doesnotexist/timeline'), [404], { code: 'NOT_FOUND' });
    attacks.refused(await t.http('POST', '/products/p-doesnotexist/poll/close'), [404], { code: 'NOT_FOUND' });
    attacks.refused(await t.http('POST', '/products/p-doesnotexist/designs/1/review', { key: mia.influencerKey, body: { decision: 'APPROVE' } }), [404], { code: 'NOT_FOUND' });
    attacks.refused(await t.http('GET', '/products/P-UPPER%20CASE'), [404], { code: 'NOT_FOUND' });
    attacks.refused(await t.http('GET', '/products/..%2F..%2Fetc'), [404]);
    attacks.refused(await t.http('GET', '/influencers/inf-nobody'), [404], { code: 'NOT_FOUND', message: 'influencer inf-nobody does not exist' });
    attacks.refused(await t.http('GET', '/no-such-route'), [404]);
  });

  it('serves /health and the API docs without a key', async () => {
    expectOk(await t.http('GET', '/health', { key: null }));
    expectOk(await t.http('GET', '/docs/openapi.json', { key: null }));
  });
});
