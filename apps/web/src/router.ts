// The pages' routes under /app: a path and its parameters from the address bar, history.pushState to move,
// and a hook that re-renders on back/forward.
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { page: 'board' }
  | { page: 'new-product' }
  | { page: 'product'; id: string }
  | { page: 'sign-in' }
  | { page: 'me' }
  | { page: 'not-found' };

export const BASE = '/app';

export function parseRoute(pathname: string): Route {
  const path = pathname.startsWith(BASE) ? pathname.slice(BASE.length).replace(/\/+$/, '') : pathname;
  if (path === '' || path === '/') return { page: 'board' };
  if (path === '/products/new') return { page: 'new-product' };
  const product = /^\/products\/([A-Za-z0-9_-]{1,64})$/.exec(path);
  if (product) return { page: 'product', id: product[1] };
  if (path === '/sign-in') return { page: 'sign-in' };
  if (path === '/me') return { page: 'me' };
  return { page: 'not-found' };
}

const listeners = new Set<() => void>();

export function navigate(path: string, replace = false): void {
  const url = path.startsWith(BASE) ? path : `${BASE}${path}`;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  listeners.forEach((l) => l());
  window.scrollTo(0, 0);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname));
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

/** Follows a same-page link with pushState (a plain click only: a new tab or window stays the browser's). */
export function onLinkClick(e: MouseEvent): void {
  const a = (e.currentTarget as HTMLAnchorElement | null) ?? null;
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(a.getAttribute('href') ?? BASE);
}

/** The `#token=…` a sign-in or magic link carries, or null. */
export function tokenInFragment(): string | null {
  const match = /(?:^|[#&])token=([^&]+)/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

/** Takes the token out of the address bar (and so out of the history and any screenshot of it). */
export function dropFragment(): void {
  history.replaceState(null, '', location.pathname + location.search);
}
