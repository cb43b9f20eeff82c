// The browser session's cookie rules: its attributes, the CSRF token derived from the session's token, and
// which Origin headers count as the API's own.
import { loadConfig } from '@app/config';
import type { FastifyRequest } from 'fastify';
import { csrfTokenFor, csrfTokenMatches, isUnsafeMethod, originAllowed, sessionCookieOptions } from './session-cookie';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as FastifyRequest;
const TOKEN = 'x'.repeat(43);

describe('session cookie rules', () => {
  it('sets HttpOnly, Secure, SameSite=Strict on the whole site', () => {
    expect(sessionCookieOptions(60)).toEqual({ httpOnly: true, secure: true, sameSite: 'strict', path: '/', maxAge: 60 });
  });

  it('derives a CSRF token per session that another session\'s does not match', () => {
    const csrf = csrfTokenFor(TOKEN);
    expect(csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(csrf).toBe(csrfTokenFor(TOKEN));
    expect(csrfTokenMatches(request({ 'x-csrf-token': csrf }), TOKEN)).toBe(true);
    expect(csrfTokenMatches(request({ 'x-csrf-token': csrfTokenFor('y'.repeat(43)) }), TOKEN)).toBe(false);
    expect(csrfTokenMatches(request({ 'x-csrf-token': csrf.slice(1) }), TOKEN)).toBe(false);
    expect(csrfTokenMatches(request({}), TOKEN)).toBe(false);
  });

  it('asks for the CSRF token on every method but GET, HEAD and OPTIONS', () => {
    expect(['GET', 'head', 'OPTIONS'].map(isUnsafeMethod)).toEqual([false, false, false]);
    expect(['POST', 'PUT', 'PATCH', 'DELETE'].map(isUnsafeMethod)).toEqual([true, true, true, true]);
  });

  it('accepts no Origin, the API\'s own, PUBLIC_BASE_URL\'s and CORS_ORIGINS\' (not `*`), and refuses others', () => {
    const config = loadConfig({ PUBLIC_BASE_URL: 'https://engine.example.com/base', CORS_ORIGINS: 'https://board.example.com,*' });
    const host = { host: '127.0.0.1:3000' };
    expect(originAllowed(request(host), config)).toBe(true);
    expect(originAllowed(request({ ...host, origin: 'http://127.0.0.1:3000' }), config)).toBe(true);
    expect(originAllowed(request({ ...host, origin: 'https://engine.example.com' }), config)).toBe(true);
    expect(originAllowed(request({ ...host, origin: 'https://board.example.com' }), config)).toBe(true);
    expect(originAllowed(request({ ...host, origin: 'https://evil.example' }), config)).toBe(false);
    expect(originAllowed(request({ ...host, origin: 'null' }), config)).toBe(false);
    expect(originAllowed(request({ ...host, origin: 'http://127.0.0.1:3001' }), config)).toBe(false);
  });
});
