import { renderSharePage, type SharePageInput } from './share-page';
import { CLOSED_POLL } from './product.fixture';

const PAGE: SharePageInput = {
  productName: 'Summer Linen Midi',
  keyword: 'linen dress',
  eventLabel: 'Poll result',
  stageLabel: 'Design',
  influencerHandle: 'mia.style',
  title: 'linen dress: you chose the midi',
  language: 'en',
  body: 'Your linen dress is decided: the midi won.\n\nThank you for 4,821 votes. Sampling starts next week.',
  hashtags: ['#linendress', '#summerstyle'],
  shareUrl: 'https://example.com/u/p1/3',
  imageUrl: 'https://example.com/u/p1/3/card.png',
  publishedAt: '2025-11-25T10:00:00.000Z',
  siteName: 'Mia Studio',
  timeline: [
    { label: 'Poll', state: 'done', at: '2025-11-20T10:00:00.000Z' },
    { label: 'Design', state: 'current' },
    { label: 'Sampling', state: 'upcoming' },
    { label: 'Launch', state: 'upcoming' },
  ],
};
const POLL = CLOSED_POLL;

function unescape(value: string): string {
  return value.replace(/&(lt|gt|quot|amp|#39);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&', '#39': "'" })[e] ?? '');
}

/** The raw (still escaped) content of `<meta property|name="key" content="…">`, or undefined. */
function meta(html: string, key: string): string | undefined {
  const m = html.match(new RegExp(`<meta (?:property|name)="${key.replace(/[.:]/g, '\\$&')}" content="([^"]*)">`));
  return m?.[1];
}

describe('share page document', () => {
  it('is an HTML5 document in the update language with charset, viewport, title and canonical link', () => {
    const html = renderSharePage(PAGE);
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<title>linen dress: you chose the midi · Mia Studio</title>');
    expect(html).toContain('<link rel="canonical" href="https://example.com/u/p1/3">');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(renderSharePage({ ...PAGE, language: 'zh-CN' })).toContain('<html lang="zh-CN">');
  });

  it('carries every Open Graph and Twitter tag for a large-image unfurl', () => {
    const html = renderSharePage(PAGE);
    const description = 'Your linen dress is decided: the midi won. Thank you for 4,821 votes. Sampling starts next week.';
    expect(meta(html, 'description')).toBe(description);
    expect(meta(html, 'og:type')).toBe('article');
    expect(meta(html, 'og:title')).toBe(PAGE.title);
    expect(meta(html, 'og:description')).toBe(description);
    expect(meta(html, 'og:image')).toBe(PAGE.imageUrl);
    expect(meta(html, 'og:image:width')).toBe('1200');
    expect(meta(html, 'og:image:height')).toBe('630');
    expect(meta(html, 'og:image:alt')).toBe('Poll result: linen dress: you chose the midi');
    expect(meta(html, 'og:url')).toBe(PAGE.shareUrl);
    expect(meta(html, 'og:site_name')).toBe('Mia Studio');
    expect(meta(html, 'og:locale')).toBe('en_US');
    expect(meta(html, 'twitter:card')).toBe('summary_large_image');
    expect(meta(html, 'twitter:title')).toBe(PAGE.title);
    expect(meta(html, 'twitter:description')).toBe(description);
    expect(meta(html, 'twitter:image')).toBe(PAGE.imageUrl);
    expect(meta(renderSharePage({ ...PAGE, language: 'zh-CN' }), 'og:locale')).toBe('zh_CN');
  });

  it('escapes ampersands, quotes and markup in tag values', () => {
    const title = `Tom & Jerry's "best" <dress>`;
    const html = renderSharePage({ ...PAGE, title, body: `A & B "quoted" <i>x</i>`, siteName: `Mia's <Studio>` });
    expect(meta(html, 'og:title')).toBe('Tom &amp; Jerry&#39;s &quot;best&quot; &lt;dress&gt;');
    expect(unescape(meta(html, 'twitter:title')!)).toBe(title);
    expect(unescape(meta(html, 'og:description')!)).toBe(`A & B "quoted" <i>x</i>`);
    expect(unescape(meta(html, 'og:site_name')!)).toBe(`Mia's <Studio>`);
    expect(html).toContain('<h1>Tom &amp; Jerry&#39;s &quot;best&quot; &lt;dress&gt;</h1>');
  });

  it('cuts the description to about 160 characters', () => {
    const body = `${'word '.repeat(100)}\n\nsecond paragraph`;
    const description = unescape(meta(renderSharePage({ ...PAGE, body }), 'description')!);
    expect(Array.from(description).length).toBeLessThanOrEqual(160);
    expect(description).toMatch(/^word word .*…$/);
  });

  it('shows the card image with its size and alt text, the title, paragraphs and hashtags', () => {
    const html = renderSharePage(PAGE);
    expect(html).toContain('<img class="card" src="https://example.com/u/p1/3/card.png" width="1200" height="630" alt="Poll result: linen dress: you chose the midi">');
    expect(html).toContain('<h1>linen dress: you chose the midi</h1>');
    expect(html).toContain('<p>Your linen dress is decided: the midi won.</p>\n<p>Thank you for 4,821 votes. Sampling starts next week.</p>');
    expect(html).toContain('<li>#linendress</li><li>#summerstyle</li>');
    expect(html).toContain('@mia.style');
    expect(html).toContain('<time datetime="2025-11-25T10:00:00.000Z">November 25, 2025</time>');
  });

  it('loads nothing external, runs no script and uses no inline style attributes', () => {
    const html = renderSharePage({ ...PAGE, poll: POLL });
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script|<link rel="stylesheet"|@import|url\(|\sstyle=|\son[a-z]+=/i);
    expect([...html.matchAll(/\ssrc="([^"]*)"/g)].map((m) => m[1])).toEqual([PAGE.imageUrl]);
  });

  it('keeps hostile input inert: no script element, no javascript: URL anywhere', () => {
    const evil = '</title></style><script>alert(1)</script><img src=x onerror=alert(2)>"\'';
    const html = renderSharePage({
      ...PAGE,
      title: evil,
      body: `${evil}\n\n${evil}`,
      productName: evil,
      eventLabel: evil,
      stageLabel: evil,
      influencerHandle: evil,
      siteName: evil,
      hashtags: [evil],
      shareUrl: 'javascript:alert(3)',
      imageUrl: 'javascript:alert(4)',
      publishedAt: evil,
      timeline: [{ label: evil, state: 'current', at: evil }],
      poll: { totalVotes: 1, options: [{ label: evil, votes: 1, winner: true }] },
    });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img src=x/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // Without a usable image the page falls back to a summary card and shows no broken <img>.
    expect(meta(html, 'og:image')).toBeUndefined();
    expect(meta(html, 'twitter:card')).toBe('summary');
    expect(html).not.toContain('<link rel="canonical"');
  });
});

describe('share page poll results', () => {
  it('has no poll chart when the update is not a poll', () => {
    const html = renderSharePage(PAGE);
    expect(html).not.toContain('class="poll"');
    expect(html).not.toContain('<table');
  });

  it('lists each option with votes and percentage, bars sized by share and the winner marked', () => {
    const html = renderSharePage({ ...PAGE, poll: POLL });
    expect(html).toContain('<h2 id="poll-heading">Poll results</h2>');
    const rows = [...html.matchAll(/<tr( class="winner")?><th scope="row">([^<]*)(?:.*?)<\/th><td class="num">([^<]*)<\/td><td class="num">([^<]*)<\/td>.*?<rect class="fill" width="([\d.]+)"/g)].map(
      (m) => ({ winner: !!m[1], label: m[2].trim(), votes: m[3], percent: m[4], bar: Number(m[5]) }),
    );
    expect(rows).toEqual([
      { winner: true, label: 'Midi', votes: '2,110', percent: '44%', bar: expect.closeTo(43.77, 2) as number },
      { winner: false, label: 'Wrap', votes: '1,402', percent: '29%', bar: expect.closeTo(29.08, 2) as number },
      { winner: false, label: 'Slip', votes: '806', percent: '17%', bar: expect.closeTo(16.72, 2) as number },
      { winner: false, label: 'Shirt', votes: '503', percent: '10%', bar: expect.closeTo(10.43, 2) as number },
    ]);
    expect(html).toContain('<strong class="badge">Winner</strong>');
    expect(html).toContain('<caption>4,821 votes in total</caption>');
    // Bars are decoration; the table carries the numbers for screen readers.
    expect(html).toMatch(/<svg class="bar"[^>]*aria-hidden="true"/);
  });

  it('shows 0% and "no votes yet" for a poll nobody voted in', () => {
    const html = renderSharePage({ ...PAGE, poll: { totalVotes: 0, options: [{ label: 'A', votes: 0 }, { label: 'B', votes: 0 }] } });
    expect(html.match(/<td class="num">0%<\/td>/g)).toHaveLength(2);
    expect(html).toContain('<caption>No votes yet</caption>');
    expect(html).not.toContain('NaN');
  });

  it('speaks Chinese on a Chinese page', () => {
    const html = renderSharePage({ ...PAGE, language: 'zh-CN', poll: POLL });
    expect(html).toContain('<h2 id="poll-heading">投票结果</h2>');
    expect(html).toContain('<caption>共 4,821 票</caption>');
    expect(html).toContain('<strong class="badge">胜出</strong>');
  });
});

describe('share page timeline', () => {
  it('lists the stages in order, each with its state, the current one marked for assistive technology', () => {
    const html = renderSharePage({ ...PAGE, timeline: [...PAGE.timeline.slice(0, 3), { label: 'Launch', state: 'cancelled' }] });
    const steps = [...html.matchAll(/<li class="step (\w+)"( aria-current="step")?><span class="label">([^<]*)<\/span> <span class="state">([^<]*)<\/span>/g)].map((m) => [
      m[3],
      m[1],
      m[4],
      !!m[2],
    ]);
    expect(steps).toEqual([
      ['Poll', 'done', 'Done', false],
      ['Design', 'current', 'In progress', true],
      ['Sampling', 'upcoming', 'Upcoming', false],
      ['Launch', 'cancelled', 'Cancelled', false],
    ]);
    expect(html).toMatch(/<ol>\n<li class="step done">/);
    expect(html).toContain('<time datetime="2025-11-20T10:00:00.000Z">November 20, 2025</time>');
  });

  it('names the states in Chinese on a Chinese page', () => {
    const html = renderSharePage({ ...PAGE, language: 'zh-CN' });
    expect([...html.matchAll(/<span class="state">([^<]*)<\/span>/g)].map((m) => m[1])).toEqual(['已完成', '进行中', '未开始', '未开始']);
    expect(html).toContain('2025年11月20日');
  });
});
