import { demandSection, timeLeft, type DemandProgress } from './share-page-demand';
import { renderSharePage, type SharePageInput } from './share-page';

const DEMAND: DemandProgress = {
  goal: 200,
  reservedUnits: 150,
  reservations: 120,
  closesAt: '2026-11-20T12:00:00.000Z',
  now: '2026-11-18T09:00:00.000Z',
  variants: [
    { label: 'S', units: 30 },
    { label: 'M <b>', units: 120 },
  ],
};

describe('the share page’s live demand', () => {
  it('shows units reserved toward the goal, the share, the time left and units per variant', () => {
    const html = demandSection(DEMAND, 'en');
    expect(html).toContain('<p class="summary">150 of 200 units reserved (75%)</p>');
    expect(html).toContain('<rect class="fill" width="75.00" height="10"/>');
    expect(html).toContain('<p class="left">2 days left to reserve · 120 reservations</p>');
    expect(html).toContain('<tr><th scope="row">S</th><td class="num">30</td><td class="num">20%</td></tr>');
    expect(html).toContain('<tr><th scope="row">M &lt;b&gt;</th><td class="num">120</td><td class="num">80%</td></tr>');
  });

  it('caps the bar at the goal, says when reservations are closed, and speaks Chinese', () => {
    const over = demandSection({ ...DEMAND, reservedUnits: 260, now: '2026-11-21T00:00:00.000Z' }, 'zh-CN');
    expect(over).toContain('已预订 260 / 200 件（130%）');
    expect(over).toContain('width="100.00"');
    expect(over).toContain('预订已截止');
  });

  it('counts time left in its largest whole unit', () => {
    expect(timeLeft('2026-11-18T12:00:00.000Z', '2026-11-18T09:30:00.000Z', 'en')).toBe('2 hours');
    expect(timeLeft('2026-11-18T12:00:00.000Z', '2026-11-18T11:59:30.000Z', 'en')).toBe('1 minute');
    expect(timeLeft('2026-11-19T12:00:00.000Z', '2026-11-18T11:00:00.000Z', 'zh-CN')).toBe('1天');
    expect(timeLeft('2026-11-18T12:00:00.000Z', '2026-11-18T12:00:00.000Z', 'en')).toBeNull();
  });

  it('is on the page only while the product takes reservations', () => {
    const page: SharePageInput = {
      productName: 'Midi',
      keyword: 'linen dress',
      eventLabel: 'Reservations open',
      stageLabel: 'Reservations',
      influencerHandle: 'mia',
      title: 'Reserve our linen dress now',
      language: 'en',
      body: 'Reserve yours.',
      hashtags: [],
      shareUrl: 'https://made.example/s/abc',
      imageUrl: 'https://made.example/s/abc/card.png',
      publishedAt: '2026-11-18T09:00:00.000Z',
      siteName: 'Made with fans',
      timeline: [],
    };
    expect(renderSharePage(page)).not.toContain('demand-heading');
    expect(renderSharePage({ ...page, demand: DEMAND })).toContain('<h2 id="demand-heading">Reservations</h2>');
  });
});
