// Time left until an instant, ticking every second ("2 d 3 h 04 min 05 s"); "now" once it has passed.
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n';

export function remaining(ms: number): { d: number; h: number; m: number; s: number } {
  const total = Math.max(0, Math.floor(ms / 1000));
  return { d: Math.floor(total / 86_400), h: Math.floor((total % 86_400) / 3_600), m: Math.floor((total % 3_600) / 60), s: total % 60 };
}

export function Countdown({ to }: { to: string }) {
  const { t } = useI18n();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Date.parse(to) - now;
  if (left <= 0) return <span class="countdown">{t('launch.now')}</span>;
  const { d, h, m, s } = remaining(left);
  return <span class="countdown">{t('launch.countdown', { d, h, m: String(m).padStart(2, '0'), s: String(s).padStart(2, '0') })}</span>;
}
