// Every endpoint in the OpenAPI document × every kind of caller: no key (anyone), a revoked key, a fan's
// connector (a signed webhook delivery, no key), the product's influencer, another influencer, staff.
// A new endpoint without a row here fails the suite.
import type { ChannelDto, IssuedApiKeyDto } from '../support/api-types';
import { castInfluencer, createProduct, type Cast } from '../support/product-flow';
import { startTestEngine, type TestEngine } from '../support/stack';
import { registerSource, sign, voteBody, type Source } from '../support/votes';

type Caller = 'anonymous' | 'revoked' | 'fan' | 'owner' | 'other' | 'staff';
type Expect = 'ok' | 401 | 403;
const CALLERS: Caller[] = ['anonymous', 'revoked', 'fan', 'owner', 'other', 'staff'];

// Who may do what; 'ok' means the request got past authentication and authorization (any answer but 401/403/5xx).
const anyone: Record<Caller, Expect> = { anonymous: 'ok', revoked: 'ok', fan: 'ok', owner: 'ok', other: 'ok', staff: 'ok' };
const staffOnly: Record<Caller, Expect> = { anonymous: 401, revoked: 401, fan: 401, owner: 403, other: 403, staff: 'ok' };
const anyKey: Record<Caller, Expect> = { anonymous: 401, revoked: 401, fan: 401, owner: 'ok', other: 'ok', staff: 'ok' };
const ownerOrStaff: Record<Caller, Expect> = { anonymous: 401, revoked: 401, fan: 401, owner: 'ok', other: 403, staff: 'ok' };
const ownerOnly: Record<Caller, Expect> = { anonymous: 401, revoked: 401, fan: 401, owner: 'ok', other: 403, staff: 403 };
const signedOnly: Record<Caller, Expect> = { anonymous: 401, revoked: 401, fan: 'ok', owner: 401, other: 401, staff: 401 };

interface Row {
  route: string;
  expect: Record<Caller, Expect>;
  body?: () => unknown;
}

describe('authorization matrix', () => {
  let t: TestEngine;
  let mia: Cast;
  let leo: Cast;
  let revokedKey: string;
  let productId: string;
  let source: Source;
  let spareSourceId: string;
  let spareKeyId: string;
  let spareChannelId: string;

  beforeAll(async () => {
    t = await startTestEngine({ API_KEY_CACHE_TTL: '0ms' });
    mia = await castInfluencer(t, 'mia');
    leo = await castInfluencer(t, 'leo');
    const revoked = await t.http<IssuedApiKeyDto>('POST', '/api-keys', { body: { role: 'staff', label: 'to revoke' } });
    revokedKey = revoked.body.key;
    expect((await t.http('DELETE', `/api-keys/${revoked.body.id}`)).status).toBe(204);
    spareKeyId = (await t.http<IssuedApiKeyDto>('POST', '/api-keys', { body: { role: 'staff', label: 'spare' } })).body.id;
    productId = await createProduct(t, mia.influencerId);
    source = await registerSource(t);
    spareSourceId = (await registerSource(t)).id;
    spareChannelId = (await t.http<ChannelDto>('POST', `/influencers/${mia.influencerId}/channels`, { body: { kind: 'log', name: 'spare' } })).body.id;
  });
  afterAll(() => t?.stop());

  const rows = (): Row[] => [
    { route: 'GET /health', expect: anyone },
    { route: 'POST /influencers', expect: staffOnly, body: () => ({ handle: `h${Math.random().toString(36).slice(2, 10)}`, displayName: 'New' }) },
    { route: 'GET /influencers', expect: staffOnly },
    { route: 'GET /influencers/{id}', expect: staffOnly },
    { route: 'POST /api-keys', expect: staffOnly, body: () => ({ role: 'staff', label: 'matrix' }) },
    { route: 'GET /api-keys', expect: staffOnly },
    { route: 'DELETE /api-keys/{id}', expect: staffOnly },
    { route: 'POST /products', expect: staffOnly, body: () => ({ name: 'x', influencerId: mia.influencerId, targetKeyword: 'k', poll: { question: 'q', options: [{ label: 'a' }, { label: 'b' }], durationMinutes: 60, minVotes: 0 } }) },
    { route: 'GET /products', expect: anyKey },
    { route: 'GET /products/{id}', expect: ownerOrStaff },
    { route: 'GET /products/{id}/timeline', expect: ownerOrStaff },
    { route: 'POST /products/{id}/poll/extend', expect: staffOnly, body: () => ({ closesAt: new Date(Date.now() + 86_400_000).toISOString() }) },
    { route: 'POST /products/{id}/designs', expect: staffOnly, body: () => ({ title: 't', description: 'd' }) },
    { route: 'POST /products/{id}/designs/{round}/review', expect: ownerOnly, body: () => ({ decision: 'APPROVE' }) },
    { route: 'POST /products/{id}/samples', expect: staffOnly, body: () => ({ supplier: 's', notes: 'n' }) },
    { route: 'POST /products/{id}/samples/{round}/review', expect: ownerOnly, body: () => ({ decision: 'APPROVE' }) },
    { route: 'POST /products/{id}/production', expect: staffOnly, body: () => ({ supplier: 's', dueDate: new Date(Date.now() + 86_400_000).toISOString() }) },
    { route: 'POST /products/{id}/production/milestones', expect: staffOnly, body: () => ({ milestone: 'MATERIALS' }) },
    { route: 'POST /products/{id}/launch', expect: staffOnly, body: () => ({ launchAt: new Date(Date.now() + 86_400_000).toISOString() }) },
    { route: 'POST /products/{id}/poll/close', expect: staffOnly, body: () => ({}) },
    { route: 'POST /products/{id}/cancel', expect: staffOnly, body: () => ({ reason: 'matrix' }) },
    { route: 'POST /webhook-sources', expect: staffOnly, body: () => ({ name: 'n', platform: 'weibo' }) },
    { route: 'GET /webhook-sources', expect: staffOnly },
    { route: 'GET /webhook-sources/{id}', expect: staffOnly },
    { route: 'POST /webhook-sources/{id}/rotate-secret', expect: staffOnly, body: () => ({}) },
    { route: 'POST /webhook-sources/{id}/disable', expect: staffOnly, body: () => ({}) },
    { route: 'POST /webhook-sources/{id}/enable', expect: staffOnly, body: () => ({}) },
    { route: 'POST /webhooks/votes/{sourceId}', expect: signedOnly, body: () => voteBody(productId, 'midi', `fan-${Math.random()}`) },
    { route: 'GET /products/{id}/poll/results', expect: anyone },
    { route: 'GET /influencers/{id}/social-settings', expect: staffOnly },
    { route: 'PUT /influencers/{id}/social-settings', expect: staffOnly, body: () => ({ tone: 'hype' }) },
    { route: 'POST /influencers/{id}/channels', expect: staffOnly, body: () => ({ kind: 'log', name: 'matrix' }) },
    { route: 'GET /influencers/{id}/channels', expect: staffOnly },
    { route: 'POST /influencers/{id}/channels/{channelId}/rotate-secret', expect: staffOnly, body: () => ({}) },
    { route: 'POST /influencers/{id}/channels/{channelId}/disable', expect: staffOnly, body: () => ({}) },
    { route: 'GET /products/{id}/social-updates', expect: ownerOrStaff },
    { route: 'GET /products/{id}/deliveries', expect: staffOnly },
    { route: 'POST /products/{id}/deliveries/{deliveryId}/resend', expect: staffOnly, body: () => ({}) },
    { route: 'GET /products/{id}/launch-announcement', expect: ownerOrStaff },
    { route: 'POST /products/{id}/launch-announcement/approve', expect: ownerOnly, body: () => ({}) },
    { route: 'GET /s/{slug}', expect: anyone },
    { route: 'GET /s/{slug}/card.png', expect: anyone },
  ];

  it('has a row for every endpoint of the API', async () => {
    const doc = (await t.http<{ paths: Record<string, Record<string, unknown>> }>('GET', '/docs/openapi.json', { key: null })).body;
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(rows().map((r) => r.route).sort()).toEqual(documented.sort());
  });

  it('answers every endpoint as documented for every kind of caller', async () => {
    const seen: string[] = [];
    const wrong: string[] = [];
    for (const row of rows()) {
      const [method, template] = row.route.split(' ');
      const isSource = template.startsWith('/webhook-sources/');
      const path = template
        .replace('{id}', template.startsWith('/influencers/') ? mia.influencerId : template.startsWith('/api-keys/') ? spareKeyId : isSource ? spareSourceId : productId)
        .replace('{round}', '1')
        .replace('{sourceId}', source.id)
        .replace('{channelId}', spareChannelId)
        .replace('{deliveryId}', 'dlv-none')
        .replace('{slug}', 'nosuchslug');
      // Refused callers first, so an allowed call that changes state cannot hide a wrong refusal.
      const order = [...CALLERS].sort((a, b) => Number(row.expect[a] === 'ok') - Number(row.expect[b] === 'ok'));
      for (const caller of order) {
        const body = row.body?.();
        const payload = body === undefined ? undefined : JSON.stringify(body);
        const headers: Record<string, string> = {};
        if (caller === 'fan' && payload !== undefined) Object.assign(headers, sign(source.secret, body).headers);
        if (caller === 'fan' && payload !== undefined) headers['content-type'] = 'application/json';
        const key = { anonymous: null, fan: null, revoked: revokedKey, owner: mia.influencerKey, other: leo.influencerKey, staff: t.staffKey }[caller];
        // A signed delivery must be sent byte for byte as signed.
        const res =
          caller === 'fan' && payload !== undefined
            ? await t.http(method, path, { key, rawBody: JSON.stringify(body), headers })
            : await t.http(method, path, { key, ...(body === undefined ? {} : { body }) });
        const expected = row.expect[caller];
        const got = res.status;
        const ok = expected === 'ok' ? got !== 401 && got !== 403 && got < 500 : got === expected;
        seen.push(`${row.route} × ${caller}`);
        if (!ok) wrong.push(`${row.route} × ${caller}: expected ${expected}, got ${got} ${JSON.stringify(res.body).slice(0, 160)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(seen).toHaveLength(rows().length * CALLERS.length);
  });
});
