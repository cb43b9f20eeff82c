// The poll's results as horizontal SVG bars (no chart library): each option's label, votes and share; the
// winner marked. Also read out as a list for screen readers (the SVG is one image with a summary).
import { useI18n } from '../i18n';

export interface Bar {
  id: string;
  label: string;
  votes: number;
}

export function PollChart({ bars, winnerId, title }: { bars: Bar[]; winnerId?: string | null; title: string }) {
  const { t } = useI18n();
  const total = bars.reduce((sum, b) => sum + b.votes, 0);
  const max = Math.max(1, ...bars.map((b) => b.votes));
  const rowHeight = 36;
  const width = 560;
  const labelWidth = 180;
  const barSpace = width - labelWidth - 110;
  const percent = (v: number) => (total === 0 ? 0 : Math.round((v / total) * 1000) / 10);
  const summary = bars.map((b) => `${b.label}: ${b.votes} (${percent(b.votes)}%)`).join('; ');
  return (
    <figure class="poll-chart">
      <svg viewBox={`0 0 ${width} ${bars.length * rowHeight + 8}`} role="img" aria-label={`${title}. ${t('poll.totalVotes', { n: total })}. ${summary}`} width="100%">
        {bars.map((b, i) => {
          const y = i * rowHeight + 4;
          const w = Math.round((b.votes / max) * barSpace);
          const win = b.id === winnerId;
          return (
            <g key={b.id} class={win ? 'winner' : undefined}>
              <text x={labelWidth - 8} y={y + 21} text-anchor="end" class="bar-label">
                {b.label.length > 24 ? `${b.label.slice(0, 23)}…` : b.label}
              </text>
              <rect x={labelWidth} y={y + 4} width={Math.max(w, 2)} height={rowHeight - 12} rx="3" class={win ? 'bar winner' : 'bar'} />
              <text x={labelWidth + Math.max(w, 2) + 8} y={y + 21} class="bar-value">
                {`${b.votes} · ${percent(b.votes)}%${win ? ' ★' : ''}`}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{t('poll.totalVotes', { n: total })}</figcaption>
    </figure>
  );
}
