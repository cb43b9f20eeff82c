// Security headers on every answer, the CORS policy, and the per-key rate limit.
import { castInfluencer, createProduct, type Cast } from '../support/product-flow';
import { startTestEngine, type TestEngine } from '../support/stack';
import { expectError, recordAttacks } from './e2e-helpers';

describe('security headers, CORS and per-key rate limits', () => {
  const cors = recordAttacks('browser calls from an origin not allowed');
  const flood = recordAttacks('bursts over one key\'s rate limit');
  let t: TestEngine;
  const board = 'https://board.example.com';
  let lea: Cast;
  let noa: Cast;

  beforeAll(async () => {
    t = await startTestEngine({ CORS_ORIGINS: board, API_KEY_RATE_LIMIT: '20' });
    lea = await castInfluencer(t, 'lea');
    noa = await castInfluencer(t, 'noa');
  });
  afterAll(() => t?.stop());

  const raw = (path: string, init: RequestInit = {}) => fetch(`${t.engine.apiUrl}${path}`, init);

  it('sends the usual security headers, on errors too', async () => {
    for (const res of [await raw('/health'), await raw('/products'), await raw('/nope')]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      // The API is often reached over plain HTTP (locally, behind a TLS proxy): no forced upgrade of /docs' scripts.
      expect(res.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('lets only the configured origins call the API from a browser', async () => {
    const preflight = (origin: string) =>
      raw('/products', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
    const allowed = await preflight(board);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(board);
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    const other = await preflight('https://evil.example.com');
    cors.checked(other.headers.get('access-control-allow-origin') === null, 'no allow-origin for https://evil.example.com');
  });

  it('lets any origin read live poll results', async () => {
    const mia = await castInfluencer(t, 'mia');
    const productId = await createProduct(t, mia.influencerId);
    const res = await raw(`/products/${productId}/poll/results`, { headers: { origin: 'https://fan-site.example.com' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers 429 with Retry-After when one key goes over its limit; other keys keep their own budget', async () => {
    // 100 at once. The limit's windows are one second long, counted from the key's first request: a burst answered
    // within L seconds meets at most floor(L) + 1 windows, so at most 20 per window get through, however slow the
    // machine (on a loaded CI runner the burst has taken over two seconds).
    const began = performance.now();
    const answers = await Promise.all(Array.from({ length: 100 }, () => raw('/products', { headers: { authorization: `Bearer ${lea.influencerKey}` } })));
    const windows = Math.floor((performance.now() - began) / 1000) + 1;
    const limited = answers.filter((a) => a.status === 429);
    const through = answers.length - limited.length;
    flood.checked(limited.length > 0 && through <= 20 * windows, `${limited.length} of 100 answered 429, ${through} through in ${windows} one-second window(s)`);
    expect(Number(limited[0].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expectError({ status: 429, body: await limited[0].json() }, 429, { code: 'RATE_LIMITED', message: 'over its limit of 20 requests per second' });
    expect((await t.http('GET', '/products', { key: noa.influencerKey })).status).toBe(200);
  });
});
