import type { LifecycleEvent } from '../domain';
import { DEFAULT_SOCIAL_SETTINGS, type SocialSettings } from './lifecycle-updates';
import { planSocialUpdates, trackedLinkCode, type SocialPlanInput } from './plan';
import { DEFAULT_PLATFORM_LIMITS } from './platforms';
import { productFixture } from './product.fixture';

const product = productFixture();

const event = (seq: number, type: LifecycleEvent['type'], data: Record<string, unknown> = {}, stage: LifecycleEvent['stage'] = 'POLL'): LifecycleEvent => ({
  seq,
  type,
  stage,
  actor: { kind: 'system', id: 'engine' },
  at: '2026-11-08T12:00:00.000Z',
  data,
});

const LOG = { id: 'ch-log', kind: 'log' as const, platform: 'instagram' };
const HOOK = { id: 'ch-hook', kind: 'webhook' as const, platform: 'xiaohongshu' };

function plan(over: Partial<SocialPlanInput> = {}, settings: Partial<SocialSettings> = {}) {
  return planSocialUpdates({
    productId: 'p-1',
    events: [],
    product,
    influencer: { handle: 'mia.style', settings: { ...DEFAULT_SOCIAL_SETTINGS, ...settings } },
    channels: [LOG, HOOK],
    liveCounts: [],
    publicBaseUrl: 'https://made.example/',
    platformLimits: DEFAULT_PLATFORM_LIMITS,
    ...over,
  });
}

const payload = (p: string) => JSON.parse(p) as { type: string; data: Record<string, unknown> };

describe('planning social updates', () => {
  it('makes one update per event that has one, and none for internal steps', () => {
    const { updates } = plan({ events: [event(1, 'POLL_OPENED', { closesAt: '2026-11-08T12:00:00.000Z' }), event(2, 'DESIGN_SUBMITTED'), event(3, 'DESIGN_APPROVED', {}, 'SAMPLING')] });
    expect(updates.map((u) => [u.seq, u.event, u.status])).toEqual([
      [1, 'POLL_OPENED', 'published'],
      [3, 'DESIGN_APPROVED', 'published'],
    ]);
    expect(updates[1]).toMatchObject({ keyword: 'linen dress', language: 'en', platform: 'instagram', sponsored: false, occurredAt: '2026-11-08T12:00:00.000Z' });
    expect(updates[1].score).toBe(updates[1].optimisation.score);
  });

  it('gives the same ids, slug and URLs for the same (product, seq), so a retried write changes nothing', () => {
    const first = plan({ events: [event(7, 'DESIGN_APPROVED')] });
    const again = plan({ events: [event(7, 'DESIGN_APPROVED')] });
    expect(again).toEqual(first);
    const [update] = first.updates;
    expect(update.id).toMatch(/^upd-[0-9a-z]{20}$/);
    expect(update.shareUrl).toBe(`https://made.example/s/${update.slug}`);
    expect(update.imageUrl).toBe(`https://made.example/s/${update.slug}/card.png`);
    expect(first.deliveries.map((d) => d.id)).toEqual([expect.stringMatching(/^dlv-/), expect.stringMatching(/^dlv-/)]);
    // Another seq or another product is another update.
    expect(plan({ events: [event(8, 'DESIGN_APPROVED')] }).updates[0].id).not.toBe(update.id);
    expect(plan({ productId: 'p-2', events: [event(7, 'DESIGN_APPROVED')] }).updates[0].id).not.toBe(update.id);
  });

  it('withholds a launch announcement the influencer did not approve, and tells only staff’s log channels', () => {
    const { updates, deliveries } = plan({ events: [event(9, 'LAUNCHED', { announcementApproved: false }, 'LAUNCHED')] });
    expect(updates[0].status).toBe('withheld');
    expect(deliveries.map((d) => d.channelId)).toEqual(['ch-log']);
    expect(payload(deliveries[0].payload).type).toBe('social_update.internal');
    expect(plan({ events: [event(9, 'LAUNCHED', { announcementApproved: true }, 'LAUNCHED')] }).updates[0].status).toBe('published');
  });

  it('keeps internal events (a cancellation fans never saw anything of) off the public channels', () => {
    const { updates, deliveries } = plan({ events: [event(4, 'CANCELLED', { reason: 'fabric' }, 'CANCELLED')] });
    expect(updates[0]).toMatchObject({ event: 'CANCELLED', status: 'internal' });
    expect(updates[0].body).toContain('fabric');
    expect(deliveries.map((d) => d.channelId)).toEqual(['ch-log']);
  });

  it('tells fans who saw the product that it is not going ahead, once and without staff\'s reason', () => {
    const cancelled = event(4, 'CANCELLED', { reason: 'the supplier cheated' }, 'CANCELLED');
    const { updates, deliveries } = plan({ events: [cancelled], announced: true });
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ event: 'PRODUCT_CANCELLED', status: 'published', title: 'Our linen dress is not going ahead 💛' });
    expect(`${updates[0].title} ${updates[0].body}`).not.toContain('cheated');
    expect(deliveries.map((d) => d.channelId)).toEqual(['ch-log', 'ch-hook']);
    // Fans saw an update earlier in the same batch.
    expect(plan({ events: [event(3, 'DESIGN_APPROVED'), cancelled] }).updates.map((u) => u.event)).toEqual(['DESIGN_APPROVED', 'PRODUCT_CANCELLED']);
    // The release of their reservations tells them instead: the cancellation stays staff's.
    const released = plan({ events: [event(4, 'RESERVATIONS_RELEASED', { reservations: 3, totalUnits: 5, reason: 'x' }), event(5, 'CANCELLED', { reason: 'x', reservationsReleased: 3 }, 'CANCELLED')], announced: true });
    expect(released.updates.map((u) => [u.event, u.status])).toEqual([
      ['RESERVATIONS_RELEASED', 'published'],
      ['CANCELLED', 'internal'],
    ]);
  });

  it('shows a milestone’s live standings on its card, options without votes at zero', () => {
    const { updates } = plan({ events: [event(5, 'POLL_MILESTONE', { milestone: 100 })], liveCounts: [{ optionId: 'wrap', votes: 61 }] });
    expect(updates[0].card).toMatchObject({
      productName: 'Summer Linen Midi',
      eventLabel: 'Poll milestone',
      stage: 'POLL',
      stageLabel: 'Fan poll',
      influencerHandle: 'mia.style',
      poll: { totalVotes: 61, options: [{ label: 'Linen midi', votes: 0 }, { label: 'Wrap dress', votes: 61 }] },
    });
  });

  it('shows a poll result’s final tally with the winner marked, whatever the live counts say', () => {
    const closed = event(6, 'POLL_CLOSED', { winningOptionId: 'midi', counts: [{ optionId: 'midi', votes: 30 }, { optionId: 'wrap', votes: 12 }] }, 'DESIGN');
    const { updates } = plan({ events: [closed], liveCounts: [{ optionId: 'wrap', votes: 999 }] });
    expect(updates[0].card.poll).toEqual({
      totalVotes: 42,
      options: [
        { label: 'Linen midi', votes: 30, winner: true },
        { label: 'Wrap dress', votes: 12 },
      ],
    });
    expect(plan({ events: [event(3, 'DESIGN_APPROVED')] }).updates[0].card.poll).toBeUndefined();
  });

  it('fits each channel’s delivery to the channel’s platform, and an unknown platform to the influencer’s', () => {
    const odd = { id: 'ch-odd', kind: 'webhook' as const, platform: 'myspace' };
    const { updates, deliveries } = plan({ events: [event(3, 'DESIGN_APPROVED')], channels: [LOG, HOOK, odd] });
    const sent = deliveries.map((d) => payload(d.payload));
    expect(sent.map((p) => [p.data.channelId, p.data.platform])).toEqual([
      ['ch-log', 'instagram'],
      ['ch-hook', 'xiaohongshu'],
      ['ch-odd', 'instagram'],
    ]);
    // Every channel's message names the same update and event, each with the channel's own tracked link.
    for (const p of sent) {
      expect(p).toMatchObject({ type: 'social_update.published', timestamp: '2026-11-08T12:00:00.000Z' });
      expect(p.data).toMatchObject({ updateId: updates[0].id, productId: 'p-1', influencerId: 'inf-1', event: 'DESIGN_APPROVED', imageUrl: updates[0].imageUrl });
      expect(p.data.shareUrl).toBe(`https://made.example/r/${trackedLinkCode(updates[0].id, String(p.data.channelId))}`);
    }
    expect(new Set(sent.map((p) => p.data.shareUrl)).size).toBe(3);
    expect(deliveries.every((d) => d.updateId === updates[0].id)).toBe(true);
  });

  it('lists each update’s deliveries for the delivery workflows, leaving out updates that go nowhere', () => {
    const events = [event(3, 'DESIGN_APPROVED'), event(4, 'LAUNCH_APPROVAL_OVERDUE', { launchAt: '2026-12-01T10:00:00.000Z' })];
    const withLog = plan({ events });
    expect(withLog.deliveriesByUpdate).toEqual(withLog.updates.map((u) => ({ updateId: u.id, deliveryIds: withLog.deliveries.filter((d) => d.updateId === u.id).map((d) => d.id) })));
    const hookOnly = plan({ events, channels: [HOOK] });
    expect(hookOnly.updates).toHaveLength(2);
    expect(hookOnly.deliveriesByUpdate).toEqual([{ updateId: hookOnly.updates[0].id, deliveryIds: [hookOnly.deliveries[0].id] }]);
    expect(plan({ events, channels: [] }).deliveriesByUpdate).toEqual([]);
  });

  it('falls back to the shipped template when an override cannot be filled, and says so', () => {
    const result = plan({ events: [event(3, 'DESIGN_APPROVED')] }, { templates: { DESIGN_APPROVED: { title: 'Done: {winner}' } } });
    expect(result.updates[0].title).toBe('Our linen dress design is final 💛');
    expect(result.fallbacks).toEqual([
      { event: 'DESIGN_APPROVED', error: expect.stringContaining('{winner}') as string },
      { event: 'DESIGN_APPROVED', error: expect.stringContaining('{winner}') as string },
    ]);
    expect(plan({ events: [event(3, 'DESIGN_APPROVED')] }).fallbacks).toEqual([]);
  });

  it('makes one stable tracked link per published update and channel, with the update’s stage and event; none for internal updates', () => {
    const events = [event(3, 'DESIGN_APPROVED', {}, 'SAMPLING'), event(4, 'LAUNCH_APPROVAL_OVERDUE', { launchAt: '2026-12-01T10:00:00.000Z' })];
    const first = plan({ events });
    const [approved, internal] = first.updates;
    expect(first.links).toEqual([
      { code: trackedLinkCode(approved.id, 'ch-log'), updateId: approved.id, channelId: 'ch-log', stage: 'SAMPLING', event: 'DESIGN_APPROVED' },
      { code: trackedLinkCode(approved.id, 'ch-hook'), updateId: approved.id, channelId: 'ch-hook', stage: 'SAMPLING', event: 'DESIGN_APPROVED' },
    ]);
    for (const link of first.links) expect(link.code).toMatch(/^[0-9a-z]{10}$/);
    expect(plan({ events }).links).toEqual(first.links);
    // The internal update's log copy keeps the share page's URL (staff's view), and the stored update keeps it too.
    const staffCopies = first.deliveries.filter((d) => d.updateId === internal.id).map((d) => payload(d.payload));
    expect(staffCopies.map((p) => p.data.shareUrl)).toEqual([internal.shareUrl]);
    expect(approved.shareUrl).toBe(`https://made.example/s/${approved.slug}`);
  });
});
