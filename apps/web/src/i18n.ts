// English and Simplified Chinese: a message catalogue per language (messages/), the language chosen by the
// person (kept in localStorage), else her session's, else the browser's; dates and durations in its format.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang } from './api';
import { en, type Messages } from './messages/en';
import { zhCN } from './messages/zh-CN';

export type Key = keyof Messages;
export type Translate = (key: Key, vars?: Record<string, string | number>) => string;

const catalogues: Record<Lang, Messages> = { en, 'zh-CN': zhCN };
export const LANGS: Lang[] = ['en', 'zh-CN'];
const STORAGE_KEY = 'incubator.lang';

export function translator(lang: Lang): Translate {
  const messages = catalogues[lang];
  return (key, vars) => {
    const text: string = messages[key] ?? en[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
  };
}

/** Her own choice, else the session's language, else the browser's. */
export function chosenLang(sessionLang?: Lang | null): Lang {
  const stored = safeStorage()?.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'zh-CN') return stored;
  if (sessionLang) return sessionLang;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function rememberLang(lang: Lang): void {
  safeStorage()?.setItem(STORAGE_KEY, lang);
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export interface I18nValue {
  lang: Lang;
  t: Translate;
  setLang: (lang: Lang) => void;
  /** A time in the reader's language and time zone. */
  time: (iso: string) => string;
  /** How long ago or ahead a time is, e.g. "3 hours ago", "in 2 days". */
  relative: (iso: string, now?: number) => string;
}

export function i18nValue(lang: Lang, setLang: (l: Lang) => void): I18nValue {
  const dates = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const rel = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  return {
    lang,
    t: translator(lang),
    setLang,
    time: (iso) => dates.format(new Date(iso)),
    relative: (iso, now = Date.now()) => {
      const seconds = (Date.parse(iso) - now) / 1000;
      const units: [Intl.RelativeTimeFormatUnit, number][] = [
        ['day', 86_400],
        ['hour', 3_600],
        ['minute', 60],
      ];
      for (const [unit, size] of units) if (Math.abs(seconds) >= size) return rel.format(Math.round(seconds / size), unit);
      return rel.format(Math.round(seconds), 'second');
    },
  };
}

export const I18n = createContext<I18nValue>(i18nValue('en', () => undefined));

export function useI18n(): I18nValue {
  return useContext(I18n);
}
