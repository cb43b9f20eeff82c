// The funnel as staff take it away: CSV rows (one per stage and channel, then the totals) and a bar chart
// of the steps views → clicks → votes → reservations → orders as a self-contained SVG. Pure; the API's
// funnel feature serves them.
import { esc } from './html';

export interface FunnelRowCounts {
  views: number;
  clicks: number;
  votes: number;
  reservations: number;
  reservedUnits: number;
  orders: number;
  orderedUnits: number;
  revenue: { currency: string; amountMinor: number }[];
}

export interface FunnelExportRow extends FunnelRowCounts {
  stage: string | null;
  /** The channel's name, `direct` or `unattributed`. */
  channel: string;
  channelId: string | null;
}

const COUNT_COLUMNS = ['views', 'clicks', 'votes', 'reservations', 'reservedUnits', 'orders', 'orderedUnits'] as const;
const HEADERS: Record<(typeof COUNT_COLUMNS)[number], string> = {
  views: 'views',
  clicks: 'clicks',
  votes: 'votes',
  reservations: 'reservations',
  reservedUnits: 'reserved_units',
  orders: 'orders',
  orderedUnits: 'ordered_units',
};

/** One CSV field: quoted when it must be, and a leading = + - @ defused so a spreadsheet never runs it as a formula. */
function field(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Header, a line per row, then `total`; revenue in a column per currency (minor units), in name order. */
export function funnelCsv(rows: FunnelExportRow[], totals: FunnelRowCounts): string {
  const currencies = [...new Set([...rows, totals].flatMap((r) => r.revenue.map((m) => m.currency)))].sort();
  const header = ['stage', 'channel', 'channel_id', ...COUNT_COLUMNS.map((c) => HEADERS[c]), ...currencies.map((c) => `revenue_minor_${c}`)];
  const line = (stage: string | null, channel: string, channelId: string | null, r: FunnelRowCounts) =>
    [stage, channel, channelId, ...COUNT_COLUMNS.map((c) => r[c]), ...currencies.map((c) => r.revenue.find((m) => m.currency === c)?.amountMinor ?? 0)].map(field).join(',');
  return [header.join(','), ...rows.map((r) => line(r.stage, r.channel, r.channelId, r)), line(null, 'total', null, totals)].join('\r\n') + '\r\n';
}

const STEPS = [
  ['views', 'Views'],
  ['clicks', 'Clicks'],
  ['votes', 'Votes'],
  ['reservations', 'Reservations'],
  ['orders', 'Orders'],
] as const;

/** Horizontal bars, one per funnel step, scaled to the largest; every text escaped. */
export function funnelSvg(title: string, totals: FunnelRowCounts): string {
  const width = 720;
  const rowHeight = 48;
  const top = 64;
  const labelWidth = 140;
  const barMax = width - labelWidth - 120;
  const height = top + STEPS.length * rowHeight + 24;
  const max = Math.max(1, ...STEPS.map(([key]) => totals[key]));
  const bars = STEPS.map(([key, label], i) => {
    const y = top + i * rowHeight;
    const value = totals[key];
    const length = Math.round((value / max) * barMax);
    return (
      `<text x="16" y="${y + 22}" class="label">${esc(label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 6}" width="${barMax}" height="24" rx="4" class="track"/>` +
      `<rect x="${labelWidth}" y="${y + 6}" width="${length}" height="24" rx="4" class="bar"/>` +
      `<text x="${labelWidth + barMax + 12}" y="${y + 24}" class="value">${value}</text>`
    );
  }).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="funnel-title">
<title id="funnel-title">${esc(title)}</title>
<style>text{font:15px system-ui,sans-serif;fill:#1b1324}.title{font-size:18px;font-weight:700}.value{font-variant-numeric:tabular-nums}.track{fill:#ece8f3}.bar{fill:#b93d17}</style>
<rect width="100%" height="100%" fill="#faf8fc"/>
<text x="16" y="36" class="title">${esc(title)}</text>
${bars}
</svg>
`;
}
