// Every endpoint in the OpenAPI document × every kind of caller: no key (anyone), a revoked key, a fan's
// connector (a signed webhook delivery, no key), the product's influencer, another influencer, staff.
// A new endpoint without a row here fails the suite.
import type { ChannelDto, ErrorBody, ImageDto, IssuedApiKeyDto, IssuedMagicLinkDto, ModerationTermDto, SocialUpdatesDto, StaffMemberDto, SupplierDto } from '../support/api-types';
import { smallPng, uploadImage } from '../support/images';
import { registerShop, reservationBody, shopifyDelivery, type Shop } from '../support/intake';
import { castInfluencer, createProduct, productBody, type Cast } from '../support/product-flow';
import { reportAttack } from '../support/security-table';
import { eventually, startTestEngine, type TestEngine } from '../support/stack';
import { registerSource, sign, voteBody, type Source } from '../support/votes';

type Caller = 'anonymous' | 'revoked' | 'fan' | 'owner' | 'other' | 'staff';
const CALLERS: Caller[] = ['anonymous', 'revoked', 'fan', 'owner', 'other', 'staff'];
/** The exact status each caller gets. */
type Expect = Record<Caller, number>;

// Who may do what, each policy given the status its allowed callers get for the fixture's state at that row
// (a success, or the 404/409/422 the route answers in that state); refused callers get 401 (no valid key,
// or a key where a signature is needed) or 403 (a valid key of the wrong role or influencer).
const anyone = (status: number): Expect => ({ anonymous: status, revoked: status, fan: status, owner: status, other: status, staff: status });
const staffOnly = (status: number): Expect => ({ anonymous: 401, revoked: 401, fan: 401, owner: 403, other: 403, staff: status });
const anyKey = (status: number): Expect => ({ anonymous: 401, revoked: 401, fan: 401, owner: status, other: status, staff: status });
const ownerOrStaff = (status: number): Expect => ({ anonymous: 401, revoked: 401, fan: 401, owner: status, other: 403, staff: status });
const ownerOnly = (status: number): Expect => ({ anonymous: 401, revoked: 401, fan: 401, owner: status, other: 403, staff: 403 });
/** An influencer's own details (`/influencers/me/…`): every influencer key reaches its own; staff keys have no "me". */
const influencerSelf = (status: number): Expect => ({ anonymous: 401, revoked: 401, fan: 401, owner: status, other: status, staff: 403 });
const signedOnly = (status: number): Expect => ({ anonymous: 401, revoked: 401, fan: status, owner: 401, other: 401, staff: 401 });

const refused = (status: number) => status === 401 || status === 403;

interface Row {
  route: string;
  expect: Expect;
  /** The error `code` the allowed callers' 4xx answer carries (a refusal for the fixture's state). */
  code?: string;
  body?: () => unknown;
  /** The body is an image's bytes (image/png), not JSON. */
  image?: boolean;
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
  let shareSlug: string;
  let linkCode: string;
  let shop: Shop;
  let shopify: Shop;
  let staffMemberId: string;
  let supplierId: string;
  let termId: string;
  let magicLinkId: string;
  let imageId: string;
  let png: Buffer;

  beforeAll(async () => {
    t = await startTestEngine({ API_KEY_CACHE_TTL: '0ms' });
    mia = await castInfluencer(t, 'mia');
    leo = await castInfluencer(t, 'leo');
    const revoked = await t.http<IssuedApiKeyDto>('POST', '/api-keys', { body: { role: 'staff', label: 'to revoke' } });
    revokedKey = revoked.body.key;
    expect((await t.http('DELETE', `/api-keys/${revoked.body.id}`)).status).toBe(204);
    spareKeyId = (await t.http<IssuedApiKeyDto>('POST', '/api-keys', { body: { role: 'staff', label: 'spare' } })).body.id;
    // The spare channel first, so the product's first update is delivered to it through a tracked link.
    spareChannelId = (await t.http<ChannelDto>('POST', `/influencers/${mia.influencerId}/channels`, { body: { kind: 'log', name: 'spare' } })).body.id;
    productId = await createProduct(t, mia.influencerId);
    source = await registerSource(t);
    spareSourceId = (await registerSource(t)).id;
    shop = await registerShop(t);
    shopify = await registerShop(t, { kind: 'shopify' });
    staffMemberId = (await t.http<StaffMemberDto>('POST', '/staff-members', { body: { name: 'Matrix member', email: 'matrix@incubator.example' } })).body.id;
    // Its endpoint takes nothing: the matrix's sample request is still retrying when the product is cancelled.
    supplierId = (await t.http<SupplierDto>('POST', '/suppliers', { body: { name: 'Matrix mill', outboundUrl: 'http://127.0.0.1:9/hooks' } })).body.id;
    termId = (await t.http<ModerationTermDto>('POST', '/moderation/terms', { body: { term: 'matrix term', note: 'deleted by its row' } })).body.id;
    magicLinkId = (await t.http<IssuedMagicLinkDto>('POST', `/influencers/${mia.influencerId}/magic-links`, { body: {} })).body.id;
    png = await smallPng();
    imageId = (await uploadImage<ImageDto>(t, productId, png, 'image/png')).body.id;
    // A real share page: the product's first published update (POLL_OPENED) has one.
    shareSlug = await eventually('the product\'s first share page', async () => {
      const updates = (await t.http<SocialUpdatesDto>('GET', `/products/${productId}/social-updates`)).body.updates;
      return updates.map((u) => /\/s\/([^/?#]+)$/.exec(u.shareUrl)?.[1]).find((slug) => slug !== undefined);
    });
    // Written with the update it belongs to.
    [{ code: linkCode }] = await t.db.dataSource.query<{ code: string }[]>('SELECT code FROM tracked_links WHERE product_id = $1 LIMIT 1', [productId]);
  });
  afterAll(() => t?.stop());

  // In the order they run: the matrix product moves POLL → DESIGN → SAMPLING → PRODUCTION along the rows, so
  // the allowed calls succeed where the lifecycle allows them, and are refused for the stage where it does not.
  const soon = () => new Date(Date.now() + 86_400_000).toISOString();
  const rows = (): Row[] => [
    { route: 'GET /health', expect: anyone(200) },
    { route: 'POST /influencers', expect: staffOnly(201), body: () => ({ handle: `h${Math.random().toString(36).slice(2, 10)}`, displayName: 'New' }) },
    { route: 'GET /influencers', expect: staffOnly(200) },
    { route: 'GET /influencers/{id}', expect: staffOnly(200) },
    { route: 'PATCH /influencers/{id}/contact', expect: staffOnly(200), body: () => ({ timeZone: 'Asia/Shanghai' }) },
    { route: 'GET /influencers/me/contact', expect: influencerSelf(200) },
    { route: 'PATCH /influencers/me/contact', expect: influencerSelf(200), body: () => ({ language: 'zh-CN' }) },
    // Signing in is public (an unknown address is answered like a known one; a made-up token is refused); a
    // session's own routes take only its cookie, which no caller here has (keys do not count there).
    { route: 'POST /auth/sign-in-links', expect: anyone(202), body: () => ({ email: 'nobody@incubator.example' }) },
    { route: 'POST /auth/sessions', expect: anyone(401), body: () => ({ token: 'A'.repeat(43) }) },
    { route: 'GET /auth/session', expect: anyone(401) },
    { route: 'DELETE /auth/session', expect: anyone(401) },
    { route: 'POST /influencers/{id}/magic-links', expect: staffOnly(201), body: () => ({}) },
    { route: 'GET /influencers/{id}/magic-links', expect: staffOnly(200) },
    { route: 'POST /influencers/{id}/magic-links/{linkId}/revoke', expect: staffOnly(200), body: () => ({}) },
    { route: 'POST /staff-members', expect: staffOnly(201), body: () => ({ name: 'New', email: `m${Math.random().toString(36).slice(2, 10)}@incubator.example` }) },
    { route: 'GET /staff-members', expect: staffOnly(200) },
    { route: 'GET /staff-members/{id}', expect: staffOnly(200) },
    { route: 'PATCH /staff-members/{id}', expect: staffOnly(200), body: () => ({ language: 'zh-CN' }) },
    { route: 'POST /staff-members/{id}/disable', expect: staffOnly(200), body: () => ({}) },
    { route: 'POST /staff-members/{id}/enable', expect: staffOnly(200), body: () => ({}) },
    { route: 'POST /api-keys', expect: staffOnly(201), body: () => ({ role: 'staff', label: 'matrix' }) },
    { route: 'GET /api-keys', expect: staffOnly(200) },
    { route: 'DELETE /api-keys/{id}', expect: staffOnly(204) },
    { route: 'POST /products', expect: staffOnly(201), body: () => productBody(mia.influencerId) },
    { route: 'GET /products', expect: anyKey(200) },
    { route: 'GET /products/{id}', expect: ownerOrStaff(200) },
    { route: 'GET /products/{id}/timeline', expect: ownerOrStaff(200) },
    { route: 'POST /products/{id}/images', expect: staffOnly(201), image: true },
    { route: 'GET /products/{id}/images', expect: ownerOrStaff(200) },
    // Public: the id is an unguessable UUID, and pages and share cards show them to anyone.
    { route: 'GET /images/{id}/{size}', expect: anyone(200) },
    { route: 'POST /webhooks/votes/{sourceId}', expect: signedOnly(202), body: () => voteBody(productId, 'midi', `fan-${Math.random().toString(36).slice(2)}`) },
    { route: 'GET /products/{id}/poll/results', expect: anyone(200) },
    // POLL: a design is not accepted yet.
    { route: 'POST /products/{id}/designs', expect: staffOnly(409), code: 'WRONG_STAGE', body: () => ({ title: 't', description: 'd' }) },
    // POLL: the demand window and sales actions are not accepted yet.
    { route: 'POST /products/{id}/demand/close', expect: staffOnly(409), code: 'WRONG_STAGE', body: () => ({}) },
    { route: 'POST /products/{id}/demand/extend', expect: staffOnly(409), code: 'WRONG_STAGE', body: () => ({ closesAt: soon() }) },
    { route: 'POST /products/{id}/demand/override', expect: staffOnly(409), code: 'WRONG_STAGE', body: () => ({ reason: 'matrix' }) },
    { route: 'POST /products/{id}/restocks/approve', expect: staffOnly(409), code: 'WRONG_STAGE', body: () => ({ supplier: 's', dueDate: soon() }) },
    { route: 'POST /products/{id}/restocks/decline', expect: staffOnly(409), code: 'WRONG_STAGE', body: () => ({ reason: 'matrix' }) },
    { route: 'POST /products/{id}/restocks/cancel', expect: staffOnly(409), code: 'WRONG_STAGE', body: () => ({ reason: 'matrix' }) },
    { route: 'POST /products/{id}/restocks/milestones', expect: staffOnly(409), code: 'WRONG_STAGE', body: () => ({ milestone: 'MATERIALS' }) },
    { route: 'POST /products/{id}/end', expect: staffOnly(409), code: 'WRONG_STAGE', body: () => ({ reason: 'matrix' }) },
    // POLL, open (the matrix product opens at once): the draft poll's moderation is over.
    { route: 'PUT /products/{id}/poll/options', expect: staffOnly(409), code: 'INVALID_STATE', body: () => ({ options: [{ label: 'A' }, { label: 'B' }] }) },
    { route: 'POST /products/{id}/poll/request-changes', expect: ownerOnly(409), code: 'INVALID_STATE', body: () => ({ feedback: 'matrix' }) },
    { route: 'POST /products/{id}/poll/approve', expect: ownerOnly(409), code: 'INVALID_STATE', body: () => ({}) },
    { route: 'POST /products/{id}/poll/extend', expect: staffOnly(200), body: () => ({ closesAt: soon() }) },
    { route: 'POST /products/{id}/poll/close', expect: staffOnly(200), body: () => ({}) },
    // DESIGN: no round to review until staff submit one.
    { route: 'POST /products/{id}/designs/{round}/review', expect: ownerOnly(422), code: 'INVALID_VALUE', body: () => ({ decision: 'APPROVE' }) },
    { route: 'POST /products/{id}/samples', expect: staffOnly(409), code: 'WRONG_STAGE', body: () => ({ supplier: 's', notes: 'n' }) },
    { route: 'POST /products/{id}/designs', expect: staffOnly(200), body: () => ({ title: 't', description: 'd' }) },
    { route: 'POST /products/{id}/designs/{round}/review', expect: ownerOnly(200), body: () => ({ decision: 'APPROVE' }) },
    // SAMPLING: a sample requested of a registered supplier, then recorded (from that supplier) when it arrives.
    { route: 'POST /products/{id}/samples/requests', expect: staffOnly(200), body: () => ({ supplierId, notes: 'n' }) },
    { route: 'POST /products/{id}/samples', expect: staffOnly(200), body: () => ({ notes: 'n' }) },
    { route: 'POST /products/{id}/samples/{round}/review', expect: ownerOnly(200), body: () => ({ decision: 'APPROVE' }) },
    // PRODUCTION: a launch waits for every production milestone; the announcement's draft can be read, approved only in LAUNCH.
    { route: 'POST /products/{id}/production', expect: staffOnly(200), body: () => ({ supplier: 's', dueDate: soon() }) },
    { route: 'POST /products/{id}/production/milestones', expect: staffOnly(200), body: () => ({ milestone: 'MATERIALS' }) },
    { route: 'POST /products/{id}/launch', expect: staffOnly(409), code: 'WRONG_STAGE', body: () => ({ launchAt: soon() }) },
    { route: 'GET /products/{id}/launch-announcement', expect: ownerOrStaff(200) },
    { route: 'POST /products/{id}/launch-announcement/approve', expect: ownerOnly(409), code: 'WRONG_STAGE', body: () => ({}) },
    { route: 'GET /products/{id}/social-updates', expect: ownerOrStaff(200) },
    { route: 'GET /products/{id}/deliveries', expect: staffOnly(200) },
    { route: 'POST /products/{id}/deliveries/{deliveryId}/resend', expect: staffOnly(404), code: 'NOT_FOUND', body: () => ({}) },
    { route: 'GET /products/{id}/shop-events', expect: staffOnly(200) },
    { route: 'GET /products/{id}/supplier-events', expect: staffOnly(200) },
    { route: 'PUT /products/{id}/sponsorship', expect: staffOnly(200), body: () => ({ partner: 'Matrix brand', defaultFeeMinor: 100, currency: 'CNY' }) },
    { route: 'GET /products/{id}/sponsorship', expect: staffOnly(200) },
    { route: 'POST /products/{id}/social-updates/{updateId}/sponsorship', expect: staffOnly(404), code: 'NOT_FOUND', body: () => ({ orderReference: 'MATRIX-1' }) },
    { route: 'DELETE /products/{id}/sponsorship', expect: staffOnly(200) },
    { route: 'POST /products/{id}/cancel', expect: staffOnly(200), body: () => ({ reason: 'matrix' }) },
    // CANCELLED: nothing moves any more.
    { route: 'POST /products/{id}/poll/extend', expect: staffOnly(409), code: 'WRONG_STAGE', body: () => ({ closesAt: soon() }) },
    { route: 'POST /webhook-sources', expect: staffOnly(201), body: () => ({ name: 'n', platform: 'weibo' }) },
    { route: 'GET /webhook-sources', expect: staffOnly(200) },
    { route: 'GET /webhook-sources/{id}', expect: staffOnly(200) },
    { route: 'POST /webhook-sources/{id}/rotate-secret', expect: staffOnly(200), body: () => ({}) },
    { route: 'POST /webhook-sources/{id}/disable', expect: staffOnly(200), body: () => ({}) },
    { route: 'POST /webhook-sources/{id}/enable', expect: staffOnly(200), body: () => ({}) },
    { route: 'GET /influencers/{id}/social-settings', expect: staffOnly(200) },
    { route: 'PUT /influencers/{id}/social-settings', expect: staffOnly(200), body: () => ({ tone: 'hype' }) },
    { route: 'POST /influencers/{id}/channels', expect: staffOnly(201), body: () => ({ kind: 'log', name: 'matrix' }) },
    { route: 'GET /influencers/{id}/channels', expect: staffOnly(200) },
    // The spare channel is a log channel: it has no secret to rotate.
    { route: 'POST /influencers/{id}/channels/{channelId}/rotate-secret', expect: staffOnly(409), code: 'INVALID_STATE', body: () => ({}) },
    { route: 'POST /influencers/{id}/channels/{channelId}/disable', expect: staffOnly(200), body: () => ({}) },
    { route: 'GET /s/{slug}', expect: anyone(200) },
    // A tracked link, followed to its share page.
    { route: 'GET /r/{code}', expect: anyone(200) },
    { route: 'GET /products/{id}/funnel', expect: ownerOrStaff(200) },
    { route: 'GET /products/{id}/funnel.svg', expect: ownerOrStaff(200) },
    { route: 'GET /s/{slug}/card.png', expect: anyone(200) },
    // Shops, and what fans and shops send about the (now cancelled) product: it takes neither reservations nor orders.
    { route: 'POST /shops', expect: staffOnly(201), body: () => ({ name: 'matrix', kind: 'standard' }) },
    { route: 'GET /shops', expect: staffOnly(200) },
    { route: 'GET /shops/{id}', expect: staffOnly(200) },
    { route: 'POST /suppliers', expect: staffOnly(201), body: () => ({ name: `mill ${Math.random().toString(36).slice(2, 10)}`, outboundUrl: 'http://127.0.0.1:9/hooks' }) },
    { route: 'GET /suppliers', expect: staffOnly(200) },
    { route: 'GET /notifications', expect: staffOnly(200) },
    { route: 'POST /moderation/terms', expect: staffOnly(201), body: () => ({ term: `term ${Math.random().toString(36).slice(2, 10)}` }) },
    { route: 'GET /moderation/terms', expect: staffOnly(200) },
    { route: 'DELETE /moderation/terms/{id}', expect: staffOnly(204) },
    { route: 'GET /suppliers/{id}', expect: staffOnly(200) },
    { route: 'GET /suppliers/{id}/events', expect: staffOnly(200) },
    { route: 'POST /suppliers/{id}/disable', expect: staffOnly(200), body: () => ({}) },
    { route: 'GET /products/{id}/demand', expect: anyone(404), code: 'NOT_FOUND' },
    { route: 'POST /webhooks/reservations/{sourceId}', expect: signedOnly(409), code: 'INVALID_STATE', body: () => reservationBody(productId, 'one-size', `fan-${Math.random().toString(36).slice(2)}`) },
    {
      route: 'POST /webhooks/shops/{shopId}',
      expect: signedOnly(409),
      code: 'WRONG_STAGE',
      body: () => ({ type: 'order.created', data: { orderId: `o-${Math.random().toString(36).slice(2)}`, createdAt: new Date().toISOString(), currency: 'EUR', lines: [{ lineId: '1', productId, variantId: 'one-size', quantity: 1, unitPriceMinor: 100 }] } }),
    },
    // A Shopify order with none of our SKUs is answered 200 ignored.
    {
      route: 'POST /webhooks/shopify/{shopId}',
      expect: signedOnly(200),
      body: () => ({ id: Math.floor(Math.random() * 1e9), created_at: new Date().toISOString(), currency: 'EUR', line_items: [{ id: 1, sku: 'NOT-OURS', quantity: 1, price: '1.00' }] }),
    },
  ];

  it('has a row for every endpoint of the API', async () => {
    const doc = (await t.http<{ paths: Record<string, Record<string, unknown>> }>('GET', '/docs/openapi.json', { key: null })).body;
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect([...new Set(rows().map((r) => r.route))].sort()).toEqual(documented.sort());
  });

  it('answers every endpoint with the documented status for every kind of caller', async () => {
    const got: string[] = [];
    const wanted: string[] = [];
    let attacks = 0;
    let blocked = 0;
    for (const row of rows()) {
      const [method, template] = row.route.split(' ');
      const isShopify = template.startsWith('/webhooks/shopify/');
      const ids: [string, string][] = [['/influencers/', mia.influencerId], ['/api-keys/', spareKeyId], ['/webhook-sources/', spareSourceId], ['/shops/', shop.id], ['/staff-members/', staffMemberId], ['/suppliers/', supplierId], ['/moderation/terms/', termId], ['/images/', imageId]];
      const path = template
        .replace('{id}', ids.find(([prefix]) => template.startsWith(prefix))?.[1] ?? productId)
        .replace('{shopId}', isShopify ? shopify.id : shop.id)
        .replace('{round}', '1')
        .replace('{sourceId}', source.id)
        .replace('{channelId}', spareChannelId)
        .replace('{linkId}', magicLinkId)
        .replace('{deliveryId}', 'dlv-none')
        .replace('{updateId}', 'upd-none')
        .replace('{slug}', shareSlug)
        .replace('{code}', linkCode)
        .replace('{size}', 'display');
      // Refused callers first, so an allowed call that changes state cannot hide a wrong refusal.
      const order = [...CALLERS].sort((a, b) => Number(!refused(row.expect[a])) - Number(!refused(row.expect[b])));
      for (const caller of order) {
        const body = row.body?.();
        const payload = body === undefined ? undefined : JSON.stringify(body);
        const key = { anonymous: null, fan: null, revoked: revokedKey, owner: mia.influencerKey, other: leo.influencerKey, staff: t.staffKey }[caller];
        // A signed delivery must be sent byte for byte as signed, with the secret of whoever sends it.
        const signed = (p: string) =>
          isShopify ? shopifyDelivery(shopify.secret, 'orders/create', p).headers : sign(template.startsWith('/webhooks/shops/') ? shop.secret : source.secret, p).headers;
        const res = row.image
          ? await t.http<ErrorBody>(method, path, { key, rawBody: png, headers: { 'content-type': 'image/png' } })
          : caller === 'fan' && payload !== undefined
            ? await t.http<ErrorBody>(method, path, { key, rawBody: payload, headers: { ...signed(payload), 'content-type': 'application/json' } })
            : await t.http<ErrorBody>(method, path, { key, ...(body === undefined ? {} : { body }) });
        const expected = row.expect[caller];
        // The status, and for an allowed caller's 4xx the refusal's code: one line per call, so a wrong one names itself.
        const code = (status: number, value: string | undefined) => (status >= 400 && !refused(status) ? ` ${value}` : '');
        wanted.push(`${row.route} × ${caller}: ${expected}${code(expected, row.code)}`);
        const detail = res.status === expected ? '' : ` ${JSON.stringify(res.body).slice(0, 160)}`;
        got.push(`${row.route} × ${caller}: ${res.status}${code(res.status, res.body.code)}${detail}`);
        if (refused(expected)) {
          attacks++;
          if (res.status === expected) blocked++;
        }
      }
    }
    reportAttack({ attack: 'endpoint × caller without the right (authorization matrix)', tries: attacks, blocked });
    expect(got).toEqual(wanted);
    expect(got).toHaveLength(rows().length * CALLERS.length);
  });
});
