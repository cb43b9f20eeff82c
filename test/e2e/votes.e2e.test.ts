// Fan votes through signed webhooks, end to end over HTTP against the real stack: registration and
// rotation of sources, every answer a connector can get, concurrency with redeliveries, live results,
// milestones, and the poll closing in the middle of a flood.
import type { IssuedWebhookSourceDto, LiveResultsDto, ProductDto, TimelineDto, WebhookSourceDto } from '../support/api-types';
import { createProduct, castInfluencer, type Cast } from '../support/product-flow';
import { eventually, startTestEngine, type TestEngine } from '../support/stack';
import { deliver, inParallel, registerSource, sign, voteBody, type Delivery, type Source, type VoteBody } from '../support/votes';
import { expectError, expectOk } from './e2e-helpers';

describe('fan votes through signed webhooks', () => {
  let t: TestEngine;
  let mia: Cast;
  let weibo: Source;

  beforeAll(async () => {
    t = await startTestEngine({ VOTE_MILESTONES: '5,10,1000', WEBHOOK_SECRET_GRACE: '3s', WEBHOOK_SOURCE_CACHE_TTL: '100ms' });
    mia = await castInfluencer(t, 'mia');
    weibo = await registerSource(t);
  });
  afterAll(() => t?.stop());

  const storedVotes = async (productId: string) =>
    t.db.dataSource.query<{ option_id: string; platform_user_id: string }[]>(`SELECT option_id, platform_user_id FROM votes WHERE product_id = $1`, [productId]);
  /** The vote a delivery carries, as voteBody made it. */
  const voteOf = (d: Delivery) => JSON.parse(d.payload) as VoteBody;

  describe('webhook sources', () => {
    it('shows the whsec_ secret once and stores it only encrypted', async () => {
      const created = await t.http<IssuedWebhookSourceDto>('POST', '/webhook-sources', { body: { name: 'Xiaohongshu poll', platform: 'xiaohongshu' } });
      const body = expectOk(created, 201);
      expect(body).toMatchObject({ platform: 'xiaohongshu', status: 'active', deliveryPath: `/webhooks/votes/${body.id}`, rateLimitPerSecond: 1000 });
      expect(body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

      const listed = expectOk(await t.http<WebhookSourceDto[]>('GET', '/webhook-sources'));
      expect(listed.find((s) => s.id === body.id)).not.toHaveProperty('secret');
      expect(expectOk(await t.http('GET', `/webhook-sources/${body.id}`))).not.toHaveProperty('secret');

      const [row] = await t.db.dataSource.query<{ secret_sealed: string }[]>(`SELECT * FROM webhook_sources WHERE id = $1`, [body.id]);
      expect(JSON.stringify(row)).not.toContain(body.secret.slice('whsec_'.length, 20));
      expect(row.secret_sealed).toMatch(/^v1\./);
    });

    it('lets only staff manage sources', async () => {
      expectError(await t.http('POST', '/webhook-sources', { key: mia.influencerKey, body: { name: 'x', platform: 'weibo' } }), 403);
      expectError(await t.http('GET', '/webhook-sources', { key: null }), 401);
      expectError(await t.http('POST', '/webhook-sources', { body: { name: 'x', platform: 'Weibo!' } }), 422, { fields: ['platform'] });
      expectError(await t.http('POST', '/webhook-sources', { body: { name: 'x', platform: 'weibo', rateLimitPerSecond: 0 } }), 422, { fields: ['rateLimitPerSecond'] });
      expectError(await t.http('GET', '/webhook-sources/src-nope'), 404);
    });

    it('accepts old and new secret during the grace period after a rotation, then only the new one', async () => {
      const source = await registerSource(t);
      const productId = await createProduct(t, mia.influencerId);
      const rotated = expectOk(await t.http<IssuedWebhookSourceDto>('POST', `/webhook-sources/${source.id}/rotate-secret`));
      expect(rotated.secret).not.toBe(source.secret);
      expect(rotated.previousSecretValidUntil).not.toBeNull();

      expectOk(await deliver(t, source, sign(source.secret, voteBody(productId, 'midi', 'old-secret-fan'))), 202);
      expectOk(await deliver(t, source, sign(rotated.secret, voteBody(productId, 'midi', 'new-secret-fan'))), 202);

      await eventually('the old secret to expire', async () => {
        const res = await deliver(t, source, sign(source.secret, voteBody(productId, 'midi', `late-${Date.now()}`)));
        return res.status === 401 ? res : undefined;
      });
      expectOk(await deliver(t, source, sign(rotated.secret, voteBody(productId, 'midi', 'newer-secret-fan'))), 202);
    });

    it('refuses deliveries of a disabled source with 403 and takes them again once enabled', async () => {
      const source = await registerSource(t);
      const productId = await createProduct(t, mia.influencerId);
      expect(expectOk(await t.http<WebhookSourceDto>('POST', `/webhook-sources/${source.id}/disable`)).status).toBe('disabled');
      await eventually('the disable to reach the cache', async () => {
        const res = await deliver(t, source, sign(source.secret, voteBody(productId, 'midi', 'fan-while-disabled')));
        return res.status === 403 ? res : undefined;
      });
      expectError(await t.http('POST', `/webhook-sources/${source.id}/rotate-secret`), 409);
      expectOk(await t.http('POST', `/webhook-sources/${source.id}/enable`));
      await eventually('the source to take votes again', async () => {
        const res = await deliver(t, source, sign(source.secret, voteBody(productId, 'midi', 'fan-after-enable')));
        return res.status === 202 ? res : undefined;
      });
    });
  });

  describe('answers', () => {
    let productId: string;
    beforeAll(async () => {
      productId = await createProduct(t, mia.influencerId);
    });

    it('answers 202 once the vote is committed, and counts it', async () => {
      const delivery = sign(weibo.secret, voteBody(productId, 'wrap', 'fan-1'));
      const res = await deliver(t, weibo, delivery);
      expect(expectOk(res, 202)).toEqual({ result: 'counted', productId, webhookId: delivery.webhookId });
      expect(await storedVotes(productId)).toEqual([{ option_id: 'wrap', platform_user_id: 'fan-1' }]);
    });

    it('acknowledges a redelivered webhook-id and a second vote of the same fan as duplicates without counting them', async () => {
      const first = sign(weibo.secret, voteBody(productId, 'midi', 'fan-2'));
      expectOk(await deliver(t, weibo, first), 202);
      expect(expectOk(await deliver(t, weibo, first))).toMatchObject({ result: 'duplicate', reason: 'redelivery' });
      const again = sign(weibo.secret, voteBody(productId, 'slip', 'fan-2'));
      expect(expectOk(await deliver(t, weibo, again))).toMatchObject({ result: 'duplicate', reason: 'already-voted' });
      expect((await storedVotes(productId)).filter((v) => v.platform_user_id === 'fan-2')).toEqual([{ option_id: 'midi', platform_user_id: 'fan-2' }]);
    });

    it('answers 401 for a missing, wrong or stale signature, saying what is wrong', async () => {
      const body = voteBody(productId, 'midi', 'fan-401');
      const good = sign(weibo.secret, body);
      expectError(await deliver(t, weibo, { ...good, headers: {} }), 401, { message: 'webhook-id, webhook-timestamp and webhook-signature headers are required' });
      expectError(await deliver(t, weibo, { ...good, payload: good.payload.replace('midi', 'wrap') }), 401, { message: 'no signature' });
      const otherSecret = (await registerSource(t)).secret;
      expectError(await deliver(t, weibo, sign(otherSecret, body)), 401, { message: 'no signature' });
      expectError(await deliver(t, weibo, sign(weibo.secret, body, { at: new Date(Date.now() - 6 * 60_000) })), 401, { message: 'more than five minutes old' });
      expectError(await deliver(t, weibo, sign(weibo.secret, body, { at: new Date(Date.now() + 6 * 60_000) })), 401, { message: 'in the future' });
      expect((await storedVotes(productId)).some((v) => v.platform_user_id === 'fan-401')).toBe(false);
    });

    it('answers 404 for an unknown source or product', async () => {
      expectError(await deliver(t, { id: 'src-unknown' }, sign(weibo.secret, voteBody(productId, 'midi', 'fan-404'))), 404, { message: 'webhook source src-unknown' });
      expectError(await deliver(t, weibo, sign(weibo.secret, voteBody('p-doesnotexist', 'midi', 'fan-404'))), 404, { message: 'product p-doesnotexist' });
    });

    it('answers 422 naming the field for an unknown option, another platform or a malformed vote', async () => {
      expectError(await deliver(t, weibo, sign(weibo.secret, voteBody(productId, 'maxi', 'fan-422'))), 422, { fields: ['optionId'], message: 'midi, wrap, slip' });
      expectError(await deliver(t, weibo, sign(weibo.secret, voteBody(productId, 'midi', 'fan-422', 'tiktok'))), 422, { fields: ['voter.platform'] });
      const cases: [unknown, string][] = [
        [{ ...voteBody(productId, 'midi', 'x'), voter: undefined }, 'voter'],
        [{ ...voteBody(productId, 'midi', 'x'), voter: { platform: 'weibo' } }, 'voter.userId'],
        [{ ...voteBody(productId, 'midi', 'x'), occurredAt: 'yesterday' }, 'occurredAt'],
        [{ ...voteBody(productId, 'midi', 'x'), occurredAt: '2999-01-01T00:00:00Z' }, 'occurredAt'],
        [{ ...voteBody(productId, 'midi', 'x'), optionId: 7 }, 'optionId'],
        [{ ...voteBody(productId, 'midi', 'x'), extra: true }, 'extra'],
      ];
      for (const [body, field] of cases) expectError(await deliver(t, weibo, sign(weibo.secret, body)), 422, { fields: [field] });
      expectError(await deliver(t, weibo, sign(weibo.secret, voteBody(productId, 'midi', 'x'), { webhookId: 'm'.repeat(129) })), 422, { fields: ['webhook-id'] });
    });

    it('answers 400 for a body that is not JSON and 413 for one over 16 KiB', async () => {
      expectError(await deliver(t, weibo, sign(weibo.secret, '{"productId": ')), 400);
      const big = { ...voteBody(productId, 'midi', 'fan-413'), padding: 'x'.repeat(17 * 1024) };
      expectError(await deliver(t, weibo, sign(weibo.secret, big)), 413);
    });

    it('answers 429 with Retry-After when a source goes over its rate limit', async () => {
      const slow = await registerSource(t, { rateLimitPerSecond: 3 });
      // 20 at once. The limit's windows are one second long, from the source's first delivery: a burst answered within
      // L seconds meets at most floor(L) + 1 of them, so at most 3 per window get through, however slow the machine.
      const began = performance.now();
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => {
          const delivery = sign(slow.secret, voteBody(productId, 'midi', `burst-${i}`));
          return fetch(`${t.engine.apiUrl}/webhooks/votes/${slow.id}`, { method: 'POST', headers: { 'content-type': 'application/json', ...delivery.headers }, body: delivery.payload });
        }),
      );
      const windows = Math.floor((performance.now() - began) / 1000) + 1;
      const limited = answers.filter((r) => r.status === 429);
      expect(limited.length).toBeGreaterThan(0);
      expect(answers.length - limited.length).toBeLessThanOrEqual(3 * windows);
      expect(Number(limited[0].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(((await limited[0].json()) as { message: string }).message).toContain('over its limit of 3 deliveries per second');
    });

    it('answers 409 once the poll is closed', async () => {
      const closedId = await createProduct(t, mia.influencerId);
      expectOk(await t.http('POST', `/products/${closedId}/poll/close`));
      expectError(await deliver(t, weibo, sign(weibo.secret, voteBody(closedId, 'midi', 'late-fan'))), 409, { message: `the poll of product ${closedId} is not open` });
    });

    it('answers 409 for a cancelled product\'s poll', async () => {
      const cancelled = await createProduct(t, mia.influencerId);
      expectOk(await t.http('POST', `/products/${cancelled}/cancel`, { body: { reason: 'supplier fell through' } }));
      expectError(await deliver(t, weibo, sign(weibo.secret, voteBody(cancelled, 'midi', 'fan-cancelled'))), 409, { message: 'CANCELLED' });
    });
  });

  it('stores exactly one vote per fan under parallel deliveries with redeliveries and repeat voters', async () => {
    const productId = await createProduct(t, mia.influencerId);
    const options = ['midi', 'wrap', 'slip'];
    const fans = Array.from({ length: 600 }, (_, i) => ({ userId: `fan-${i}`, optionId: options[i % 3] }));
    const firsts = fans.map((f) => sign(weibo.secret, voteBody(productId, f.optionId, f.userId)));
    // Every tenth delivery again byte for byte, and every seventh fan votes a second time for another option.
    const redeliveries = firsts.filter((_, i) => i % 10 === 0);
    const repeats = fans.filter((_, i) => i % 7 === 0).map((f) => sign(weibo.secret, voteBody(productId, options[(options.indexOf(f.optionId) + 1) % 3], f.userId)));
    const all = [...firsts, ...redeliveries, ...repeats].sort(() => Math.random() - 0.5);

    const answers = await inParallel(64, all.map((d) => () => deliver(t, weibo, d).then((res) => ({ d, res }))));
    expect(answers.filter((a) => ![200, 202].includes(a.res.status)).map((a) => a.res)).toEqual([]);
    const counted = answers.filter((a) => a.res.status === 202);
    expect(counted).toHaveLength(fans.length);

    const stored = await storedVotes(productId);
    expect(stored).toHaveLength(fans.length);
    // Every acknowledged-as-counted vote is the one stored for its fan.
    const storedByFan = new Map(stored.map((v) => [v.platform_user_id, v.option_id]));
    for (const { d } of counted) {
      const vote = voteOf(d);
      expect(storedByFan.get(vote.voter.userId)).toBe(vote.optionId);
    }
    // The live counters agree with the votes themselves.
    const counters = await t.db.dataSource.query<{ option_id: string; votes: number }[]>(`SELECT option_id, votes FROM poll_vote_counts WHERE product_id = $1 ORDER BY option_id`, [productId]);
    const actual = await t.db.dataSource.query<{ option_id: string; votes: number }[]>(`SELECT option_id, count(*)::int AS votes FROM votes WHERE product_id = $1 GROUP BY 1 ORDER BY 1`, [productId]);
    expect(counters).toEqual(actual);
    const results = await eventually('live results to show every vote', async () => {
      const r = expectOk(await t.http<LiveResultsDto>('GET', `/products/${productId}/poll/results`, { key: null }));
      return r.totalVotes === fans.length ? r : undefined;
    });
    // Whichever of a fan's two votes came first is the one counted.
    const expected = options.map((o) => [o, counted.filter(({ d }) => voteOf(d).optionId === o).length]);
    expect(results.options.map((o) => [o.id, o.votes])).toEqual(expected);
  });

  it('serves live results publicly with counts, percentages and the winner once closed', async () => {
    const productId = await createProduct(t, mia.influencerId);
    for (const [i, option] of ['wrap', 'wrap', 'wrap', 'midi'].entries()) {
      expectOk(await deliver(t, weibo, sign(weibo.secret, voteBody(productId, option, `results-fan-${i}`))), 202);
    }
    const live = await eventually('live results to catch up', async () => {
      const r = expectOk(await t.http<LiveResultsDto>('GET', `/products/${productId}/poll/results`, { key: null }));
      return r.totalVotes === 4 ? r : undefined;
    });
    expect(live).toMatchObject({
      productId,
      status: 'OPEN',
      winningOptionId: null,
      options: [
        { id: 'midi', label: 'Linen midi', votes: 1, percent: 25 },
        { id: 'wrap', label: 'Wrap dress', votes: 3, percent: 75 },
        { id: 'slip', label: 'Slip dress', votes: 0, percent: 0 },
      ],
    });
    expectOk(await t.http('POST', `/products/${productId}/poll/close`));
    const closed = await eventually('results to show the winner', async () => {
      const r = expectOk(await t.http<LiveResultsDto>('GET', `/products/${productId}/poll/results`, { key: null }));
      return r.status === 'CLOSED' ? r : undefined;
    });
    expect(closed.winningOptionId).toBe('wrap');
    expectError(await t.http('GET', '/products/p-nope/poll/results', { key: null }), 404);
  });

  it('tells the workflow once per vote milestone crossed, and the timeline shows each once', async () => {
    const productId = await createProduct(t, mia.influencerId);
    await inParallel(8, Array.from({ length: 12 }, (_, i) => () => deliver(t, weibo, sign(weibo.secret, voteBody(productId, 'midi', `milestone-fan-${i}`)))));
    const milestones = await eventually('both milestones on the timeline', async () => {
      const timeline = expectOk(await t.http<TimelineDto>('GET', `/products/${productId}/timeline`));
      const found = timeline.events.filter((e) => e.type === 'POLL_MILESTONE');
      return found.length === 2 ? found : undefined;
    });
    const crossed = [5, 10];
    expect(milestones.map((e) => e.data.milestone)).toEqual(crossed);
    for (const [i, milestone] of crossed.entries()) expect(milestones[i].data.totalVotes).toBeGreaterThanOrEqual(milestone);
    const rows = await t.db.dataSource.query<{ milestone: number; notified: boolean }[]>(`SELECT milestone, notified_at IS NOT NULL AS notified FROM poll_vote_milestones WHERE product_id = $1 ORDER BY 1`, [productId]);
    expect(rows).toEqual([
      { milestone: 5, notified: true },
      { milestone: 10, notified: true },
    ]);
  });

  it('counts every vote acknowledged before the poll closed and refuses the rest with 409, during a flood', async () => {
    const productId = await createProduct(t, mia.influencerId);
    const acknowledged = new Set<string>();
    const refused = new Set<string>();
    let next = 0;
    let closing: ReturnType<TestEngine['http']> | undefined;
    const flood = async () => {
      for (;;) {
        const i = next++;
        if (i === 300) closing = t.http('POST', `/products/${productId}/poll/close`);
        const res = await deliver(t, weibo, sign(weibo.secret, voteBody(productId, ['midi', 'wrap'][i % 2], `flood-${i}`)));
        if (res.status === 202) acknowledged.add(`flood-${i}`);
        else if (res.status === 409) {
          refused.add(`flood-${i}`);
          if (refused.size >= 100) return;
        } else throw new Error(`unexpected ${res.status}: ${JSON.stringify(res.body)}`);
      }
    };
    await Promise.all(Array.from({ length: 24 }, flood));
    expectOk(await closing!);

    const stored = new Set((await storedVotes(productId)).map((v) => v.platform_user_id));
    expect([...acknowledged].filter((fan) => !stored.has(fan))).toEqual([]);
    expect([...refused].filter((fan) => stored.has(fan))).toEqual([]);
    expect(stored.size).toBe(acknowledged.size);
    const product = expectOk(await t.http<ProductDto>('GET', `/products/${productId}`));
    expect(product.poll.result?.totalVotes).toBe(acknowledged.size);
    // The tally the workflow read is the number of distinct fans per option in PostgreSQL.
    const perOption = await t.db.dataSource.query<{ option_id: string; votes: number }[]>(`SELECT option_id, count(DISTINCT (platform, platform_user_id))::int AS votes FROM votes WHERE product_id = $1 GROUP BY 1`, [productId]);
    const tallied = Object.fromEntries((product.poll.result?.counts ?? []).map((c) => [c.optionId, c.votes]));
    expect(tallied).toEqual({ midi: 0, wrap: 0, slip: 0, ...Object.fromEntries(perOption.map((r) => [r.option_id, r.votes])) });
  });
});
