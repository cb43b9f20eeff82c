// The attribution funnel end to end: clicks, share-page views and votes sent over HTTP, reservations
// written as their intake stores them, orders, cancellations and refunds sent through the signed shop
// webhook, and GET /products/:id/funnel checked exactly against what was sent, per stage and channel, with
// totals, conversions, CSV and SVG; and live demand on the share page.
import { expectError, expectOk, onboard } from './e2e-helpers';
import type { ShopWebhookReceiptDto, SocialUpdatesDto } from '../support/api-types';
import { deliverShopEvent, putOnSale, registerShop, signShopEvent, type Shop } from '../support/intake';
import { addChannels, advanceTo, castInfluencer, createProduct, type Cast } from '../support/product-flow';
import { startReceiver, type Receiver } from '../support/receiver';
import { eventually, startTestEngine, type TestEngine } from '../support/stack';
import { deliver, registerSource, sign, voteBody, type Source } from '../support/votes';

jest.setTimeout(120_000);

const BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';
const PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';
const TABLET = 'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';

interface FunnelBody {
  rows: Record<string, unknown>[];
  totals: Record<string, unknown>;
  conversions: Record<string, unknown>;
}

const zero = { views: 0, clicks: 0, votes: 0, reservations: 0, reservedUnits: 0, orders: 0, orderedUnits: 0, revenue: [] };

describe('funnel', () => {
  let t: TestEngine;
  let receiver: Receiver;
  let cast: Cast;
  let webhookChannelId: string;
  let logChannelId: string;
  let source: Source;
  let shop: Shop;

  beforeAll(async () => {
    t = await startTestEngine();
    receiver = await startReceiver();
    cast = await castInfluencer(t, 'funnel.mia');
    const channels = await addChannels(t, cast.influencerId, receiver, 'instagram bot');
    webhookChannelId = channels.webhook.id;
    logChannelId = channels.log.id;
    source = await registerSource(t);
    shop = await registerShop(t);
  });
  afterAll(async () => {
    await receiver?.close();
    await t?.stop();
  });

  const get = (path: string, userAgent: string) => fetch(`${t.engine.apiUrl}${path}`, { redirect: 'manual', headers: { 'user-agent': userAgent } });
  const linksOf = (productId: string, event: string) =>
    eventually(`the ${event} links`, async () => {
      const rows = await t.db.dataSource.query<{ code: string; channel_id: string; stage: string }[]>('SELECT code, channel_id, stage FROM tracked_links WHERE product_id = $1 AND event = $2', [productId, event]);
      return rows.length === 2 ? { web: rows.find((r) => r.channel_id === webhookChannelId)!, log: rows.find((r) => r.channel_id === logChannelId)! } : undefined;
    });
  const vote = (productId: string, fan: string, attributionCode?: string) =>
    deliver(t, source, sign(source.secret, { ...voteBody(productId, 'midi', fan), ...(attributionCode ? { attributionCode } : {}) }));
  async function reserve(productId: string, r: { code: string; fan: string; quantity: number; attribution?: string; status?: string }) {
    await t.db.dataSource.query(
      `INSERT INTO reservations (id, code, product_id, variant_id, quantity, platform, platform_user_id, platform_user_id_raw, via, source_id, webhook_id, attribution_code, status)
       VALUES ($1, $2, $3, 'one-size', $4, 'weibo', $5, $6, 'fan', $7, $8, $9, $10)`,
      [`rsv-${r.code}`, r.code, productId, r.quantity, r.fan, r.fan, source.id, `wh-${r.code}`, r.attribution ?? null, r.status ?? 'held'],
    );
  }
  /** A shop delivery signed with the shop's secret, which must be recorded (202). */
  async function send(type: string, data: Record<string, unknown>): Promise<ShopWebhookReceiptDto> {
    return expectOk(await deliverShopEvent<ShopWebhookReceiptDto>(t, shop.id, signShopEvent(shop, type, data)), 202);
  }
  const now = () => new Date().toISOString();
  const order = (orderId: string, lines: { line: string; productId: string; quantity: number; unitPriceMinor: number; reservationCode?: string; attributionCode?: string }[]) =>
    send('order.created', {
      orderId,
      createdAt: now(),
      currency: 'EUR',
      lines: lines.map(({ line, ...l }) => ({ lineId: line, variantId: 'one-size', ...l })),
    });
  const cancel = (orderId: string) => send('order.cancelled', { orderId, cancelledAt: now() });
  const refund = (refundId: string, orderId: string, lineId: string, amountMinor: number) =>
    send('refund.created', { refundId, orderId, createdAt: now(), lines: [{ lineId, quantity: 1, amountMinor }] });

  it('counts what each stage and channel brought, exactly, with totals, conversions, CSV and a chart', async () => {
    const productId = await createProduct(t, cast.influencerId, { name: 'Linen <dress> & co' });
    const poll = await linksOf(productId, 'POLL_OPENED');
    const [opened] = expectOk(await t.http<SocialUpdatesDto>('GET', `/products/${productId}/social-updates`)).updates;
    const page = new URL(opened.shareUrl).pathname;

    // Two clicks on the webhook's link, one on the log's; a view through the link and a direct one.
    for (const [code, agent] of [[poll.web.code, BROWSER], [poll.web.code, PHONE], [poll.web.code, PHONE], [poll.log.code, TABLET]] as const) {
      expect((await get(`/r/${code}`, agent)).status).toBe(302);
    }
    expect((await get(`${page}?c=${poll.web.code}`, BROWSER)).status).toBe(200);
    expect((await get(page, PHONE)).status).toBe(200);
    // Five voters: two through the webhook's link, one through the log's, one without a code, one with a stale code.
    for (const [fan, code] of [['fan-a', poll.web.code], ['fan-b', poll.web.code], ['fan-c', poll.log.code], ['fan-d', undefined], ['fan-e', 'stale-code']] as const) {
      expectOk(await vote(productId, fan, code), 202);
    }
    // A later stage's post: the approved design's, made in DESIGN.
    await advanceTo(t, cast, productId, 'SAMPLING');
    const result = await linksOf(productId, 'DESIGN_APPROVED');
    expect(result.web.stage).toBe('DESIGN');

    await reserve(productId, { code: 'RSV-A', fan: 'fan-a', quantity: 2, attribution: poll.web.code });
    await reserve(productId, { code: 'RSV-C', fan: 'fan-c', quantity: 1, attribution: result.web.code });
    await reserve(productId, { code: 'RSV-X', fan: 'not-a-voter', quantity: 3 });
    await reserve(productId, { code: 'RSV-B', fan: 'fan-b', quantity: 1, attribution: 'stale-code', status: 'released' });

    // Orders come through the shop once the product is on sale (the one-size variant it was created with).
    const other = await createProduct(t, cast.influencerId);
    for (const id of [productId, other]) await putOnSale(t, id, { produced: [{ variantId: 'one-size', units: 50 }] });
    // O5 is cancelled before it comes (out of order): stored, counted as cancelled.
    expect(await cancel('O5')).toMatchObject({ result: 'recorded', orderKnown: false });
    // O1: a line bought with RSV-A's code (attributed through the reservation) and one through the result's link.
    expect(
      await order('O1', [
        { line: '1', productId, quantity: 2, unitPriceMinor: 5000, reservationCode: 'RSV-A' },
        { line: '2', productId, quantity: 1, unitPriceMinor: 3000, attributionCode: result.web.code },
      ]),
    ).toMatchObject({ result: 'recorded', lines: 2, reservationsConverted: 1, cancelled: false });
    // O2: its own code wins over its reservation's (RSV-X has none).
    expect(await order('O2', [{ line: '1', productId, quantity: 1, unitPriceMinor: 5000, reservationCode: 'RSV-X', attributionCode: poll.log.code }])).toMatchObject({
      reservationsConverted: 1,
    });
    // O3 is cancelled after it came; neither it nor O5 counts.
    await order('O3', [{ line: '1', productId, quantity: 4, unitPriceMinor: 5000, attributionCode: poll.web.code }]);
    expect(await order('O5', [{ line: '1', productId, quantity: 1, unitPriceMinor: 5000, attributionCode: poll.web.code }])).toMatchObject({ result: 'recorded', cancelled: true });
    expect(await cancel('O3')).toMatchObject({ result: 'recorded', orderKnown: true });
    // O4 without a code, partly refunded; another product's order is not this funnel's.
    await order('O4', [{ line: '1', productId, quantity: 1, unitPriceMinor: 5000 }]);
    await order('O6', [{ line: '1', productId: other, quantity: 9, unitPriceMinor: 5000, attributionCode: poll.web.code }]);
    await refund('R1', 'O4', '1', 2000);
    await refund('R2', 'O1', '2', 1000);
    // A refund of the cancelled O3 takes nothing more off.
    await refund('R3', 'O3', '1', 5000);

    const funnel = expectOk(await t.http<FunnelBody>('GET', `/products/${productId}/funnel`));
    const eur = (amountMinor: number) => [{ currency: 'EUR', amountMinor }];
    expect(funnel.rows).toEqual([
      { ...zero, source: 'link', stage: 'POLL', channel: 'instagram bot', channelId: webhookChannelId, views: 1, clicks: 2, votes: 2, reservations: 1, reservedUnits: 2, orders: 1, orderedUnits: 2, revenue: eur(10000) },
      { ...zero, source: 'link', stage: 'POLL', channel: 'staff log', channelId: logChannelId, clicks: 1, votes: 1, orders: 1, orderedUnits: 1, revenue: eur(5000) },
      { ...zero, source: 'direct', stage: 'POLL', channel: 'direct', channelId: null, views: 1 },
      { ...zero, source: 'link', stage: 'DESIGN', channel: 'instagram bot', channelId: webhookChannelId, reservations: 1, reservedUnits: 1, orders: 1, orderedUnits: 1, revenue: eur(2000) },
      { ...zero, source: 'unattributed', stage: null, channel: 'unattributed', channelId: null, votes: 2, reservations: 2, reservedUnits: 4, orders: 1, orderedUnits: 1, revenue: eur(3000) },
    ]);
    // O1's lines came through two links: it is one order in the totals.
    expect(funnel.totals).toEqual({ views: 2, clicks: 3, votes: 5, reservations: 4, reservedUnits: 7, orders: 3, orderedUnits: 5, revenue: eur(20000) });
    expect(funnel.conversions).toEqual({
      voterToReserver: { numerator: 3, denominator: 5, rate: 0.6 },
      reserverToBuyer: { numerator: 2, denominator: 4, rate: 0.5 },
    });

    const csv = await t.http('GET', `/products/${productId}/funnel?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.text.split('\r\n')).toEqual([
      'stage,channel,channel_id,views,clicks,votes,reservations,reserved_units,orders,ordered_units,revenue_minor_EUR',
      `POLL,instagram bot,${webhookChannelId},1,2,2,1,2,1,2,10000`,
      `POLL,staff log,${logChannelId},0,1,1,0,0,1,1,5000`,
      'POLL,direct,,1,0,0,0,0,0,0,0',
      `DESIGN,instagram bot,${webhookChannelId},0,0,0,1,1,1,1,2000`,
      ',unattributed,,0,0,2,2,4,1,1,3000',
      ',total,,2,3,5,4,7,3,5,20000',
      '',
    ]);
    const svg = await fetch(`${t.engine.apiUrl}/products/${productId}/funnel.svg`, { headers: { authorization: `Bearer ${t.staffKey}` } });
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    const chart = await svg.text();
    expect(chart).toContain('Linen &lt;dress&gt; &amp; co');
    expect(chart).not.toContain('<dress>');
    expect([...chart.matchAll(/class="value">(\d+)</g)].map((m) => Number(m[1]))).toEqual([2, 3, 5, 4, 3]);
  });

  it('lets the product’s influencer read it and refuses others, unknown products and unknown formats', async () => {
    const productId = await createProduct(t, cast.influencerId);
    expect(expectOk(await t.http<FunnelBody>('GET', `/products/${productId}/funnel`, { key: cast.influencerKey })).rows).toEqual([]);
    const other = await onboard(t, 'someone.else');
    expectError(await t.http('GET', `/products/${productId}/funnel`, { key: other.key }), 403);
    expectError(await t.http('GET', `/products/${productId}/funnel.svg`, { key: other.key }), 403);
    expectError(await t.http('GET', `/products/${productId}/funnel`, { key: null }), 401);
    expectError(await t.http('GET', '/products/p-doesnotexist/funnel'), 404);
    expectError(await t.http('GET', `/products/${productId}/funnel?format=xml`), 422, { fields: ['format'] });
  });

  it('shows live progress toward the demand goal on the share page of a product taking reservations', async () => {
    const productId = await createProduct(t, cast.influencerId);
    const [opened] = await eventually('the poll-opened update', async () => {
      const list = expectOk(await t.http<SocialUpdatesDto>('GET', `/products/${productId}/social-updates`)).updates;
      return list.length > 0 ? list : undefined;
    });
    // The read model as the demand stage writes it (the lifecycle's DEMAND stage is built beside this work).
    await t.db.dataSource.query(
      `UPDATE products SET snapshot = jsonb_set(jsonb_set(snapshot, '{stage}', '"DEMAND"'), '{variants}', '[{"id":"s","label":"Small"},{"id":"m","label":"Medium"}]') WHERE id = $1`,
      [productId],
    );
    await t.db.dataSource.query(`INSERT INTO demand_windows (product_id, status, closes_at, minimum_units, seq) VALUES ($1, 'OPEN', now() + interval '3 days 2 hours', 40, 1)`, [productId]);
    await reserve(productId, { code: 'D-1', fan: 'd1', quantity: 6 });
    await reserve(productId, { code: 'D-2', fan: 'd2', quantity: 4 });
    await t.db.dataSource.query(`UPDATE reservations SET variant_id = 'm' WHERE code = 'D-2'`);
    await reserve(productId, { code: 'D-3', fan: 'd3', quantity: 5, status: 'released' });
    const html = await (await get(new URL(opened.shareUrl).pathname, BROWSER)).text();
    expect(html).toContain('<h2 id="demand-heading">Reservations</h2>');
    expect(html).toContain('10 of 40 units reserved (25%)');
    expect(html).toContain('3 days left to reserve · 2 reservations');
    expect(html).toContain('<tr><th scope="row">Small</th><td class="num">0</td><td class="num">0%</td></tr>');
    expect(html).toContain('<tr><th scope="row">Medium</th><td class="num">4</td><td class="num">40%</td></tr>');
    // one-size is not among the product's variants: shown by its id.
    expect(html).toContain('<tr><th scope="row">one-size</th><td class="num">6</td><td class="num">60%</td></tr>');
    expect(html).toContain('<span class="label">Reservations</span>');
  });
});
