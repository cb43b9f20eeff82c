import { Resvg } from '@resvg/resvg-js';
import { CLOSED_POLL } from './product.fixture';
import { eventLabel, stageLabel } from './labels';
import { widthEm } from './card-layout';
import { CARD_HEIGHT, CARD_WIDTH, cardRenderOptions, cardSvg, PICTURE_BOX, pollRows, renderCardPngAsync, wrapText, type ShareCardInput } from './card';

const BASE: ShareCardInput = {
  productName: 'Summer Linen Midi',
  keyword: 'linen dress',
  eventLabel: 'Design approved',
  stageLabel: 'Sampling',
  influencerHandle: 'mia.style',
  title: 'linen dress: the design is final',
  language: 'en',
};
const POLL: ShareCardInput = {
  ...BASE,
  eventLabel: 'Poll result',
  stageLabel: 'Design',
  title: 'linen dress: you chose the midi',
  poll: CLOSED_POLL,
};

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The text content of every <text> element, unescaped, in document order. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1].replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? ''),
  );
}

describe('share card PNG', () => {
  it('is a 1200×630 PNG', async () => {
    const png = await renderCardPngAsync(BASE);
    expect(pngSize(png)).toEqual({ width: CARD_WIDTH, height: CARD_HEIGHT });
    expect({ width: CARD_WIDTH, height: CARD_HEIGHT }).toEqual({ width: 1200, height: 630 });
  });

  it('renders the same PNG off the event loop', async () => {
    const png = await renderCardPngAsync(POLL);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(png.equals(new Resvg(cardSvg(POLL), cardRenderOptions()).render().asPng())).toBe(true);
  });

  it('draws poll results: the poll card differs from the same card without a poll', async () => {
    const withPoll = await renderCardPngAsync(POLL);
    const without = await renderCardPngAsync({ ...POLL, poll: undefined });
    expect(pngSize(withPoll)).toEqual({ width: 1200, height: 630 });
    expect(withPoll.equals(without)).toBe(false);
  });

  it('draws Chinese with real glyphs, not identical tofu boxes', async () => {
    // Missing glyphs all render as the same box, so two different titles of equal length would match.
    const a = await renderCardPngAsync({ ...BASE, language: 'zh-CN', title: '亚麻连衣裙设计定稿啦' });
    const b = await renderCardPngAsync({ ...BASE, language: 'zh-CN', title: '夏日中长裙感谢投票了' });
    expect(pngSize(a)).toEqual({ width: 1200, height: 630 });
    expect(a.equals(b)).toBe(false);
  });

  it('renders hostile text (markup, ampersands, quotes, emoji, control characters) without throwing', async () => {
    const hostile: ShareCardInput = {
      productName: 'Tom & Jerry "quoted" \'single\'',
      keyword: '<b>bold</b>',
      eventLabel: ']]><!-- &amp;',
      stageLabel: '\u0000\u0007\uFFFF',
      influencerHandle: '@@"><script>x</script>',
      title: '</text><script>alert(1)</script> 😀🎉 &nbsp; \ud800',
      language: 'en',
      poll: { totalVotes: 3, options: [{ label: '<script>alert(2)</script>', votes: 3, winner: true }] },
    };
    expect(pngSize(await renderCardPngAsync(hostile))).toEqual({ width: 1200, height: 630 });
  });
});

describe('share card picture', () => {
  /** A PNG of one flat colour, the box's size, as a data URI. */
  const flat = (fill: string) =>
    `data:image/png;base64,${new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="${PICTURE_BOX.width}" height="${PICTURE_BOX.height}"><rect width="100%" height="100%" fill="${fill}"/></svg>`).render().asPng().toString('base64')}`;
  /** The RGB of the rendered card at (x, y). */
  const pixel = (input: ShareCardInput, x: number, y: number) => {
    const image = new Resvg(cardSvg(input), cardRenderOptions()).render();
    const at = (y * image.width + x) * 4;
    return Array.from(image.pixels.subarray(at, at + 3));
  };
  const centre = [PICTURE_BOX.x + PICTURE_BOX.width / 2, PICTURE_BOX.y + PICTURE_BOX.height / 2] as const;

  it('draws the picture at the right, over the background', () => {
    expect(pixel({ ...BASE, picture: flat('#00ff00') }, ...centre)).toEqual([0, 255, 0]);
    const background = pixel(BASE, ...centre);
    expect(background[1]).toBeLessThan(100);
  });

  it('ignores anything but a JPEG or PNG data URI (a URL is never fetched), and pictures on poll cards', () => {
    const plain = cardSvg(BASE);
    for (const picture of ['https://cdn.example.com/a.png', 'file:///etc/passwd', 'data:image/svg+xml;base64,PHN2Zy8+', 'data:image/png;base64,"/><script>x</script>']) {
      expect({ picture, svg: cardSvg({ ...BASE, picture }) }).toEqual({ picture, svg: plain });
    }
    expect(cardSvg({ ...POLL, picture: flat('#00ff00') })).toBe(cardSvg(POLL));
  });

  it('keeps the title clear of the picture', () => {
    const svg = cardSvg({ ...BASE, title: 'linen dress '.repeat(12), picture: flat('#00ff00') });
    const lines = [...svg.matchAll(/<text x="72" y="\d+" font-size="(\d+)"[^>]*font-weight="700"[^>]*>([^<]*)<\/text>/g)];
    expect(lines.length).toBeGreaterThan(1);
    const widest = Math.max(...lines.map((m) => Number(m[1]) * widthEm(m[2], true)));
    expect(widest).toBeGreaterThan(400);
    expect(widest).toBeLessThanOrEqual(PICTURE_BOX.x - 40 - 72);
  });
});

describe('share card SVG', () => {
  it('escapes every text so markup in the input stays text', () => {
    const svg = cardSvg({ ...POLL, title: '</text><script>alert(1)</script>', productName: 'Tom & Jerry "x" \'y\'', poll: { totalVotes: 1, options: [{ label: '<script>', votes: 1 }] } });
    expect(svg).not.toMatch(/<script/i);
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;');
    expect(svg).toContain('Tom &amp; Jerry &quot;x&quot; &apos;y&apos;');
    expect(texts(svg)).toContain('<script>');
    // Well-formed: resvg refuses malformed XML (e.g. a bare '&') with an error.
    expect(() => new Resvg(svg)).not.toThrow();
    expect(() => new Resvg('<svg xmlns="http://www.w3.org/2000/svg"><text>&</text></svg>')).toThrow();
  });

  it('drops characters the font cannot draw, such as emoji, instead of drawing tofu', () => {
    const svg = cardSvg({ ...BASE, title: 'Launch day 🎉 is here', productName: 'Midi 👗' });
    expect(texts(svg)).toEqual(expect.arrayContaining(['Launch day is here', 'Midi']));
    expect(svg).not.toMatch(/[\u{1F300}-\u{1FAFF}]/u);
  });

  it('straightens curly quotes in Latin text (the font draws them full-width) but keeps them around Chinese', () => {
    expect(texts(cardSvg({ ...BASE, title: 'you’re “in”' }))).toContain(`you're "in"`);
    expect(texts(cardSvg({ ...BASE, title: '“亚麻”连衣裙' }))).toContain('“亚麻”连衣裙');
  });

  it('labels the demand and sales updates with their event and stage, in both languages', () => {
    const cases = [
      ['DEMAND_OPENED', 'DEMAND', 'Reservations open', 'Reservations', '开放预订', '预订'],
      ['SOLD_OUT', 'ON_SALE', 'Sold out', 'On sale', '售罄', '在售'],
      ['BACK_IN_STOCK', 'ON_SALE', 'Back in stock', 'On sale', '补货到货', '在售'],
      ['SALES_ENDED', 'ENDED', 'Sales ended', 'Sales ended', '已停售', '已停售'],
    ] as const;
    for (const [event, stage, en, enStage, zh, zhStage] of cases) {
      expect(texts(cardSvg({ ...BASE, eventLabel: eventLabel(event, 'en'), stageLabel: stageLabel(stage, 'en') }))).toEqual(expect.arrayContaining([en, enStage]));
      expect(texts(cardSvg({ ...BASE, language: 'zh-CN', eventLabel: eventLabel(event, 'zh-CN'), stageLabel: stageLabel(stage, 'zh-CN') }))).toEqual(expect.arrayContaining([zh, zhStage]));
    }
  });

  it('shows the product, stage, event, @handle and keyword', () => {
    expect(texts(cardSvg(BASE))).toEqual(expect.arrayContaining(['Summer Linen Midi', 'Sampling', 'Design approved', '@mia.style', 'linen dress']));
    expect(texts(cardSvg({ ...BASE, influencerHandle: '@mia.style' }))).toContain('@mia.style');
  });

  it('wraps a 500-character title into at most three lines ending with an ellipsis', () => {
    const title = 'linen '.repeat(84).trim();
    const lines = texts(cardSvg({ ...BASE, title })).filter((t) => t.startsWith('linen linen'));
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines[lines.length - 1]).toMatch(/…$/);
    expect(lines.join(' ').length).toBeLessThan(title.length);
  });

  it('keeps a short title whole, on one or two lines', () => {
    const lines = texts(cardSvg(BASE)).filter((t) => /linen dress|design|final/.test(t) && t !== 'linen dress');
    expect(lines.join(' ')).toBe('linen dress: the design is final');
  });

  it('shows each poll option with its votes and percentage, the winner in the accent colour', () => {
    const svg = cardSvg(POLL);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Midi', 'Wrap', '44%', '29%', '17%', '10%', '2,110 votes', '4,821 votes in total']));
    const winnerBar = svg.match(/<rect x="632" y="\d+" width="(\d+)" height="14" rx="7" fill="(#[0-9a-f]+)"\/>/g) ?? [];
    expect(winnerBar).toHaveLength(4);
    const fills = winnerBar.map((r) => r.match(/fill="(#[0-9a-f]+)"/)![1]);
    expect(new Set(fills.slice(1)).size).toBe(1);
    expect(fills[0]).not.toBe(fills[1]);
  });

  it('handles a poll with no votes: 0% everywhere, no bars, a "no votes yet" note', () => {
    const svg = cardSvg({ ...POLL, poll: { totalVotes: 0, options: [{ label: 'A', votes: 0 }, { label: 'B', votes: 0 }] } });
    expect(texts(svg)).toEqual(expect.arrayContaining(['A', 'B', '0%', 'No votes yet']));
    expect(texts(svg)).not.toContain('NaN%');
    expect(svg).not.toMatch(/height="14" rx="7" fill="#[0-9a-f]+"\/>/);
  });

  it('draws at most six bars, keeping the winner and the most voted', () => {
    const options = Array.from({ length: 9 }, (_, i) => ({ label: `Option ${i + 1}`, votes: i === 8 ? 1 : 10 + i, winner: i === 8 }));
    const shown = texts(cardSvg({ ...POLL, poll: { totalVotes: 200, options } })).filter((t) => t.startsWith('Option'));
    expect(shown).toEqual(['Option 4', 'Option 5', 'Option 6', 'Option 7', 'Option 8', 'Option 9']);
  });

  it('labels a Chinese poll in Chinese', () => {
    const svg = cardSvg({ ...POLL, language: 'zh-CN' });
    expect(texts(svg)).toEqual(expect.arrayContaining(['2,110 票', '共 4,821 票']));
  });
});

describe('poll shares', () => {
  it('rounds percentages of the total and treats a stale total smaller than the sum as the sum', () => {
    expect(pollRows({ totalVotes: 3, options: [{ label: 'a', votes: 2 }, { label: 'b', votes: 1 }] }).rows.map((r) => r.percent)).toEqual([67, 33]);
    const stale = pollRows({ totalVotes: 1, options: [{ label: 'a', votes: 3 }, { label: 'b', votes: 1 }] });
    expect(stale.total).toBe(4);
    expect(stale.rows.map((r) => r.percent)).toEqual([75, 25]);
  });

  it('counts negative or non-numeric votes as zero', () => {
    const { rows, total } = pollRows({ totalVotes: NaN, options: [{ label: 'a', votes: -5 }, { label: 'b', votes: Infinity }] });
    expect(total).toBe(0);
    expect(rows.map((r) => r.percent)).toEqual([0, 0]);
  });
});

describe('title wrapping', () => {
  it('counts a CJK character as one em and breaks Chinese between any two characters', () => {
    const { lines, truncated } = wrapText('一二三四五六七八九十', 4, 3);
    expect(lines).toEqual(['一二三四', '五六七八', '九十']);
    expect(truncated).toBe(false);
  });

  it('breaks Latin text between words and keeps closing Chinese punctuation off the start of a line', () => {
    expect(wrapText('you chose the midi', 6, 3).lines).toEqual(['you chose', 'the midi']);
    expect(wrapText('一二三四，五六', 4, 3).lines[1]).not.toMatch(/^，/);
  });

  it('ends the last kept line with an ellipsis when the text does not fit', () => {
    const { lines, truncated } = wrapText('一二三四五六七八九十', 4, 2);
    expect(truncated).toBe(true);
    expect(lines).toEqual(['一二三四', '五六七…']);
  });

  it('never throws or loops on empty text or a zero width', () => {
    expect(wrapText('', 10, 2)).toEqual({ lines: [], truncated: false });
    expect(wrapText('abc', 0, 1).lines).toHaveLength(1);
  });
});
