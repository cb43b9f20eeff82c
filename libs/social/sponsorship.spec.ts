import type { LifecycleEvent } from '../domain';
import { DEFAULT_SOCIAL_SETTINGS, type SocialSettings } from './lifecycle-updates';
import { planSocialUpdates, type SocialPlanInput } from './plan';
import { DEFAULT_PLATFORM_LIMITS } from './platforms';
import { productFixture } from './product.fixture';
import { sponsorOf } from './sponsorship';

const product = productFixture();
const event = (seq: number, type: LifecycleEvent['type'], data: Record<string, unknown> = {}): LifecycleEvent => ({
  seq,
  type,
  stage: 'DESIGN',
  actor: { kind: 'system', id: 'engine' },
  at: '2026-11-08T12:00:00.000Z',
  data,
});
const LOG = { id: 'ch-log', kind: 'log' as const, platform: 'xiaohongshu' };
const HOOK = { id: 'ch-hook', kind: 'webhook' as const, platform: 'douyin' };
const LINEN = { partner: 'Linen & Co', events: null };

function plan(over: Partial<SocialPlanInput> = {}, settings: Partial<SocialSettings> = {}) {
  return planSocialUpdates({
    productId: 'p-1',
    events: [],
    product,
    influencer: { handle: 'mia.style', settings: { ...DEFAULT_SOCIAL_SETTINGS, language: 'zh-CN', platform: 'xiaohongshu', ...settings } },
    channels: [LOG, HOOK],
    liveCounts: [],
    publicBaseUrl: 'https://made.example',
    platformLimits: DEFAULT_PLATFORM_LIMITS,
    ...over,
  });
}
const payload = (p: string) => JSON.parse(p) as { data: Record<string, unknown> & { text: string } };

describe('which updates are sponsored posts', () => {
  it('sponsors every published update of a sponsored product, naming its partner', () => {
    expect(sponsorOf('DESIGN_APPROVED', true, LINEN, false)).toEqual({ partner: 'Linen & Co', source: 'product' });
  });

  it('sponsors only the events the product sponsorship names', () => {
    const launchOnly = { partner: 'Linen & Co', events: ['LAUNCHED' as const] };
    expect(sponsorOf('LAUNCHED', true, launchOnly, false)).toEqual({ partner: 'Linen & Co', source: 'product' });
    expect(sponsorOf('DESIGN_APPROVED', true, launchOnly, false)).toBeNull();
  });

  it("falls back to the influencer's settings, without a partner", () => {
    expect(sponsorOf('DESIGN_APPROVED', true, null, true)).toEqual({ partner: null, source: 'influencer' });
    expect(sponsorOf('DESIGN_APPROVED', true, null, false)).toBeNull();
  });

  it('never sponsors internal updates or cancellation notices', () => {
    expect(sponsorOf('LAUNCH_APPROVAL_OVERDUE', false, LINEN, true)).toBeNull();
    for (const notice of ['CANCELLED', 'PRODUCT_CANCELLED', 'RESERVATIONS_RELEASED'] as const) expect(sponsorOf(notice, true, LINEN, true)).toBeNull();
  });
});

describe('planning a sponsored product\u2019s updates', () => {
  it('discloses the post on each channel\u2019s platform, names the partner and label in the payload, and holds its deliveries', () => {
    const p = plan({ events: [event(3, 'DESIGN_APPROVED')], sponsorship: LINEN });
    expect(p.updates).toHaveLength(1);
    const [update] = p.updates;
    expect(update.sponsored).toBe(true);
    // Published on Douyin only (the log is staff's copy): one paid post, there; the log's copy goes with it.
    expect(p.sponsoredPosts).toEqual([{ updateId: update.id, platform: 'douyin', partner: 'Linen & Co', source: 'product', disclosure: DEFAULT_PLATFORM_LIMITS.douyin.disclosure['zh-CN'] }]);
    expect(p.deliveries.map((d) => [d.channelId, d.status, d.sponsoredPlatform])).toEqual([
      ['ch-log', 'held', 'douyin'],
      ['ch-hook', 'held', 'douyin'],
    ]);
    // Held: no delivery workflow is to start for it.
    expect(p.deliveriesByUpdate).toEqual([]);
    const [log, hook] = p.deliveries.map((d) => payload(d.payload).data);
    expect(log.text.startsWith('广告\n\n')).toBe(true);
    expect(log.sponsored).toEqual({ partner: 'Linen & Co', label: '广告', orderReference: null });
    expect(hook.platform).toBe('douyin');
    expect(hook.sponsored).toEqual({ partner: 'Linen & Co', label: DEFAULT_PLATFORM_LIMITS.douyin.disclosure['zh-CN'], orderReference: null });
  });

  it('makes an update published on several platforms one paid post on each, with its disclosure; the log\'s copy goes with its platform\'s post', () => {
    const xhs = { id: 'ch-xhs', kind: 'webhook' as const, platform: 'xiaohongshu' };
    const weibo = { id: 'ch-weibo', kind: 'webhook' as const, platform: 'weibo' };
    const p = plan({ events: [event(3, 'DESIGN_APPROVED')], sponsorship: LINEN, channels: [LOG, HOOK, weibo, xhs] });
    const [update] = p.updates;
    expect(p.sponsoredPosts.map((s) => [s.updateId, s.platform, s.disclosure])).toEqual([
      [update.id, 'douyin', '广告'],
      [update.id, 'weibo', '#广告#'],
      [update.id, 'xiaohongshu', '广告'],
    ]);
    expect(p.deliveries.map((d) => [d.channelId, d.status, d.sponsoredPlatform])).toEqual([
      ['ch-log', 'held', 'xiaohongshu'],
      ['ch-hook', 'held', 'douyin'],
      ['ch-weibo', 'held', 'weibo'],
      ['ch-xhs', 'held', 'xiaohongshu'],
    ]);
    expect(payload(p.deliveries[2].payload).data.text.startsWith('#广告#')).toBe(true);
    // An unsponsored update's deliveries name no post.
    expect(plan({ events: [event(3, 'DESIGN_APPROVED')], channels: [LOG, HOOK, weibo] }).deliveries.every((d) => d.sponsoredPlatform === undefined)).toBe(true);
  });

  it('uses the English disclosure for English posts', () => {
    const p = plan({ events: [event(3, 'DESIGN_APPROVED')], sponsorship: LINEN, channels: [{ id: 'ch-x', kind: 'webhook', platform: 'x' }] }, { language: 'en', platform: 'instagram' });
    const data = payload(p.deliveries[0].payload).data;
    expect(data.text.startsWith('#ad\n\n')).toBe(true);
    expect(data.sponsored).toEqual({ partner: 'Linen & Co', label: '#ad', orderReference: null });
    expect(p.sponsoredPosts).toEqual([{ updateId: p.updates[0].id, platform: 'x', partner: 'Linen & Co', source: 'product', disclosure: '#ad' }]);
  });

  it('leaves an unsponsored product\u2019s updates undisclosed, pending and without a sponsored field', () => {
    const p = plan({ events: [event(3, 'DESIGN_APPROVED')] });
    expect(p.updates[0].sponsored).toBe(false);
    expect(p.sponsoredPosts).toEqual([]);
    expect(p.deliveries.map((d) => d.status)).toEqual(['pending', 'pending']);
    expect(p.deliveriesByUpdate).toEqual([{ updateId: p.updates[0].id, deliveryIds: p.deliveries.map((d) => d.id) }]);
    const data = payload(p.deliveries[0].payload).data;
    expect(data.text.startsWith('广告')).toBe(false);
    expect('sponsored' in data).toBe(false);
  });

  it('holds a sponsored influencer\u2019s posts, but neither internal updates nor the cancellation told to fans', () => {
    const p = plan({ events: [event(3, 'DESIGN_APPROVED'), event(4, 'LAUNCH_APPROVAL_OVERDUE'), event(5, 'CANCELLED', { reason: 'mill closed' })] }, { sponsored: true });
    expect(p.updates.map((u) => [u.event, u.status, u.sponsored])).toEqual([
      ['DESIGN_APPROVED', 'published', true],
      ['LAUNCH_APPROVAL_OVERDUE', 'internal', false],
      ['PRODUCT_CANCELLED', 'published', false],
    ]);
    expect(p.sponsoredPosts).toEqual([{ updateId: p.updates[0].id, platform: 'douyin', partner: null, source: 'influencer', disclosure: '广告' }]);
    expect(p.deliveries.filter((d) => d.status === 'held').map((d) => d.updateId)).toEqual([p.updates[0].id, p.updates[0].id]);
    // The others go out now.
    expect(p.deliveriesByUpdate.map((u) => u.updateId)).toEqual([p.updates[1].id, p.updates[2].id]);
    const cancelled = payload(p.deliveries.find((d) => d.updateId === p.updates[2].id)!.payload).data;
    expect(cancelled.text.startsWith('广告')).toBe(false);
  });
});
