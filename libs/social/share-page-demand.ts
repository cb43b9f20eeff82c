// The share page's live demand section while a product takes reservations: units reserved toward the goal,
// the share of it, the time left, and the units per variant. Static HTML: the bar is an SVG, like the poll's.
import { esc, oneLine } from './html';
import type { Language } from './text';

export interface DemandProgress {
  /** Units needed for the product to be made. */
  goal: number;
  reservedUnits: number;
  reservations: number;
  /** ISO: when reservations close. */
  closesAt: string;
  /** ISO: when the page was rendered (time left is counted from it). */
  now: string;
  variants: { label: string; units: number }[];
}

const WORDS: Record<Language, { heading: string; summary: (units: string, goal: string, percent: string) => string; reservations: (n: string) => string; left: (t: string) => string; closed: string; variant: string; units: string; share: string; locale: string; time: (n: number, unit: 'day' | 'hour' | 'minute') => string }> = {
  en: {
    heading: 'Reservations',
    summary: (u, g, p) => `${u} of ${g} units reserved (${p}%)`,
    reservations: (n) => `${n} reservations`,
    left: (t) => `${t} left to reserve`,
    closed: 'Reservations are closed',
    variant: 'Variant',
    units: 'Units',
    share: 'Share',
    locale: 'en-US',
    time: (n, unit) => `${n} ${unit}${n === 1 ? '' : 's'}`,
  },
  'zh-CN': {
    heading: '预订进度',
    summary: (u, g, p) => `已预订 ${u} / ${g} 件（${p}%）`,
    reservations: (n) => `共 ${n} 份预订`,
    left: (t) => `距离预订截止还有${t}`,
    closed: '预订已截止',
    variant: '款式',
    units: '件数',
    share: '占比',
    locale: 'zh-CN',
    time: (n, unit) => `${n}${{ day: '天', hour: '小时', minute: '分钟' }[unit]}`,
  },
};

const whole = (n: unknown) => (Number.isFinite(Number(n)) && Number(n) > 0 ? Math.floor(Number(n)) : 0);

/** Time left in its largest whole unit ("3 days", "5 hours", "12 minutes"); null once closed. */
export function timeLeft(closesAt: string, now: string, language: Language): string | null {
  const ms = Date.parse(closesAt) - Date.parse(now);
  if (!(ms > 0)) return null;
  const w = WORDS[language];
  if (ms >= 86_400_000) return w.time(Math.floor(ms / 86_400_000), 'day');
  if (ms >= 3_600_000) return w.time(Math.floor(ms / 3_600_000), 'hour');
  return w.time(Math.max(1, Math.ceil(ms / 60_000)), 'minute');
}

function bar(share: number): string {
  const width = (Math.min(1, Math.max(0, share)) * 100).toFixed(2);
  return `<svg class="progress" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="track" width="100" height="10"/><rect class="fill" width="${width}" height="10"/></svg>`;
}

export function demandSection(demand: DemandProgress, language: Language): string {
  const w = WORDS[language];
  const numbers = new Intl.NumberFormat(w.locale);
  const goal = whole(demand.goal);
  const reserved = whole(demand.reservedUnits);
  const share = goal > 0 ? reserved / goal : 0;
  const left = timeLeft(demand.closesAt, demand.now, language);
  const variants = (Array.isArray(demand.variants) ? demand.variants : []).map((v) => ({ label: oneLine(v?.label), units: whole(v?.units) }));
  const rows = variants
    .map((v) => {
      const percent = reserved > 0 ? Math.round((v.units / reserved) * 1000) / 10 : 0;
      return `<tr><th scope="row">${esc(v.label)}</th><td class="num">${esc(numbers.format(v.units))}</td><td class="num">${percent}%</td></tr>`;
    })
    .join('\n');
  return `<section class="demand" aria-labelledby="demand-heading">
<h2 id="demand-heading">${esc(w.heading)}</h2>
<p class="summary">${esc(w.summary(numbers.format(reserved), numbers.format(goal), String(Math.round(share * 100))))}</p>
${bar(share)}
<p class="left">${esc(left ? w.left(left) : w.closed)} · ${esc(w.reservations(numbers.format(whole(demand.reservations))))}</p>
${
  rows
    ? `<table>
<thead><tr><th scope="col">${esc(w.variant)}</th><th scope="col" class="num">${esc(w.units)}</th><th scope="col" class="num">${esc(w.share)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
    : ''
}
</section>`;
}
