// Social updates end to end over HTTP against the real stack: every lifecycle event's update exactly once,
// delivered to a real local receiver that verifies each request with a Standard Webhooks library and to
// the log channel; retries of a failing receiver; re-sending a failed delivery; the launch announcement's
// approval and its overdue alert; share pages and cards; settings and channel validation.
import { expectError, expectOk } from './e2e-helpers';
import type { ChannelDto, DeliveriesDto, IssuedChannelDto, LaunchAnnouncementDto, ProductDto, SocialSettingsDto, SocialUpdatesDto, TimelineDto } from '../support/api-types';
import { addChannels, advanceTo, castInfluencer, createProduct, type Cast } from '../support/product-flow';
import { startReceiver, type Receiver } from '../support/receiver';
import { childStartsOf, completedRuns } from '../support/runs';
import type { Client } from '@temporalio/client';
import { deliveryWorkflowId, productWorkflowId } from '@app/domain';
import { eventually, startTestEngine, temporalClient, type TestEngine } from '../support/stack';
import { deliver, registerSource, sign, voteBody } from '../support/votes';

jest.setTimeout(120_000);

const PUBLISHED_LIFECYCLE = [
  'POLL_OPENED',
  'POLL_MILESTONE',
  'POLL_RESULT',
  'DESIGN_APPROVED',
  'SAMPLE_APPROVED',
  'PRODUCTION_STARTED',
  'PRODUCTION_MILESTONE',
  'PRODUCTION_MILESTONE',
  'PRODUCTION_MILESTONE',
  'PRODUCTION_MILESTONE',
  'PRODUCTION_MILESTONE',
  'LAUNCH_SCHEDULED',
  'LAUNCH_COUNTDOWN',
  'LAUNCHED',
];

/** What a receiver gets in a delivery's body (the part these tests read). */
interface DeliveredMessage {
  type: string;
  data: { event: string };
}

/** The first item `match` picks; fails the test, naming `what`, when there is none. */
function findOne<T>(list: T[], what: string, match: (item: T) => boolean): T {
  const found = list.find(match);
  if (found === undefined) throw new Error(`no ${what} among ${JSON.stringify(list).slice(0, 2000)}`);
  return found;
}

describe('social updates', () => {
  let t: TestEngine;
  let client: Client;
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    client = await temporalClient();
    t = await startTestEngine({
      VOTE_MILESTONES: '3',
      LAUNCH_COUNTDOWNS: '3s',
      LAUNCH_APPROVAL_LEAD: '2s',
      DELIVERY_MAX_ATTEMPTS: '4',
      DELIVERY_RETRY_INITIAL: '200ms',
      DELIVERY_RETRY_MAX_INTERVAL: '500ms',
      DELIVERY_TIMEOUT: '2s',
    });
  });
  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await client?.connection.close();
    await t?.stop();
  });

  async function influencerWithChannels(handle: string, settings: Record<string, unknown> = {}): Promise<Cast & { receiver: Receiver; webhook: IssuedChannelDto; log: ChannelDto }> {
    const cast = await castInfluencer(t, handle);
    expectOk(await t.http('PUT', `/influencers/${cast.influencerId}/social-settings`, { body: { signatureHashtags: [handle], ...settings } }));
    const receiver = await startReceiver();
    receivers.push(receiver);
    return { ...cast, receiver, ...(await addChannels(t, cast.influencerId, receiver, 'scheduler')) };
  }

  const updatesOf = async (productId: string, key?: string) => expectOk(await t.http<SocialUpdatesDto>('GET', `/products/${productId}/social-updates`, key ? { key } : {})).updates;
  const deliveriesOf = async (productId: string, status?: string) =>
    expectOk(await t.http<DeliveriesDto>('GET', `/products/${productId}/deliveries${status ? `?status=${status}` : ''}`)).deliveries;

  async function waitForStage(productId: string, stage: string): Promise<void> {
    await eventually(`product ${productId} to be ${stage}`, async () => (await t.http<ProductDto>('GET', `/products/${productId}`)).body.stage === stage, 30_000);
  }

  it('makes every lifecycle update exactly once and delivers each, verified, to the webhook and the log channel', async () => {
    const cast = await influencerWithChannels('mia.style', { tone: 'minimal', platform: 'xiaohongshu' });
    const productId = await createProduct(t, cast.influencerId);
    // Three signed fan votes cross the milestone of 3.
    const source = await registerSource(t);
    for (const fan of ['a', 'b', 'c']) expectOk(await deliver(t, source, sign(source.secret, voteBody(productId, 'midi', `fan-${fan}`))), 202);
    await eventually('the vote milestone update', async () => (await updatesOf(productId)).some((u) => u.event === 'POLL_MILESTONE'));
    await advanceTo(t, cast, productId, 'LAUNCH');
    const launchAt = new Date(Date.now() + 6_000).toISOString();
    expectOk(await t.http('POST', `/products/${productId}/launch`, { body: { launchAt } }));

    // The influencer reads the draft and approves it with their own title.
    const draft = expectOk(await t.http<LaunchAnnouncementDto>('GET', `/products/${productId}/launch-announcement`, { key: cast.influencerKey }));
    expect(draft).toMatchObject({ status: 'awaiting_approval', launchAt, approveBy: new Date(Date.parse(launchAt) - 2_000).toISOString() });
    expect(draft.text.title).toContain('linen dress');
    expectError(await t.http('POST', `/products/${productId}/launch-announcement/approve`, { body: {} }), 403);
    expectError(
      await t.http('POST', `/products/${productId}/launch-announcement/approve`, { key: cast.influencerKey, body: { title: 'Our linen dress is finally live' } }),
      422,
      { message: "does not fit xiaohongshu's limits" },
    );
    const approved = expectOk(
      await t.http('POST', `/products/${productId}/launch-announcement/approve`, { key: cast.influencerKey, body: { title: 'linen dress: live!' } }),
    );
    expect(approved).toMatchObject({ status: 'approved', text: { title: 'linen dress: live!', body: draft.text.body } });
    await waitForStage(productId, 'ON_SALE');

    const updates = await eventually('every update written', async () => {
      const list = await updatesOf(productId);
      return list.length === PUBLISHED_LIFECYCLE.length ? list : undefined;
    });
    expect(updates.map((u) => u.event)).toEqual(PUBLISHED_LIFECYCLE);
    expect(new Set(updates.map((u) => u.seq)).size).toBe(updates.length);
    for (const u of updates) {
      expect(u).toMatchObject({ status: 'published', keyword: 'linen dress', platform: 'xiaohongshu', language: 'en' });
      expect(u.title.length).toBeGreaterThan(0);
      expect(u.title.length).toBeLessThanOrEqual(20); // Xiaohongshu's title limit
      expect(u.body.length).toBeGreaterThan(0);
      expect(u.hashtags[0]).toBe('#linendress');
      expect(u.hashtags).toContain('#mia.style');
      expect(u.shareUrl).toMatch(/\/s\/[0-9a-z]{12}$/);
      expect(u.imageUrl).toBe(`${u.shareUrl}/card.png`);
      expect(u.optimisation.score).toBeGreaterThanOrEqual(0);
      expect(u.optimisation.score).toBeLessThanOrEqual(100);
      expect(u.optimisation.reasons.map((r) => r.rule)).toEqual(expect.arrayContaining(['keyword-in-title', 'keyword-density']));
    }
    const launched = findOne(updates, 'LAUNCHED update', (u) => u.event === 'LAUNCHED');
    expect(launched.title).toBe('linen dress: live!'); // the approved title, word for word
    expect(findOne(updates, 'POLL_RESULT update', (u) => u.event === 'POLL_RESULT').body).toContain('Linen midi');

    // Every published update reached the receiver once (by webhook-id), signed with the channel's secret.
    const accepted = await eventually('every delivery accepted by the receiver', () => {
      const got = cast.receiver.accepted();
      return got.size === updates.length ? got : undefined;
    });
    expect(cast.receiver.received.every((r) => r.verified)).toBe(true);
    const deliveries = await eventually('every delivery recorded as delivered', async () => {
      const list = await deliveriesOf(productId);
      return list.length === 2 * updates.length && list.every((d) => d.status === 'delivered') ? list : undefined;
    });
    const webhookDeliveries = deliveries.filter((d) => d.channelKind === 'webhook');
    expect(new Set(webhookDeliveries.map((d) => d.id))).toEqual(new Set(accepted.keys()));
    for (const d of webhookDeliveries) expect(d).toMatchObject({ responseStatus: 200, attempts: 1, lastError: null });
    for (const d of deliveries.filter((x) => x.channelKind === 'log')) expect(d.responseBody).toBe('written to the log channel "staff log"');
    const launchedMessage = JSON.parse(accepted.get(findOne(webhookDeliveries, 'LAUNCHED webhook delivery', (d) => d.event === 'LAUNCHED').id)!.body) as DeliveredMessage;
    expect(launchedMessage).toMatchObject({ type: 'social_update.published', data: { event: 'LAUNCHED', title: 'linen dress: live!', productId } });
    // The timeline carries the approval and no overdue alert.
    const timeline = expectOk(await t.http<TimelineDto>('GET', `/products/${productId}/timeline`)).events.map((e) => e.type);
    expect(timeline).toContain('LAUNCH_ANNOUNCEMENT_APPROVED');
    expect(timeline).not.toContain('LAUNCH_APPROVAL_OVERDUE');

    // Each update's delivery workflow was started once by the local write that wrote the update, not as a child
    // of the product's workflow (whose history would hold its start and its completion).
    expect(await childStartsOf(client, productWorkflowId(productId))).toHaveLength(0);
    for (const u of updates) {
      const runs = await completedRuns(client, deliveryWorkflowId(u.id));
      expect({ update: u.event, runs: runs.length, parent: runs[0].parentExecution ?? null }).toEqual({ update: u.event, runs: 1, parent: null });
    }
  });

  it('retries a receiver that fails the first attempts, with the same webhook-id and body, until it is delivered', async () => {
    const cast = await influencerWithChannels('retry.me');
    cast.receiver.failFirst(2, 503);
    const productId = await createProduct(t, cast.influencerId);
    const delivery = await eventually('the poll-opened delivery delivered', async () => {
      const d = (await deliveriesOf(productId)).find((x) => x.channelKind === 'webhook');
      return d?.status === 'delivered' ? d : undefined;
    });
    expect(delivery).toMatchObject({ attempts: 3, responseStatus: 200, lastError: null });
    const attempts = cast.receiver.received.filter((r) => r.webhookId === delivery.id);
    expect(attempts.map((r) => r.answered)).toEqual([503, 503, 200]);
    expect(new Set(attempts.map((r) => r.body)).size).toBe(1);
  });

  it('records a delivery that keeps failing as failed without holding up the product, and re-sends it on request', async () => {
    const cast = await influencerWithChannels('always.down');
    cast.receiver.failAlways(500);
    const productId = await createProduct(t, cast.influencerId);
    // The lifecycle goes on while the channel fails.
    expectOk(await t.http('POST', `/products/${productId}/poll/close`));
    const failed = await eventually(
      'a failed delivery',
      async () => (await deliveriesOf(productId, 'failed')).find((d) => d.channelKind === 'webhook' && d.event === 'POLL_OPENED'),
      30_000,
    );
    expect(failed).toMatchObject({ attempts: 4, status: 'failed', responseStatus: null });
    expect(failed.lastError).toMatch(/answered 500/);
    expect(failed.failedAt).toEqual(expect.any(String));
    expect(expectOk(await t.http<ProductDto>('GET', `/products/${productId}`)).stage).toBe('DESIGN');

    expectError(await t.http('POST', `/products/${productId}/deliveries/dlv-nope/resend`), 404);
    expectError(await t.http('POST', `/products/${productId}/deliveries/${failed.id}/resend`, { key: cast.influencerKey }), 403);
    const requestsOf = () => cast.receiver.received.filter((r) => r.webhookId === failed.id);
    // What the receiver saw before the re-send: the four refused attempts and nothing else.
    expect(requestsOf().map((r) => r.answered)).toEqual([500, 500, 500, 500]);
    const firstBody = requestsOf()[0].body;
    cast.receiver.failFirst(0);
    const resent = expectOk(await t.http('POST', `/products/${productId}/deliveries/${failed.id}/resend`));
    expect(resent).toMatchObject({ id: failed.id, resends: 1 });
    const delivered = await eventually('the re-sent delivery delivered', async () => {
      const d = (await deliveriesOf(productId)).find((x) => x.id === failed.id);
      return d?.status === 'delivered' ? d : undefined;
    });
    expect(delivered).toMatchObject({ responseStatus: 200, attempts: 5, lastError: null, failedAt: null });
    // The re-send really reached the receiver: one more request, signed, with the same webhook-id and body, accepted.
    const after = requestsOf();
    expect(after.map((r) => r.answered)).toEqual([500, 500, 500, 500, 200]);
    expect(after[4]).toMatchObject({ verified: true, body: firstBody });
    expect(cast.receiver.accepted().get(failed.id)?.body).toBe(firstBody);
    expectError(await t.http('POST', `/products/${productId}/deliveries/${failed.id}/resend`), 409, { message: 'only a failed delivery can be re-sent' });
  });

  it('alerts staff on the timeline and the log channel when the announcement is not approved in time, and withholds it', async () => {
    const cast = await influencerWithChannels('late.approver');
    const productId = await createProduct(t, cast.influencerId);
    await advanceTo(t, cast, productId, 'LAUNCH');
    expectOk(await t.http('POST', `/products/${productId}/launch`, { body: { launchAt: new Date(Date.now() + 4_000).toISOString() } }));
    await waitForStage(productId, 'ON_SALE');
    const timeline = expectOk(await t.http<TimelineDto>('GET', `/products/${productId}/timeline`)).events;
    const overdue = timeline.filter((e) => e.type === 'LAUNCH_APPROVAL_OVERDUE');
    expect(overdue).toHaveLength(1);
    expect(findOne(timeline, 'LAUNCHED event', (e) => e.type === 'LAUNCHED').data).toMatchObject({ announcementApproved: false });

    const updates = await eventually('the launch update', async () => {
      const list = await updatesOf(productId);
      return list.some((u) => u.event === 'LAUNCHED') ? list : undefined;
    });
    expect(updates.find((u) => u.event === 'LAUNCH_APPROVAL_OVERDUE')).toMatchObject({ status: 'internal' });
    const launched = findOne(updates, 'LAUNCHED update', (u) => u.event === 'LAUNCHED');
    expect(launched.status).toBe('withheld');
    // The influencer does not see staff's alert; nobody can open a withheld or internal update's page.
    expect((await updatesOf(productId, cast.influencerKey)).map((u) => u.event)).not.toContain('LAUNCH_APPROVAL_OVERDUE');
    expectError(await t.http('GET', new URL(launched.shareUrl).pathname, { key: null }), 404);

    const deliveries = await eventually('the alert delivered to the log channel', async () => {
      const list = await deliveriesOf(productId);
      return list.some((d) => d.event === 'LAUNCH_APPROVAL_OVERDUE' && d.status === 'delivered') ? list : undefined;
    });
    expect(deliveries.filter((d) => d.event === 'LAUNCH_APPROVAL_OVERDUE').map((d) => d.channelKind)).toEqual(['log']);
    expect(deliveries.filter((d) => d.event === 'LAUNCHED').map((d) => d.channelKind)).toEqual(['log']);
    expect([...cast.receiver.accepted().values()].map((r) => (JSON.parse(r.body) as DeliveredMessage).data.event)).not.toContain('LAUNCHED');
  });

  it('tells fans who saw the product that it is not going ahead, once, without staff\'s reason (which stays on the timeline)', async () => {
    const cast = await influencerWithChannels('cancel.me', { language: 'zh-CN' });
    const productId = await createProduct(t, cast.influencerId, { targetKeyword: '亚麻连衣裙' });
    expectOk(await t.http('POST', `/products/${productId}/cancel`, { body: { reason: 'fabric unavailable' } }));
    const updates = await eventually('the cancellation update', async () => {
      const list = await updatesOf(productId);
      return list.some((u) => u.event === 'PRODUCT_CANCELLED') ? list : undefined;
    });
    expect(updates.map((u) => u.event)).toEqual(['POLL_OPENED', 'PRODUCT_CANCELLED']);
    const cancelled = findOne(updates, 'PRODUCT_CANCELLED update', (u) => u.event === 'PRODUCT_CANCELLED');
    expect(cancelled).toMatchObject({ status: 'published', language: 'zh-CN' });
    expect(cancelled.title).toContain('亚麻连衣裙');
    expect(`${cancelled.title}${cancelled.body}`).not.toContain('fabric unavailable');
    const deliveries = await eventually('the cancellation on both channels', async () => {
      const list = await deliveriesOf(productId);
      return list.filter((d) => d.event === 'PRODUCT_CANCELLED' && d.status === 'delivered').length === 2 ? list : undefined;
    });
    expect(deliveries.filter((d) => d.event === 'PRODUCT_CANCELLED').map((d) => d.channelKind).sort()).toEqual(['log', 'webhook']);
    expect((await t.http('GET', new URL(cancelled.shareUrl).pathname, { key: null })).status).toBe(200);
    const timeline = expectOk(await t.http<TimelineDto>('GET', `/products/${productId}/timeline`));
    expect(timeline.events.find((e) => e.type === 'CANCELLED')?.data).toMatchObject({ reason: 'fabric unavailable' });
  });

  it('serves a share page with Open Graph and Twitter tags and a 1200×630 card, rendered once', async () => {
    const cast = await influencerWithChannels('share.page');
    const productId = await createProduct(t, cast.influencerId);
    const [opened] = await eventually('the poll-opened update', async () => {
      const list = await updatesOf(productId);
      return list.length > 0 ? list : undefined;
    });
    const path = new URL(opened.shareUrl).pathname;
    const page = await fetch(`${t.engine.apiUrl}${path}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    for (const tag of ['og:title', 'og:description', 'og:image', 'og:url', 'twitter:card', 'twitter:image']) expect(html).toContain(`"${tag}"`);
    expect(html).toContain(opened.imageUrl);
    const card = await fetch(`${t.engine.apiUrl}${path}/card.png`);
    expect(card.status).toBe(200);
    expect(card.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await card.arrayBuffer());
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    const [stored] = await t.db.dataSource.query<{ bytes: number }[]>('SELECT length(card_png) AS bytes FROM social_updates WHERE id = $1', [opened.id]);
    expect(Number(stored.bytes)).toBe(png.length);
    const again = Buffer.from(await (await fetch(`${t.engine.apiUrl}${path}/card.png`)).arrayBuffer());
    expect(again.equals(png)).toBe(true);
    expectError(await t.http('GET', '/s/nosuchslug', { key: null }), 404);
    expectError(await t.http('GET', '/s/nosuchslug/card.png', { key: null }), 404);
  });

  it("rotates a webhook channel's secret: deliveries verify with the old and the new secret during the grace period", async () => {
    const cast = await influencerWithChannels('rotating');
    const before = cast.webhook.secret;
    const rotated = expectOk(await t.http<IssuedChannelDto>('POST', `/influencers/${cast.influencerId}/channels/${cast.webhook.id}/rotate-secret`));
    const newSecret = rotated.secret ?? '';
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(before);
    expect(Date.parse(rotated.previousSecretValidUntil ?? '')).toBeGreaterThan(Date.now());
    expect(rotated.rotatedAt).toEqual(expect.any(String));
    // The receiver still verifies with the old secret: the delivery must pass it.
    const productId = await createProduct(t, cast.influencerId);
    // eventually fails the test if none is accepted (the receiver answers 401 to a request it cannot verify).
    await eventually('a delivery accepted with the old secret', () => cast.receiver.accepted().size > 0 || undefined);
    // A receiver that switched to the new secret verifies the same request too.
    cast.receiver.setSecret(newSecret);
    expectOk(await t.http('POST', `/products/${productId}/poll/close`));
    await eventually('a delivery accepted with the new secret', () => cast.receiver.accepted().size > 1 || undefined);
    expect(cast.receiver.received.every((r) => r.verified)).toBe(true);
    expectError(await t.http('POST', `/influencers/${cast.influencerId}/channels/${cast.log.id}/rotate-secret`), 409, { message: 'is a log channel' });
    expectError(await t.http('POST', `/influencers/${cast.influencerId}/channels/ch-nope/rotate-secret`), 404);
    const listed = expectOk(await t.http<ChannelDto[]>('GET', `/influencers/${cast.influencerId}/channels`));
    expect(JSON.stringify(listed)).not.toContain(newSecret);
  });

  it('refuses settings and channels that cannot work, saying why', async () => {
    const cast = await castInfluencer(t, 'strict.settings');
    const settings = `/influencers/${cast.influencerId}/social-settings`;
    expectError(await t.http('PUT', settings, { body: { templates: { LAUNCHED: { title: '{keyword} by {nobody}' } } } }), 422, {
      message: 'templates.LAUNCHED uses {nobody}',
    });
    expectError(await t.http('PUT', settings, { body: { templates: { NOT_AN_EVENT: { title: 'x' } } } }), 422, { message: 'is not an event' });
    expectError(await t.http('PUT', settings, { body: { timeZone: 'Mars/Olympus' } }), 422, { message: 'not an IANA time zone' });
    expectError(await t.http('PUT', settings, { body: { tone: 'shouty' } }), 422, { fields: ['tone'] });
    expectError(await t.http('PUT', settings, { key: cast.influencerKey, body: {} }), 403);
    const saved = expectOk(await t.http<SocialSettingsDto>('PUT', settings, { body: { language: 'zh-CN', timeZone: 'Asia/Shanghai', templates: { LAUNCHED: { title: '{keyword}来啦' } } } }));
    expect(saved).toMatchObject({ language: 'zh-CN', tone: 'warm', platform: 'xiaohongshu', timeZone: 'Asia/Shanghai', sponsored: false });
    expect(expectOk(await t.http('GET', settings))).toEqual(saved);

    const channels = `/influencers/${cast.influencerId}/channels`;
    expectError(await t.http('POST', channels, { body: { kind: 'webhook', name: 'no url' } }), 422, { message: 'needs the url' });
    expectError(await t.http('POST', channels, { body: { kind: 'webhook', name: 'ftp', url: 'ftp://example.com/x' } }), 422, { fields: ['url'] });
    expectError(await t.http('POST', '/influencers/inf-nobody/channels', { body: { kind: 'log', name: 'x' } }), 404);
    const created = expectOk(await t.http<IssuedChannelDto>('POST', channels, { body: { kind: 'webhook', name: 'hook', url: 'http://127.0.0.1:9/x', platform: 'x' } }), 201);
    const secret = created.secret ?? '';
    expect(secret).toMatch(/^whsec_/);
    const listed = expectOk(await t.http<ChannelDto[]>('GET', channels));
    expect(listed).toEqual([expect.objectContaining({ id: created.id, platform: 'x', status: 'active' })]);
    expect(JSON.stringify(listed)).not.toContain(secret);
    const [row] = await t.db.dataSource.query<{ secret_sealed: string }[]>('SELECT secret_sealed FROM channels WHERE id = $1', [created.id]);
    expect(row.secret_sealed).not.toContain(secret.slice(6));
    expect(expectOk(await t.http('POST', `${channels}/${created.id}/disable`))).toMatchObject({ status: 'disabled' });
  });
});
