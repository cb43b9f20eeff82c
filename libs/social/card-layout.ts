// The share card's layout without drawing: its size and input, poll shares, and text made safe for the
// card and fitted to a width (estimated, since SVG cannot measure text) with wrapping and ellipses.
import { inFont } from './card-fonts';
import { asText, type Language } from './text';

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
  /**
   * The approved design's picture, drawn at the right of cards without a poll: a `data:image/jpeg` or
   * `data:image/png` base64 URI of PICTURE_BOX's size. Never a URL: the card is drawn from what it is given,
   * with nothing fetched. Anything else is ignored.
   */
  picture?: string;
}

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** Where the picture goes: right-aligned between the top row and the footer. */
export const PICTURE_BOX = { x: 748, y: 136, width: 380, height: 368 } as const;

const PICTURE_URI = /^data:image\/(jpeg|png);base64,[A-Za-z0-9+/]+={0,2}$/;

/** Whether `value` is a picture the card draws (a base64 JPEG or PNG data URI). */
export function isCardPicture(value: unknown): value is string {
  return typeof value === 'string' && PICTURE_URI.test(value);
}

/** What a stored update keeps for its card and share page: the card's input but the title (the update has it), and the stage. */
export type StoredShareCard = Omit<ShareCardInput, 'title'> & { stage: string };

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

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u{20000}-\u{3FFFF}]/u;

/** One line of card text: no characters invalid in XML, none the font cannot draw, whitespace collapsed. */
export function clean(text: unknown): string {
  const s = asText(text)
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

export function widthEm(text: string, bold = false): number {
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

export function fit(text: string, maxPx: number, size: number, bold = false): string {
  return wrapText(text, maxPx / size, 1, bold).lines[0] ?? '';
}
