// Attribution end to end over HTTP on the real stack: every published delivery carries its own tracked
// link (/r/<code>), which redirects to the share page and counts the click (bots and repeats within the
// window left out, no address stored); share-page views are counted and attributed to the link in ?c=
// (else direct); votes keep the code they came with when it is one of the product's links.
import { expectError, expectOk } from './e2e-helpers';
import type { ProductDto, SocialUpdatesDto } from '../support/api-types';
import { addChannels, castInfluencer, createProduct, type Cast } from '../support/product-flow';
import { startReceiver, type Receiver } from '../support/receiver';
import { eventually, startTestEngine, type TestEngine } from '../support/stack';
import { deliver, registerSource, sign, voteBody, type Source } from '../support/votes';

jest.setTimeout(120_000);

const BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';
const PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';
const TABLET = 'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';
const CRAWLER = 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)';

interface Delivered {
  data: { event: string; channelId: string; shareUrl: string; updateId: string };
}

describe('attribution', () => {
  let t: TestEngine;
  let receiver: Receiver;
  let cast: Cast;
  let webhookChannelId: string;
  let logChannelId: string;
  let source: Source;

  beforeAll(async () => {
    t = await startTestEngine({ ATTRIBUTION_REPEAT_WINDOW: '30m' });
    receiver = await startReceiver();
    cast = await castInfluencer(t, 'tracked.mia');
    const channels = await addChannels(t, cast.influencerId, receiver, 'instagram bot');
    webhookChannelId = channels.webhook.id;
    logChannelId = channels.log.id;
    source = await registerSource(t);
  });
  afterAll(async () => {
    await receiver?.close();
    await t?.stop();
  });

  const get = (path: string, userAgent?: string) => fetch(`${t.engine.apiUrl}${path}`, { redirect: 'manual', headers: userAgent ? { 'user-agent': userAgent } : {} });
  const count = async (sql: string, params: unknown[]) => Number((await t.db.dataSource.query<{ n: string }[]>(sql, params))[0].n);

  /** A product and its poll-opened update, with the link its webhook delivery posted. */
  async function productWithLink() {
    const productId = await createProduct(t, cast.influencerId);
    const [opened] = await eventually('the poll-opened update', async () => {
      const list = expectOk(await t.http<SocialUpdatesDto>('GET', `/products/${productId}/social-updates`)).updates;
      return list.length > 0 ? list : undefined;
    });
    const delivered = await eventually('the poll-opened delivery', () =>
      [...receiver.accepted().values()].map((r) => JSON.parse(r.body) as Delivered).find((m) => m.data.updateId === opened.id),
    );
    const link = new URL(delivered.data.shareUrl);
    return { productId, opened, link, code: link.pathname.split('/').at(-1)! };
  }

  it('posts each channel its own stable tracked link and stores them with the update, which keeps its share page', async () => {
    const { productId, opened, link, code } = await productWithLink();
    expect(link.pathname).toMatch(/^\/r\/[0-9a-z]{10}$/);
    expect(`${link.origin}`).toBe(new URL(opened.shareUrl).origin);
    expect(new URL(opened.shareUrl).pathname).toBe(`/s/${new URL(opened.shareUrl).pathname.split('/').at(-1)}`);
    const links = await t.db.dataSource.query<{ code: string; channel_id: string; stage: string; event: string }[]>(
      'SELECT code, channel_id, stage, event FROM tracked_links WHERE product_id = $1 ORDER BY channel_id',
      [productId],
    );
    expect(links).toEqual(
      [
        { code, channel_id: webhookChannelId, stage: 'POLL', event: 'POLL_OPENED' },
        { code: expect.stringMatching(/^[0-9a-z]{10}$/) as string, channel_id: logChannelId, stage: 'POLL', event: 'POLL_OPENED' },
      ].sort((a, b) => a.channel_id.localeCompare(b.channel_id)),
    );
    expect(new Set(links.map((l) => l.code)).size).toBe(2);
  });

  it('redirects a tracked link to its share page and counts one click per visitor within the window, none for bots', async () => {
    const { opened, code } = await productWithLink();
    const slug = new URL(opened.shareUrl).pathname.split('/').at(-1)!;
    const first = await get(`/r/${code}`, BROWSER);
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe(`/s/${slug}?c=${code}`);
    expect(first.headers.get('cache-control')).toBe('no-store');
    for (const agent of [BROWSER, CRAWLER, undefined, PHONE, PHONE]) expect((await get(`/r/${code}`, agent)).status).toBe(302);
    // BROWSER once and PHONE once: the repeats, the crawler and the request without a user agent are not counted.
    expect(await count('SELECT count(*) AS n FROM link_clicks WHERE code = $1', [code])).toBe(2);
    const columns = await t.db.dataSource.query<{ column_name: string }[]>("SELECT column_name FROM information_schema.columns WHERE table_name IN ('link_clicks', 'share_views')");
    expect(columns.map((c) => c.column_name)).not.toEqual(expect.arrayContaining([expect.stringMatching(/ip|addr/)]));
    const visitors = await t.db.dataSource.query<{ visitor: string }[]>('SELECT visitor FROM link_clicks WHERE code = $1', [code]);
    for (const v of visitors) expect(v.visitor).toMatch(/^[0-9a-f]{32}$/);
    // Once the window has passed (the stored click is moved 31 minutes back), the same visitor counts again.
    await t.db.dataSource.query(`UPDATE link_clicks SET clicked_at = now() - interval '31 minutes' WHERE code = $1`, [code]);
    expect((await get(`/r/${code}`, BROWSER)).status).toBe(302);
    expect(await count('SELECT count(*) AS n FROM link_clicks WHERE code = $1', [code])).toBe(3);
  });

  it('answers an unknown or malformed code with a 404 page and never redirects elsewhere', async () => {
    for (const path of ['/r/zzzzzzzzzz', '/r/https%3A%2F%2Fevil.example', '/r/%2F%2Fevil.example', '/r/a']) {
      const res = await get(path, BROWSER);
      expect(res.status).toBe(404);
      expect(res.headers.get('location')).toBeNull();
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toContain('Link not found');
    }
  });

  it('counts share-page views once per visitor, for the link in ?c= when it is this update’s, else as direct', async () => {
    const first = await productWithLink();
    const other = await productWithLink();
    const path = new URL(first.opened.shareUrl).pathname;
    for (const [query, agent] of [
      [`?c=${first.code}`, BROWSER],
      [`?c=${first.code}`, BROWSER],
      ['', PHONE],
      [`?c=${other.code}`, TABLET],
      [`?c=${first.code}`, CRAWLER],
      ['?c=not a code', undefined],
    ] as const) {
      const res = await get(`${path}${query}`, agent);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('private, max-age=60');
    }
    const views = await t.db.dataSource.query<{ code: string | null; n: number }[]>(
      'SELECT code, count(*)::int AS n FROM share_views WHERE update_id = $1 GROUP BY code ORDER BY code NULLS LAST',
      [first.opened.id],
    );
    expect(views).toEqual([
      { code: first.code, n: 1 },
      { code: null, n: 2 },
    ]);
  });

  it('keeps a vote’s code when it is one of the product’s links, and counts a stale one unattributed', async () => {
    const mine = await productWithLink();
    const theirs = await productWithLink();
    const vote = (fan: string, attributionCode?: string) => deliver(t, source, sign(source.secret, { ...voteBody(mine.productId, 'midi', fan), ...(attributionCode ? { attributionCode } : {}) }));
    expectOk(await vote('fan-a', mine.code), 202);
    expectOk(await vote('fan-b', theirs.code), 202);
    expectOk(await vote('fan-c', 'stale-code_1'), 202);
    expectOk(await vote('fan-d'), 202);
    expectError(await vote('fan-e', 'no!'), 422, { fields: ['attributionCode'] });
    expectError(await vote('fan-e', 'x'.repeat(17)), 422, { fields: ['attributionCode'] });
    const stored = await t.db.dataSource.query<{ platform_user_id: string; attribution_code: string | null }[]>(
      'SELECT platform_user_id, attribution_code FROM votes WHERE product_id = $1 ORDER BY platform_user_id',
      [mine.productId],
    );
    expect(stored).toEqual([
      { platform_user_id: 'fan-a', attribution_code: mine.code },
      { platform_user_id: 'fan-b', attribution_code: null },
      { platform_user_id: 'fan-c', attribution_code: null },
      { platform_user_id: 'fan-d', attribution_code: null },
    ]);
    expect(expectOk(await t.http<ProductDto>('GET', `/products/${mine.productId}`)).stage).toBe('POLL');
  });
});
