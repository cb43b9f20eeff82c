// The share card of a social update: a 1200×630 image (the Open Graph size) with the title, product,
// stage, handle and, for polls, the results as bars — drawn as SVG and rendered to PNG with resvg.

import { renderAsync, Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Language } from './text';

export interface ShareCardInput {
  productName: string;
  keyword: string;
  /** Human label of the update, e.g. "Poll result" / "投票结果" */
  eventLabel: string;
  /** Human label of the product's stage, e.g. "Design" */
  stageLabel: string;
  /** Without the '@'. */
  influencerHandle: string;
  title: string;
  language: Language;
  /** For poll updates: results drawn as horizontal bars, winner highlighted */
  poll?: { options: { label: string; votes: number; winner?: boolean }[]; totalVotes: number };
}

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
const FONT_FAMILY = 'Noto Sans SC';
const MAX_POLL_BARS = 6;

export interface PollRow {
  label: string;
  votes: number;
  /** 0–1 of all votes cast (options not shown still count). */
  share: number;
  /** Rounded for display. */
  percent: number;
  winner: boolean;
}

function count(n: unknown): number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

/** Shares of the vote per option; a total smaller than the options' sum (stale tally) yields to the sum. */
export function pollRows(poll: NonNullable<ShareCardInput['poll']>): { rows: PollRow[]; total: number } {
  const options = Array.isArray(poll.options) ? poll.options : [];
  const sum = options.reduce((s, o) => s + count(o?.votes), 0);
  const total = Math.max(count(poll.totalVotes), sum);
  const rows = options.map((o) => {
    const votes = count(o?.votes);
    const share = total > 0 ? votes / total : 0;
    return { label: String(o?.label ?? ''), votes, share, percent: Math.round(share * 100), winner: o?.winner === true };
  });
  return { rows, total };
}

// --- Fonts: only the file paths are kept; resvg reads the files itself (fontBuffers is far slower). ---

let fontFiles: string[] | undefined;
function fonts(): string[] {
  if (!fontFiles) {
    const dir = path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
    fontFiles = [path.join(dir, '400Regular/NotoSansSC_400Regular.ttf'), path.join(dir, '700Bold/NotoSansSC_700Bold.ttf')];
  }
  return fontFiles;
}

// Characters the font lacks render as tofu boxes (there is no fallback font), so the card drops them.
// The coverage is the font's cmap (format 12 groups), read once from the file's tables, not the whole file.
let coverage: Uint32Array | null | undefined;
function readCoverage(file: string): Uint32Array | null {
  const fd = fs.openSync(file, 'r');
  try {
    const read = (offset: number, length: number) => {
      const buf = Buffer.alloc(length);
      fs.readSync(fd, buf, 0, length, offset);
      return buf;
    };
    const head = read(0, 12);
    const tables = read(12, head.readUInt16BE(4) * 16);
    for (let i = 0; i < tables.length; i += 16) {
      if (tables.toString('latin1', i, i + 4) !== 'cmap') continue;
      const cmap = read(tables.readUInt32BE(i + 8), tables.readUInt32BE(i + 12));
      for (let s = 0; s < cmap.readUInt16BE(2); s++) {
        const sub = cmap.readUInt32BE(4 + s * 8 + 4);
        if (cmap.readUInt16BE(sub) !== 12) continue;
        const groups = cmap.readUInt32BE(sub + 12);
        const ranges = new Uint32Array(groups * 2);
        for (let g = 0; g < groups; g++) {
          ranges[g * 2] = cmap.readUInt32BE(sub + 16 + g * 12);
          ranges[g * 2 + 1] = cmap.readUInt32BE(sub + 20 + g * 12);
        }
        return ranges;
      }
    }
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

function inFont(cp: number): boolean {
  if (coverage === undefined) {
    try {
      coverage = readCoverage(fonts()[0]);
    } catch {
      coverage = null; // unreadable cmap: keep every character rather than fail the card
    }
  }
  if (!coverage) return true;
  let lo = 0;
  let hi = coverage.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < coverage[mid * 2]) hi = mid - 1;
    else if (cp > coverage[mid * 2 + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u{20000}-\u{3FFFF}]/u;

/** One line of card text: no characters invalid in XML, none the font cannot draw, whitespace collapsed. */
function clean(text: unknown): string {
  const s = String(text ?? '')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|\p{Cs}/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  return Array.from(s)
    .filter((c) => c === ' ' || inFont(c.codePointAt(0) ?? 0))
    .join('')
    .replace(/ {2,}/g, ' ')
    .replace(/[‘’“”]/g, straightQuote)
    .trim();
}

// This font's curly quotes are full-width (Chinese style): "you’re" would read "you ’ re". Beside
// Chinese they stay curly; in Latin text they become straight quotes.
function straightQuote(q: string, at: number, s: string): string {
  return CJK.test(s.charAt(at - 1)) || CJK.test(s.charAt(at + 1)) ? q : q === '‘' || q === '’' ? "'" : '"';
}

function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

// --- Width estimates in em (no text measurement in SVG): advances measured from Noto Sans SC, rounded up. ---

const NARROW = new Set("ijlftrI.,:;!|'\"`()[]{}-");
const WIDE = new Set('mwMW@%');

function charEm(c: string): number {
  const cp = c.codePointAt(0) ?? 0;
  if (c === ' ') return 0.23;
  if (cp >= 0x2000) return 1; // CJK, fullwidth forms and this font's general punctuation (…, “, —) are 1 em
  if (NARROW.has(c)) return 0.34;
  if (WIDE.has(c)) return 0.9;
  if (c >= 'A' && c <= 'Z') return 0.7;
  if (cp < 0x80) return 0.57;
  return 0.72; // accented Latin, Greek, Cyrillic
}

function widthEm(text: string, bold = false): number {
  let em = 0;
  for (const c of text) {
    const w = charEm(c);
    // Bold widens proportional glyphs by about 7%; full-width ones stay 1 em.
    em += bold && w < 1 ? w * 1.07 : w;
  }
  return em;
}

const BREAK_BEFORE_FORBIDDEN = /^[，。、；：！？）》」』】〕,.;:!?)\]}…%]$/u;

/** Breakable units: Latin words, spaces, and single CJK characters (closing punctuation stays with its character). */
function segments(text: string): string[] {
  const units: string[] = [];
  let word = '';
  for (const c of text) {
    if (c === ' ' || CJK.test(c)) {
      if (word) units.push(word);
      word = '';
      if (c !== ' ' && BREAK_BEFORE_FORBIDDEN.test(c) && units.length && units[units.length - 1] !== ' ') units[units.length - 1] += c;
      else units.push(c);
    } else {
      word += c;
    }
  }
  if (word) units.push(word);
  return units;
}

function withEllipsis(line: string, maxEm: number, bold: boolean): string {
  const chars = Array.from(line);
  while (chars.length && widthEm(chars.join('') + '…', bold) > maxEm) chars.pop();
  let cut = chars.join('');
  // Back to the last word boundary when that keeps most of the line, so a Latin word is not chopped.
  const space = cut.lastIndexOf(' ');
  if (space > cut.length * 0.6) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,.;:，。；：、·-]+$/u, '')}…`;
}

/** Greedy wrap into at most `maxLines` lines of `maxEm`; overflow ends the last line with an ellipsis. */
export function wrapText(text: string, maxEm: number, maxLines: number, bold = false): { lines: string[]; truncated: boolean } {
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line.trim()) lines.push(line.trim());
    line = '';
  };
  for (const unit of segments(text)) {
    if (unit === ' ') {
      if (line) line += ' ';
      continue;
    }
    if (widthEm(line + unit, bold) <= maxEm) {
      line += unit;
      continue;
    }
    push();
    if (widthEm(unit, bold) <= maxEm) {
      line = unit;
      continue;
    }
    for (const c of unit) {
      if (line && widthEm(line + c, bold) > maxEm) push();
      line += c;
    }
  }
  push();
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, Math.max(1, maxLines));
  kept[kept.length - 1] = withEllipsis(kept[kept.length - 1], maxEm, bold);
  return { lines: kept, truncated: true };
}

function fit(text: string, maxPx: number, size: number, bold = false): string {
  return wrapText(text, maxPx / size, 1, bold).lines[0] ?? '';
}

// --- Drawing ---

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

export function cardSvg(input: ShareCardInput): string {
  const language: Language = input.language === 'zh-CN' ? 'zh-CN' : 'en';
  const title = clean(input.title);
  const withPoll = !!input.poll && Array.isArray(input.poll.options) && input.poll.options.length > 0;
  const body = withPoll
    ? heading(clean(input.productName), title, 500, [
        { size: 54, lines: 3 },
        { size: 44, lines: 4 },
        { size: 38, lines: 5 },
      ]) + pollBars(input.poll!, language, 632, RIGHT - 632)
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

function renderOptions(): ResvgRenderOptions {
  return { fitTo: { mode: 'original' }, font: { fontFiles: fonts(), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY } };
}

/** Blocks the calling thread for about 100 ms; servers should prefer renderCardPngAsync. */
export function renderCardPng(input: ShareCardInput): Buffer {
  return new Resvg(cardSvg(input), renderOptions()).render().asPng();
}

/** The same PNG, rendered on libuv's thread pool so the event loop keeps serving meanwhile. */
export async function renderCardPngAsync(input: ShareCardInput): Promise<Buffer> {
  return (await renderAsync(cardSvg(input), renderOptions())).asPng();
}
