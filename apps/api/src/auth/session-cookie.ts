// The browser session's cookie and the checks a cookie-authenticated request passes: the cookie `ie_session`
// (HttpOnly, Secure, SameSite=Strict, Path=/), the synchroniser CSRF token derived from the session's own token
// (so it is never stored, and the database's hashes do not reveal it), and the Origin a browser names.
import type { AppConfig } from '@app/config';
import { ACCESS_TOKEN_PATTERN } from '@app/webhooks';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'ie_session';
export const CSRF_HEADER = 'x-csrf-token';

/** Methods that change nothing: a cookie-authenticated request with any other method needs the CSRF token. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Secure always: browsers keep a Secure cookie set over plain http://localhost and http://127.0.0.1 (loopback
 * is a secure context), which is how the engine runs on a laptop; anywhere else it must be reached over HTTPS.
 */
export function sessionCookieOptions(maxAgeSeconds: number): CookieSerializeOptions {
  return { httpOnly: true, secure: true, sameSite: 'strict', path: '/', maxAge: maxAgeSeconds };
}

/** The session token the request's cookie carries, when it has the shape of one. */
export function presentedSessionToken(req: FastifyRequest): string | null {
  const value = req.cookies?.[SESSION_COOKIE];
  return typeof value === 'string' && ACCESS_TOKEN_PATTERN.test(value) ? value : null;
}

/** The CSRF token of the session whose cookie holds `sessionToken`. */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`csrf\u0000${sessionToken}`).digest('base64url');
}

export function isUnsafeMethod(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** Whether the request's X-CSRF-Token is the session's (compared in constant time). */
export function csrfTokenMatches(req: FastifyRequest, sessionToken: string): boolean {
  const header = req.headers[CSRF_HEADER];
  if (typeof header !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Whether a browser's Origin header (absent: not a browser's cross-origin request, allowed) is the API's own:
 * PUBLIC_BASE_URL's origin, the origin of the Host the request was sent to, or one of CORS_ORIGINS (named, not `*`).
 */
export function originAllowed(req: FastifyRequest, config: AppConfig): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const own = new Set<string>();
  if (config.api.publicBaseUrl) own.add(new URL(config.api.publicBaseUrl).origin);
  const host = req.headers.host;
  if (host) {
    own.add(`http://${host}`);
    own.add(`https://${host}`);
  }
  for (const allowed of config.api.corsOrigins) if (allowed !== '*') own.add(allowed);
  return own.has(origin);
}
