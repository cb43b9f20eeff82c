// The public page of one social update: a static HTML5 document with Open Graph and Twitter tags so links
// unfurl with the share card, the text, the product's stage timeline and, for polls, the results.
// No scripts and no external resources: the API serves it under a strict Content-Security-Policy.

import { CARD_HEIGHT, CARD_WIDTH, pollRows, type ShareCardInput } from './card';
import { esc, oneLine } from './html';
import { demandSection, type DemandProgress } from './share-page-demand';
import { asText, truncate, type Language } from './text';

export interface TimelineStep {
  label: string;
  state: 'done' | 'current' | 'upcoming' | 'cancelled';
  /** ISO date of the step, when it has one. */
  at?: string;
}

export interface SharePageInput extends ShareCardInput {
  /** Paragraphs separated by blank lines. */
  body: string;
  /** Already with '#'. */
  hashtags: string[];
  /** Absolute URL of this page. */
  shareUrl: string;
  /** Absolute URL of the card PNG. */
  imageUrl: string;
  /** ISO */
  publishedAt: string;
  siteName: string;
  timeline: TimelineStep[];
  /** While the product takes reservations: live progress toward the goal. */
  demand?: DemandProgress;
}

const WORDS: Record<
  Language,
  {
    locale: string;
    ogLocale: string;
    poll: string;
    option: string;
    votes: string;
    share: string;
    winner: string;
    total: (n: string) => string;
    noVotes: string;
    timeline: string;
    published: string;
    states: Record<TimelineStep['state'], string>;
  }
> = {
  en: {
    locale: 'en-US',
    ogLocale: 'en_US',
    poll: 'Poll results',
    option: 'Option',
    votes: 'Votes',
    share: 'Share',
    winner: 'Winner',
    total: (n) => `${n} votes in total`,
    noVotes: 'No votes yet',
    timeline: 'Progress',
    published: 'Published',
    states: { done: 'Done', current: 'In progress', upcoming: 'Upcoming', cancelled: 'Cancelled' },
  },
  'zh-CN': {
    locale: 'zh-CN',
    ogLocale: 'zh_CN',
    poll: '投票结果',
    option: '选项',
    votes: '票数',
    share: '占比',
    winner: '胜出',
    total: (n) => `共 ${n} 票`,
    noVotes: '暂无投票',
    timeline: '进度',
    published: '发布于',
    states: { done: '已完成', current: '进行中', upcoming: '未开始', cancelled: '已取消' },
  },
};

/** Only http(s) URLs reach href/src/content; anything else (javascript:, relative, garbage) is left out. */
function httpUrl(value: unknown): string | undefined {
  try {
    const url = new URL(asText(value));
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function formatDate(iso: string | undefined, locale: string): { datetime?: string; text: string } {
  const raw = oneLine(iso);
  const date = new Date(raw);
  if (!raw || Number.isNaN(date.getTime())) return { text: raw };
  // UTC so the page reads the same wherever it is rendered.
  return { datetime: date.toISOString(), text: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date) };
}

function time(iso: string | undefined, locale: string): string {
  const d = formatDate(iso, locale);
  if (!d.text) return '';
  return d.datetime ? `<time datetime="${esc(d.datetime)}">${esc(d.text)}</time>` : esc(d.text);
}

function paragraphs(body: string): string[] {
  return String(body ?? '')
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function pollSection(poll: NonNullable<ShareCardInput['poll']>, w: (typeof WORDS)[Language]): string {
  const { rows, total } = pollRows(poll);
  const numbers = new Intl.NumberFormat(w.locale);
  const body = rows
    .map((r) => {
      // The bar is an SVG so its length needs no style attribute (the CSP allows no inline styles here).
      const bar =
        `<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">` +
        `<rect class="track" width="100" height="10"/><rect class="fill" width="${(r.share * 100).toFixed(2)}" height="10"/></svg>`;
      const winner = r.winner ? ` <strong class="badge">${esc(w.winner)}</strong>` : '';
      return (
        `<tr${r.winner ? ' class="winner"' : ''}><th scope="row">${esc(oneLine(r.label))}${winner}</th>` +
        `<td class="num">${esc(numbers.format(r.votes))}</td><td class="num">${r.percent}%</td><td class="chart">${bar}</td></tr>`
      );
    })
    .join('\n');
  const summary = total > 0 ? w.total(numbers.format(total)) : w.noVotes;
  return `<section class="poll" aria-labelledby="poll-heading">
<h2 id="poll-heading">${esc(w.poll)}</h2>
<table>
<caption>${esc(summary)}</caption>
<thead><tr><th scope="col">${esc(w.option)}</th><th scope="col" class="num">${esc(w.votes)}</th><th scope="col" class="num">${esc(w.share)}</th><td aria-hidden="true"></td></tr></thead>
<tbody>
${body}
</tbody>
</table>
</section>`;
}

function timelineSection(steps: TimelineStep[], w: (typeof WORDS)[Language]): string {
  if (!Array.isArray(steps) || steps.length === 0) return '';
  const items = steps
    .map((s) => {
      const state = s?.state in w.states ? s.state : 'upcoming';
      const at = time(s?.at, w.locale);
      return (
        `<li class="step ${state}"${state === 'current' ? ' aria-current="step"' : ''}>` +
        `<span class="label">${esc(oneLine(s?.label))}</span> <span class="state">${esc(w.states[state])}</span>` +
        (at ? ` <span class="at">${at}</span>` : '') +
        '</li>'
      );
    })
    .join('\n');
  return `<section class="timeline" aria-labelledby="timeline-heading">
<h2 id="timeline-heading">${esc(w.timeline)}</h2>
<ol>
${items}
</ol>
</section>`;
}

/** Static styles in one element: a light page, dark in dark mode, the card's coral as accent (darker on
 * light, so white text on it stays readable: 5.6:1). */
export const SHARE_PAGE_CSS = `
:root{color-scheme:light dark;--bg:#faf8fc;--fg:#1b1324;--muted:#5f5873;--line:#e6e1ee;--accent:#b93d17;--on-accent:#fff;--neutral:#6d6590;--track:#ece8f3}
@media (prefers-color-scheme:dark){:root{--bg:#17132a;--fg:#f4f2f8;--muted:#bdb5d6;--line:#352d4d;--accent:#ff7a59;--on-accent:#1b1324;--neutral:#6d6590;--track:#2a2340}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:17px/1.6 system-ui,-apple-system,"Segoe UI","PingFang SC","Noto Sans SC","Microsoft YaHei",sans-serif}
main{max-width:760px;margin:0 auto;padding:24px 20px 48px}
.meta{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 12px;font-size:14px}
.event{background:var(--accent);color:var(--on-accent);font-weight:700;border-radius:999px;padding:2px 12px}
.stage{border:1px solid var(--line);border-radius:999px;padding:1px 12px;color:var(--muted)}
h1{font-size:clamp(26px,5vw,38px);line-height:1.2;margin:0 0 8px}
.byline{color:var(--muted);margin:0 0 20px;font-size:15px}
.card{display:block;width:100%;height:auto;border-radius:12px;margin:0 0 24px}
.body p{margin:0 0 1em}
.tags{list-style:none;display:flex;flex-wrap:wrap;gap:8px;padding:0;margin:0 0 32px}
.tags li{color:var(--accent);font-weight:600}
h2{font-size:20px;margin:32px 0 12px}
table{width:100%;border-collapse:collapse}
caption{caption-side:bottom;text-align:right;color:var(--muted);font-size:14px;padding-top:8px}
th,td{padding:8px 6px;border-bottom:1px solid var(--line);text-align:left;vertical-align:middle}
thead th{font-size:13px;color:var(--muted);font-weight:600}
.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.chart{width:40%}
.bar{display:block;width:100%;height:10px;border-radius:999px;overflow:hidden}
.bar .track{fill:var(--track)}
.bar .fill{fill:var(--neutral)}
.winner .bar .fill{fill:var(--accent)}
tbody th{font-weight:400}
.winner th{font-weight:700}
.badge{display:inline-block;margin-left:6px;font-size:12px;color:var(--on-accent);background:var(--accent);border-radius:999px;padding:0 8px}
.timeline ol{list-style:none;margin:0;padding:0;counter-reset:step}
.step{position:relative;padding:0 0 16px 36px;counter-increment:step}
.step::before{content:counter(step);position:absolute;left:0;top:2px;width:24px;height:24px;border-radius:50%;display:grid;place-items:center;font-size:13px;font-weight:700;border:2px solid var(--line);color:var(--muted)}
.step.done::before{background:var(--neutral);border-color:var(--neutral);color:#fff}
.step.current::before{background:var(--accent);border-color:var(--accent);color:var(--on-accent)}
.step.cancelled .label{text-decoration:line-through;color:var(--muted)}
.state{font-size:13px;color:var(--muted);margin-left:6px}
.step.current .state{color:var(--accent);font-weight:700}
.at{font-size:13px;color:var(--muted)}
.demand .progress{display:block;width:100%;height:14px;border-radius:999px;overflow:hidden;margin:8px 0}
.demand .progress .track{fill:var(--track)}
.demand .progress .fill{fill:var(--accent)}
.demand .summary{font-weight:700;margin:0}
.demand .left{color:var(--muted);margin:0 0 12px}
footer{margin-top:40px;color:var(--muted);font-size:14px}
`.trim();

export function renderSharePage(input: SharePageInput): string {
  const language: Language = input.language === 'zh-CN' ? 'zh-CN' : 'en';
  const w = WORDS[language];
  const title = oneLine(input.title);
  const siteName = oneLine(input.siteName);
  const paras = paragraphs(input.body);
  const description = truncate(oneLine(paras.join(' ')) || title, 160);
  const shareUrl = httpUrl(input.shareUrl);
  const imageUrl = httpUrl(input.imageUrl);
  const eventLabel = oneLine(input.eventLabel);
  const imageAlt = [eventLabel, title].filter(Boolean).join(': ');
  const handle = oneLine(input.influencerHandle).replace(/^@+/, '');
  const withPoll = !!input.poll && Array.isArray(input.poll.options) && input.poll.options.length > 0;

  const meta = (attr: 'property' | 'name', key: string, value: string | number | undefined) =>
    value === undefined || value === '' ? '' : `<meta ${attr}="${key}" content="${esc(value)}">`;
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc([title, siteName].filter(Boolean).join(' · '))}</title>`,
    meta('name', 'description', description),
    shareUrl ? `<link rel="canonical" href="${esc(shareUrl)}">` : '',
    // No icon of our own: an empty one keeps browsers from asking the API for /favicon.ico.
    '<link rel="icon" href="data:,">',
    meta('property', 'og:type', 'article'),
    meta('property', 'og:title', title),
    meta('property', 'og:description', description),
    meta('property', 'og:image', imageUrl),
    ...(imageUrl ? [meta('property', 'og:image:width', CARD_WIDTH), meta('property', 'og:image:height', CARD_HEIGHT), meta('property', 'og:image:alt', imageAlt)] : []),
    meta('property', 'og:url', shareUrl),
    meta('property', 'og:site_name', siteName),
    meta('property', 'og:locale', w.ogLocale),
    meta('property', 'article:published_time', formatDate(input.publishedAt, w.locale).datetime),
    // The large card needs an image; without one a summary card is the honest choice.
    meta('name', 'twitter:card', imageUrl ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', title),
    meta('name', 'twitter:description', description),
    meta('name', 'twitter:image', imageUrl),
    ...(imageUrl ? [meta('name', 'twitter:image:alt', imageAlt)] : []),
    `<style>${SHARE_PAGE_CSS}</style>`,
  ];

  const stage = oneLine(input.stageLabel);
  const product = oneLine(input.productName);
  const published = time(input.publishedAt, w.locale);
  const byline = [handle ? `@${esc(handle)}` : '', esc(product), published ? `${esc(w.published)} ${published}` : ''].filter(Boolean).join(' · ');
  const hashtags = (Array.isArray(input.hashtags) ? input.hashtags : []).map(oneLine).filter(Boolean);
  const article = [
    '<header>',
    eventLabel || stage ? `<p class="meta">${eventLabel ? `<span class="event">${esc(eventLabel)}</span>` : ''}${stage ? `<span class="stage">${esc(stage)}</span>` : ''}</p>` : '',
    `<h1>${esc(title)}</h1>`,
    byline ? `<p class="byline">${byline}</p>` : '',
    '</header>',
    imageUrl ? `<img class="card" src="${esc(imageUrl)}" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" alt="${esc(imageAlt)}">` : '',
    paras.length ? `<div class="body">\n${paras.map((p) => `<p>${p.split(/\r?\n/).map(esc).join('<br>')}</p>`).join('\n')}\n</div>` : '',
    hashtags.length ? `<ul class="tags">${hashtags.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>` : '',
    withPoll ? pollSection(input.poll!, w) : '',
    input.demand ? demandSection(input.demand, language) : '',
    timelineSection(input.timeline, w),
  ];

  return [
    '<!doctype html>',
    `<html lang="${language}">`,
    '<head>',
    ...head.filter(Boolean),
    '</head>',
    '<body>',
    '<main>',
    '<article>',
    ...article.filter(Boolean),
    '</article>',
    siteName ? `<footer>${esc(siteName)}</footer>` : '',
    '</main>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line, i, all) => line !== '' || i === all.length - 1)
    .join('\n');
}
