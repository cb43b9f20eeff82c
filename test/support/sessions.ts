// Browser sessions from a test's side: the token of a sign-in or magic link (after `#token=`), opening a
// session with it (POST /auth/sessions) and calling the API the way a signed-in page does: with the ie_session
// cookie, and the CSRF token on requests that change something. Plain Node (no jest globals).
import type { ApiResponse } from './api-client';
import type { SessionDto } from './api-types';

/** The token a link carries in its fragment. */
export function tokenOf(link: string): string {
  const match = /#token=([A-Za-z0-9_-]+)$/.exec(link);
  if (!match) throw new Error(`no #token= in ${link}`);
  return match[1];
}

/** The first link in a text (a mail's body) to `path`. */
export function linkIn(text: string, path: '/app/sign-in' | '/app/me'): string {
  const match = new RegExp(`https?://\\S+${path}#token=[A-Za-z0-9_-]+`).exec(text);
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return match[0];
}

export interface Answer<T = unknown> extends ApiResponse<T> {
  headers: Headers;
}

export interface CallOptions {
  body?: unknown;
  /** The whole Cookie header, e.g. `ie_session=…`. */
  cookie?: string;
  csrf?: string;
  headers?: Record<string, string>;
}

export async function call<T = unknown>(baseUrl: string, method: string, path: string, opts: CallOptions = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.csrf) headers['x-csrf-token'] = opts.csrf;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { request: `${method} ${path}`, status: res.status, body: body as T, text, headers: res.headers };
}

export interface OpenedSession {
  answer: Answer<SessionDto>;
  /** The Set-Cookie header as sent. */
  setCookie: string;
  /** What the browser sends back: `ie_session=<token>`. */
  cookie: string;
  session: SessionDto;
}

/** Exchanges a link's token for a session; throws when the API does not answer 201 with the cookie. */
export async function openSession(baseUrl: string, token: string): Promise<OpenedSession> {
  const answer = await call<SessionDto>(baseUrl, 'POST', '/auth/sessions', { body: { token } });
  const setCookie = answer.headers.getSetCookie().find((c) => c.startsWith('ie_session='));
  if (answer.status !== 201 || !setCookie) throw new Error(`POST /auth/sessions: expected 201 with ie_session, got ${answer.status}: ${answer.text}`);
  return { answer, setCookie, cookie: setCookie.split(';')[0], session: answer.body };
}
