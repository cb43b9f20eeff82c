// The share card drawn as SVG: the event and stage along the top, the product and title, the poll results
// as bars when there are any, and the influencer and keyword along the bottom.
import { FONT_FAMILY } from './card-fonts';
import { CARD_HEIGHT, CARD_WIDTH, clean, fit, isCardPicture, PICTURE_BOX, pollRows, widthEm, wrapText, type ShareCardInput } from './card-layout';
import type { Language } from './text';

const MAX_POLL_BARS = 6;

function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

const C = {
  bgFrom: '#17132a',
  bgTo: '#2a1f3d',
  accent: '#ff7a59',
  onAccent: '#1b1324',
  text: '#ffffff',
  muted: '#bdb5d6',
  neutral: '#6d6590',
  track: '#ffffff',
  rule: '#ffffff',
};

const LABELS: Record<Language, { votes: (n: string) => string; total: (n: string) => string; noVotes: string }> = {
  en: { votes: (n) => `${n} votes`, total: (n) => `${n} votes in total`, noVotes: 'No votes yet' },
  'zh-CN': { votes: (n) => `${n} 票`, total: (n) => `共 ${n} 票`, noVotes: '暂无投票' },
};

interface TextOpts {
  size: number;
  fill: string;
  bold?: boolean;
  anchor?: 'start' | 'middle' | 'end';
}

function text(x: number, y: number, content: string, o: TextOpts): string {
  if (!content) return '';
  const anchor = o.anchor && o.anchor !== 'start' ? ` text-anchor="${o.anchor}"` : '';
  return `<text x="${x}" y="${y}" font-size="${o.size}" fill="${o.fill}"${o.bold ? ' font-weight="700"' : ''}${anchor}>${xml(content)}</text>`;
}

const PAD = 72;
const RIGHT = CARD_WIDTH - PAD;

/** The event pill (left) and the stage badge (right) along the top. */
function topRow(event: string, stage: string): string {
  const parts: string[] = [];
  const size = 22;
  const label = fit(event, 560, size, true);
  if (label) {
    const w = Math.round(widthEm(label, true) * size) + 44;
    parts.push(`<rect x="${PAD}" y="60" width="${w}" height="44" rx="22" fill="${C.accent}"/>`, text(PAD + 22, 90, label, { size, fill: C.onAccent, bold: true }));
  }
  const stageText = fit(stage, 380, size);
  if (stageText) {
    const w = Math.round(widthEm(stageText) * size) + 64;
    const x = RIGHT - w;
    parts.push(
      `<rect x="${x}" y="60" width="${w}" height="44" rx="22" fill="none" stroke="${C.muted}" stroke-opacity="0.5" stroke-width="2"/>`,
      `<circle cx="${x + 26}" cy="82" r="6" fill="${C.accent}"/>`,
      text(x + 42, 90, stageText, { size, fill: C.text }),
    );
  }
  return parts.join('');
}

/** Product name above the title, then the title at the largest size that fits without truncation. */
function heading(product: string, title: string, width: number, sizes: { size: number; lines: number }[]): string {
  const parts = [text(PAD, 172, fit(product, width, 28), { size: 28, fill: C.muted })];
  let chosen = sizes[sizes.length - 1];
  let lines = wrapText(title, width / chosen.size, chosen.lines, true).lines;
  for (const s of sizes) {
    const wrapped = wrapText(title, width / s.size, s.lines, true);
    if (!wrapped.truncated) {
      chosen = s;
      lines = wrapped.lines;
      break;
    }
  }
  const lineHeight = Math.round(chosen.size * 1.2);
  lines.forEach((l, i) => parts.push(text(PAD, 200 + chosen.size + i * lineHeight, l, { size: chosen.size, fill: C.text, bold: true })));
  return parts.join('');
}

function pollBars(poll: NonNullable<ShareCardInput['poll']>, language: Language, x: number, width: number): string {
  const { rows, total } = pollRows(poll);
  // More options than fit: the most voted (winners first), shown in their original order.
  const shown = rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => Number(b.r.winner) - Number(a.r.winner) || b.r.votes - a.r.votes || a.i - b.i)
    .slice(0, MAX_POLL_BARS)
    .sort((a, b) => a.i - b.i)
    .map((e) => e.r);
  const labels = LABELS[language] ?? LABELS.en;
  const numbers = new Intl.NumberFormat(language === 'zh-CN' ? 'zh-CN' : 'en-US');
  const rowH = Math.min(84, 330 / shown.length);
  const top = 140 + (330 - shown.length * rowH) / 2;
  const parts: string[] = [];
  shown.forEach((r, i) => {
    const y = Math.round(top + i * rowH);
    const colour = r.winner ? C.accent : C.neutral;
    const pct = `${r.percent}%`;
    const votes = labels.votes(numbers.format(r.votes));
    const pctW = widthEm(pct, true) * 24;
    const votesW = widthEm(votes) * 20;
    const label = fit(clean(r.label), width - pctW - votesW - 36, 24, r.winner);
    parts.push(
      text(x, y + 26, label, { size: 24, fill: C.text, bold: r.winner }),
      text(RIGHT, y + 26, pct, { size: 24, fill: r.winner ? C.accent : C.text, bold: true, anchor: 'end' }),
      text(Math.round(RIGHT - pctW - 14), y + 26, votes, { size: 20, fill: C.muted, anchor: 'end' }),
      `<rect x="${x}" y="${y + 38}" width="${width}" height="14" rx="7" fill="${C.track}" fill-opacity="0.08"/>`,
    );
    const barW = r.share > 0 ? Math.max(14, Math.round(width * r.share)) : 0;
    if (barW) parts.push(`<rect x="${x}" y="${y + 38}" width="${barW}" height="14" rx="7" fill="${colour}"/>`);
  });
  const summary = total > 0 ? labels.total(numbers.format(total)) : labels.noVotes;
  parts.push(text(RIGHT, Math.round(top + shown.length * rowH + 22), summary, { size: 20, fill: C.muted, anchor: 'end' }));
  return parts.join('');
}

/** The influencer (avatar initial and handle) on the left, the search keyword on the right. */
function footer(handle: string, keyword: string): string {
  const parts = [`<rect x="${PAD}" y="526" width="${RIGHT - PAD}" height="2" fill="${C.rule}" fill-opacity="0.12"/>`];
  const size = 24;
  const kw = fit(keyword, 420, size);
  const kwW = kw ? Math.round(widthEm(kw) * size) + 76 : 0;
  if (kw) {
    const x = RIGHT - kwW;
    parts.push(
      `<rect x="${x}" y="554" width="${kwW}" height="44" rx="22" fill="${C.track}" fill-opacity="0.08"/>`,
      // A magnifier: the keyword is what people search for.
      `<circle cx="${x + 28}" cy="574" r="8" fill="none" stroke="${C.accent}" stroke-width="3"/>`,
      `<path d="M${x + 34} ${580}l7 7" stroke="${C.accent}" stroke-width="3" stroke-linecap="round"/>`,
      text(x + 52, 584, kw, { size, fill: C.text }),
    );
  }
  const name = fit(handle.replace(/^@+/, ''), RIGHT - PAD - kwW - 110, 30, true);
  if (name) {
    const initial = Array.from(name)[0].toUpperCase();
    parts.push(
      `<circle cx="${PAD + 24}" cy="576" r="24" fill="${C.accent}"/>`,
      text(PAD + 24, 585, initial, { size: 24, fill: C.onAccent, bold: true, anchor: 'middle' }),
      text(PAD + 64, 586, `@${name}`, { size: 30, fill: C.text, bold: true }),
    );
  }
  return parts.join('');
}

/** The picture in a rounded frame (a data URI, checked by the caller), cropped to the box beforehand. */
function picture(href: string): string {
  const { x, y, width, height } = PICTURE_BOX;
  return (
    `<clipPath id="picture"><rect x="${x}" y="${y}" width="${width}" height="${height}" rx="24"/></clipPath>` +
    `<image x="${x}" y="${y}" width="${width}" height="${height}" preserveAspectRatio="xMidYMid slice" clip-path="url(#picture)" href="${xml(href)}"/>` +
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="24" fill="none" stroke="${C.rule}" stroke-opacity="0.18" stroke-width="2"/>`
  );
}

export function cardSvg(input: ShareCardInput): string {
  const language: Language = input.language === 'zh-CN' ? 'zh-CN' : 'en';
  const title = clean(input.title);
  const withPoll = !!input.poll && Array.isArray(input.poll.options) && input.poll.options.length > 0;
  const withPicture = !withPoll && isCardPicture(input.picture);
  const body = withPoll
    ? heading(clean(input.productName), title, 500, [
        { size: 54, lines: 3 },
        { size: 44, lines: 4 },
        { size: 38, lines: 5 },
      ]) + pollBars(input.poll!, language, 632, RIGHT - 632)
    : withPicture
      ? heading(clean(input.productName), title, PICTURE_BOX.x - 40 - PAD, [
          { size: 64, lines: 3 },
          { size: 54, lines: 3 },
          { size: 44, lines: 4 },
        ]) + picture(input.picture!)
      : heading(clean(input.productName), title, RIGHT - PAD, [
          { size: 76, lines: 2 },
          { size: 64, lines: 3 },
          { size: 54, lines: 3 },
        ]);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" font-family="${FONT_FAMILY}" xml:lang="${language}">`,
    `<title>${xml(title)}</title>`,
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${C.bgFrom}"/><stop offset="1" stop-color="${C.bgTo}"/></linearGradient></defs>`,
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="url(#bg)"/>`,
    // Soft shapes for depth, behind everything and away from the text's edges.
    `<circle cx="1130" cy="-40" r="260" fill="${C.accent}" fill-opacity="0.10"/>`,
    `<circle cx="-60" cy="700" r="220" fill="${C.accent}" fill-opacity="0.06"/>`,
    `<rect x="0" y="0" width="${CARD_WIDTH}" height="8" fill="${C.accent}"/>`,
    topRow(clean(input.eventLabel), clean(input.stageLabel)),
    body,
    footer(clean(input.influencerHandle), clean(input.keyword)),
    '</svg>',
  ].join('');
}
