// Sponsored-post compliance on the real stack: a sponsored product's updates carry the platform's disclosure
// and are held (no delivery workflow, nothing sent) until staff record the platform's paid-post order; then
// they are delivered once, with the partner, label and order reference in the body. A refused order blocks the
// post with its reason; cancelling the product withdraws held posts; the fees are listed per post and totalled.
import { deliveryWorkflowId, productWorkflowId, sponsoredPostWorkflowId } from '@app/domain';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { expectError, expectOk } from './e2e-helpers';
import type { DeliveriesDto, DeliveryDto, IssuedChannelDto, ProductDto, SocialUpdatesDto, SponsoredPostDto, SponsorshipDto } from '../support/api-types';
import { compensationOf } from '../support/compensation';
import { addChannels, castInfluencer, createProduct, type Cast } from '../support/product-flow';
import { startReceiver, type Receiver } from '../support/receiver';
import { eventually, startTestEngine, temporalClient, type TestEngine } from '../support/stack';

jest.setTimeout(120_000);

interface SentBody {
  data: { updateId: string; text: string; sponsored?: { partner: string | null; label: string; orderReference: string | null } };
}

describe('sponsored posts', () => {
  let t: TestEngine;
  let client: Client;
  let receiver: Receiver;
  let cast: Cast;
  beforeAll(async () => {
    t = await startTestEngine();
    client = await temporalClient();
    receiver = await startReceiver();
    cast = await castInfluencer(t, 'sponsored-sia');
    await addChannels(t, cast.influencerId, receiver);
  });
  afterAll(async () => {
    await receiver?.close();
    await client?.connection.close();
    await t?.stop();
  });

  const sponsorshipOf = async (productId: string) => expectOk(await t.http<SponsorshipDto>('GET', `/products/${productId}/sponsorship`));
  const deliveriesOf = async (productId: string, updateId: string): Promise<DeliveryDto[]> =>
    expectOk(await t.http<DeliveriesDto>('GET', `/products/${productId}/deliveries`)).deliveries.filter((d) => d.updateId === updateId);
  const record = (productId: string, updateId: string, body: unknown) => t.http<SponsoredPostDto>('POST', `/products/${productId}/social-updates/${updateId}/sponsorship`, { body });

  /** A product of the influencer whose poll result is sponsored (declared before the poll closes), its poll closed. */
  async function sponsoredPollResult(influencerId: string, sponsorship: Record<string, unknown>): Promise<string> {
    const productId = await createProduct(t, influencerId);
    // Sponsorship applies to updates planned after it: the poll's opening update is made before it.
    await eventually(`the opening update of ${productId}`, async () => expectOk(await t.http<SocialUpdatesDto>('GET', `/products/${productId}/social-updates`)).updates.length === 1);
    expectOk(await t.http<SponsorshipDto>('PUT', `/products/${productId}/sponsorship`, { body: sponsorship }));
    expectOk(await t.http<ProductDto>('POST', `/products/${productId}/poll/close`, { body: {} }));
    return productId;
  }

  /** A product whose poll result is a sponsored post: the held post. */
  async function heldPost(sponsorship: Record<string, unknown>): Promise<{ productId: string; post: SponsoredPostDto }> {
    const productId = await sponsoredPollResult(cast.influencerId, sponsorship);
    const post = await eventually(`the held poll result of ${productId}`, async () => (await sponsorshipOf(productId)).posts.find((p) => p.event === 'POLL_RESULT' && p.deliveries.length === 2));
    return { productId, post };
  }

  async function expectNoDeliveryWorkflow(post: Pick<SponsoredPostDto, 'updateId' | 'platform'>): Promise<void> {
    await expect(client.workflow.getHandle(sponsoredPostWorkflowId(post.updateId, post.platform)).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
  }

  it('holds a sponsored product\u2019s update until its order reference is recorded, then delivers it once with the disclosure, label and reference', async () => {
    const { productId, post } = await heldPost({ partner: 'Linen & Co', defaultFeeMinor: 150_000, currency: 'CNY' });
    expect(post).toMatchObject({ status: 'held', partner: 'Linen & Co', source: 'product', orderReference: null, feeMinor: null });
    expect(post.deliveries.map((d) => [d.channelKind, d.status]).sort()).toEqual([['log', 'held'], ['webhook', 'held']]);
    // Held: no delivery workflow was started, nothing was attempted or sent.
    await expectNoDeliveryWorkflow(post);
    const held = await deliveriesOf(productId, post.updateId);
    expect(held.map((d) => [d.status, d.attempts])).toEqual([['held', 0], ['held', 0]]);
    expect(receiver.requestsFor(held.map((d) => d.id))).toBe(0);
    expect(await t.http<DeliveriesDto>('GET', `/products/${productId}/deliveries?status=held`).then((r) => expectOk(r).deliveries.map((d) => d.id).sort())).toEqual(held.map((d) => d.id).sort());
    // The update is marked sponsored; the product's first update (before the sponsorship) is not.
    const updates = expectOk(await t.http<SocialUpdatesDto>('GET', `/products/${productId}/social-updates`)).updates;
    expect(updates.map((u) => [u.event, u.sponsored])).toEqual([['POLL_OPENED', false], ['POLL_RESULT', true]]);
    const unsponsored = updates[0].id;
    expect((await sponsorshipOf(productId)).held).toBe(1);

    // Bad input changes nothing.
    expectError(await record(productId, 'upd-none', { orderReference: 'PGY-1001' }), 404, { code: 'NOT_FOUND' });
    expectError(await record(productId, unsponsored, { orderReference: 'PGY-1001' }), 409, { message: /is not a sponsored post/ });
    expectError(await record(productId, post.updateId, { orderReference: 'PGY-1001', feeMinor: 0 }), 422, { fields: ['feeMinor'] });
    expectError(await record(productId, post.updateId, { orderReference: 'PGY-1001', feeMinor: 100, currency: 'EURO' }), 422, { fields: ['currency'] });
    expectError(await record(productId, post.updateId, {}), 422, { fields: ['orderReference'] });
    expectError(await record(productId, post.updateId, { status: 'refused' }), 422, { fields: ['reason'] });
    expect((await sponsorshipOf(productId)).posts[0].status).toBe('held');

    // The order: the fee defaults to the sponsorship's.
    const released = expectOk(await record(productId, post.updateId, { orderReference: 'PGY-1001' }));
    expect(released).toMatchObject({ status: 'released', orderReference: 'PGY-1001', feeMinor: 150_000, currency: 'CNY' });
    const delivered = await eventually('the released post delivered', async () => {
      const all = await deliveriesOf(productId, post.updateId);
      return all.every((d) => d.status === 'delivered') ? all : undefined;
    });
    const webhook = delivered.find((d) => d.channelKind === 'webhook')!;
    const sent = receiver.accepted().get(webhook.id);
    expect(sent?.verified).toBe(true);
    const body = JSON.parse(sent!.body) as SentBody;
    expect(body.data.sponsored).toEqual({ partner: 'Linen & Co', label: post.disclosure, orderReference: 'PGY-1001' });
    expect(body.data.text.startsWith(`${post.disclosure}\n\n`)).toBe(true);
    expect(receiver.requestsFor([webhook.id])).toBe(1);

    // Repeating the same order is harmless: no second round of deliveries (the one workflow run stays the only one).
    const run = (await client.workflow.getHandle(sponsoredPostWorkflowId(post.updateId, post.platform)).describe()).runId;
    expect(expectOk(await record(productId, post.updateId, { orderReference: 'PGY-1001' })).status).toBe('released');
    expect((await client.workflow.getHandle(sponsoredPostWorkflowId(post.updateId, post.platform)).describe()).runId).toBe(run);
    // Another reference for a released post is refused.
    expectError(await record(productId, post.updateId, { orderReference: 'PGY-1002' }), 409, { code: 'ALREADY_EXISTS', message: /already recorded/ });

    const listed = await sponsorshipOf(productId);
    expect(listed.sponsorship).toMatchObject({ partner: 'Linen & Co', defaultFeeMinor: 150_000, currency: 'CNY', events: null });
    expect(listed.totals).toEqual([{ currency: 'CNY', feeMinor: 150_000, posts: 1 }]);
    expect(listed).toMatchObject({ held: 0, blocked: 0 });
    expect(listed.posts.map((p) => [p.event, p.status, p.orderReference, p.feeMinor])).toEqual([['POLL_RESULT', 'released', 'PGY-1001', 150_000]]);
  });

  it('blocks a post whose paid order the platform refused, with its reason, until a new order is recorded', async () => {
    const { productId, post } = await heldPost({ partner: 'Silk Road Studio' });
    const blocked = expectOk(await record(productId, post.updateId, { status: 'refused', orderReference: 'XT-77', reason: 'brand not verified on the platform' }));
    expect(blocked).toMatchObject({ status: 'blocked', orderReference: 'XT-77', refusalReason: 'brand not verified on the platform', feeMinor: null });
    const deliveries = await deliveriesOf(productId, post.updateId);
    expect(deliveries.map((d) => d.status)).toEqual(['blocked', 'blocked']);
    for (const d of deliveries) expect(d.lastError).toMatch(/platform refused the paid-post order XT-77 \(brand not verified on the platform\)/);
    await expectNoDeliveryWorkflow(post);
    expect(await sponsorshipOf(productId)).toMatchObject({ held: 0, blocked: 1, totals: [] });
    // A blocked delivery is not re-sent by hand either.
    expectError(await t.http('POST', `/products/${productId}/deliveries/${deliveries[0].id}/resend`), 409, { message: /blocked/ });

    // No default fee on this sponsorship: the fee is required; another post's reference is refused.
    expectError(await record(productId, post.updateId, { orderReference: 'XT-78' }), 422, { fields: ['feeMinor'] });
    expectError(await record(productId, post.updateId, { orderReference: 'PGY-1001', feeMinor: 5_000, currency: 'USD' }), 409, { code: 'ALREADY_EXISTS', message: /one paid order is one post/ });
    // A new order, accepted: released and delivered.
    expect(expectOk(await record(productId, post.updateId, { orderReference: 'XT-78', feeMinor: 5_000, currency: 'USD' }))).toMatchObject({ status: 'released', refusalReason: null });
    await eventually('the post delivered after its new order', async () => (await deliveriesOf(productId, post.updateId)).every((d) => d.status === 'delivered'));
    expect((await sponsorshipOf(productId)).totals).toEqual([{ currency: 'USD', feeMinor: 5_000, posts: 1 }]);
  });

  it('withdraws held posts when the product is cancelled, without a delivery workflow to stop', async () => {
    const { productId, post } = await heldPost({ partner: 'Linen & Co', defaultFeeMinor: 90_000, currency: 'CNY', events: ['POLL_RESULT'] });
    expectOk(await t.http<ProductDto>('POST', `/products/${productId}/cancel`, { body: { reason: 'partner withdrew' } }));
    await client.workflow.getHandle(productWorkflowId(productId)).result();
    const withdrawn = await deliveriesOf(productId, post.updateId);
    expect(withdrawn.map((d) => d.status)).toEqual(['cancelled', 'cancelled']);
    for (const d of withdrawn) expect(d.cancelledAt).not.toBeNull();
    const listed = await sponsorshipOf(productId);
    expect(listed.posts.map((p) => [p.updateId, p.status])).toEqual([[post.updateId, 'withdrawn']]);
    expect(listed.posts[0].withdrawnAt).not.toBeNull();
    // The cancellation told to fans is not a sponsored post: it went out without waiting.
    const told = await eventually('the cancellation delivered', async () => {
      const all = expectOk(await t.http<DeliveriesDto>('GET', `/products/${productId}/deliveries`)).deliveries.filter((d) => d.event === 'PRODUCT_CANCELLED');
      return all.length === 2 && all.every((d) => d.status === 'delivered') ? all : undefined;
    });
    expect(JSON.parse(receiver.accepted().get(told.find((d) => d.channelKind === 'webhook')!.id)!.body)).not.toHaveProperty('data.sponsored');
    // Nothing was attempting the held post, so nothing was asked to stop for it; it can no longer be released.
    const compensation = await compensationOf(client, productId);
    expect(compensation.withdrawals).toBe(1);
    expect(compensation.stopped).not.toContain(sponsoredPostWorkflowId(post.updateId, post.platform));
    await expectNoDeliveryWorkflow(post);
    expectError(await record(productId, post.updateId, { orderReference: 'PGY-3001' }), 409, { message: /was cancelled; its sponsored post .* was withdrawn/ });
    expect(receiver.requestsFor(withdrawn.map((d) => d.id))).toBe(0);
    // And a cancelled product takes no sponsorship.
    expectError(await t.http('PUT', `/products/${productId}/sponsorship`, { body: { partner: 'Late' } }), 409, { code: 'INVALID_STATE' });
  });

  it('makes an update published on two platforms a paid post on each, released only by that platform\u2019s order; a cancel stops the one delivering and withdraws the one held', async () => {
    const hooks = await startReceiver();
    try {
      const multi = await castInfluencer(t, 'sponsored-duo');
      const channels = `/influencers/${multi.influencerId}/channels`;
      for (const platform of ['douyin', 'weibo'] as const) {
        const channel = expectOk(await t.http<IssuedChannelDto>('POST', channels, { body: { kind: 'webhook', name: platform, url: `${hooks.origin}/${platform}`, platform } }), 201);
        hooks.setSecret(channel.secret!, `/${platform}`);
      }
      const productId = await sponsoredPollResult(multi.influencerId, { partner: 'Linen & Co', defaultFeeMinor: 80_000, currency: 'CNY' });
      const posts = await eventually('the poll result\'s two held posts', async () => {
        const listed = (await sponsorshipOf(productId)).posts.filter((p) => p.event === 'POLL_RESULT');
        return listed.length === 2 ? listed : undefined;
      });
      const [douyin, weibo] = posts;
      expect(posts.map((p) => [p.platform, p.status, p.disclosure, p.deliveries.map((d) => d.platform)])).toEqual([
        ['douyin', 'held', 'Ad', ['douyin']],
        ['weibo', 'held', '#Ad#', ['weibo']],
      ]);
      expect(douyin.updateId).toBe(weibo.updateId);
      const updateId = douyin.updateId;

      // One order cannot release both: the platform must be named, and be one the update is posted on.
      expectError(await record(productId, updateId, { orderReference: 'XT-500' }), 422, { fields: ['platform'], message: /paid post on each of douyin, weibo/ });
      expectError(await record(productId, updateId, { orderReference: 'XT-500', platform: 'x' }), 422, { fields: ['platform'], message: /is not posted on x/ });
      expectError(await record(productId, updateId, { orderReference: 'XT-500', platform: 'myspace' }), 422, { fields: ['platform'] });

      // Douyin's order releases Douyin's post only; its delivery fails and is retried (the receiver is down).
      hooks.failAlways(503);
      expect(expectOk(await record(productId, updateId, { orderReference: 'XT-500', platform: 'douyin' }))).toMatchObject({ platform: 'douyin', status: 'released', feeMinor: 80_000 });
      const retrying = await eventually('Douyin\'s post retrying', async () => {
        const row = (await deliveriesOf(productId, updateId)).find((x) => x.id === douyin.deliveries[0].id)!;
        return row.status === 'pending' && row.attempts >= 1 ? row : undefined;
      });
      const released = await sponsorshipOf(productId);
      const weiboDelivery = released.posts.find((p) => p.platform === 'weibo')!.deliveries[0];
      expect(weiboDelivery.status).toBe('held');
      await expectNoDeliveryWorkflow(weibo);
      // Each post has its own workflow: none for the update as a whole.
      await expect(client.workflow.getHandle(deliveryWorkflowId(updateId)).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
      expect((await client.workflow.getHandle(sponsoredPostWorkflowId(updateId, 'douyin')).describe()).status.name).toBe('RUNNING');
      // Fees are per post: one recorded so far.
      expect(released.totals).toEqual([{ currency: 'CNY', feeMinor: 80_000, posts: 1 }]);

      // Cancelled: the Douyin post's workflow is stopped, the Weibo post (never started) withdrawn.
      expectOk(await t.http<ProductDto>('POST', `/products/${productId}/cancel`, { body: { reason: 'partner withdrew' } }));
      await client.workflow.getHandle(productWorkflowId(productId)).result();
      const compensation = await compensationOf(client, productId);
      expect(compensation.stopped).toContain(sponsoredPostWorkflowId(updateId, 'douyin'));
      expect(compensation.stopped).not.toContain(sponsoredPostWorkflowId(updateId, 'weibo'));
      const after = await sponsorshipOf(productId);
      expect(after.posts.filter((p) => p.updateId === updateId).map((p) => [p.platform, p.status])).toEqual([
        ['douyin', 'released'],
        ['weibo', 'withdrawn'],
      ]);
      const withdrawn = await deliveriesOf(productId, updateId);
      expect(withdrawn.filter((d) => d.id === retrying.id || d.id === weiboDelivery.id).map((d) => d.status)).toEqual(['cancelled', 'cancelled']);
      expect(hooks.requestsFor([weiboDelivery.id])).toBe(0);
    } finally {
      await hooks.close();
    }
  });
});
