// Property-based fuzzing of every endpoint in the OpenAPI document — path parameters, query parameters
// and bodies: oversized, deeply nested, wrong-typed, unicode and injection-shaped values, sent with the
// staff key (the deepest path through the code). Only documented 4xx (or success) with the JSON error
// body may come back: never a 500, never a stack trace.
import fc from 'fast-check';
import type { ErrorBody, IssuedApiKeyDto, IssuedWebhookSourceDto } from '../support/api-types';
import { castInfluencer, createProduct, type Cast } from '../support/product-flow';
import { startTestEngine, type TestEngine } from '../support/stack';

jest.setTimeout(180_000);

const ALLOWED = new Set([200, 201, 202, 204, 400, 401, 403, 404, 409, 413, 414, 415, 422, 429]);

const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\ud800',
  '👗🧵',
  '连衣裙',
  "' OR 1=1 --",
  '"; DROP TABLE products; --',
  '../../etc/passwd',
  '%00',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '__proto__',
  'constructor',
  'x'.repeat(5000),
  '9'.repeat(40),
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
);
const text = fc.oneof(nasty, fc.string({ maxLength: 50 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }));
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.bigInt().map(String));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('any'), { maxLength: 4 }), fc.dictionary(text, tie('any'), { maxKeys: 4 })),
})).any;
/** Percent-encodes a path segment; a lone surrogate (which has no UTF-8 form) is sent as invalid UTF-8. */
function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

const deep = fc.integer({ min: 30, max: 3000 }).map((n) => JSON.parse('['.repeat(n) + ']'.repeat(n)) as unknown);

describe('every endpoint under fuzzed input', () => {
  let t: TestEngine;
  let mia: Cast;
  let productId: string;
  let sourceId: string;
  let keyId: string;
  let routes: { method: string; path: string }[];

  beforeAll(async () => {
    t = await startTestEngine();
    mia = await castInfluencer(t, 'mia');
    productId = await createProduct(t, mia.influencerId);
    sourceId = (await t.http<IssuedWebhookSourceDto>('POST', '/webhook-sources', { body: { name: 'w', platform: 'weibo' } })).body.id;
    keyId = (await t.http<IssuedApiKeyDto>('POST', '/api-keys', { body: { role: 'staff', label: 'fuzz' } })).body.id;
    const doc = (await t.http<{ paths: Record<string, Record<string, unknown>> }>('GET', '/docs/openapi.json', { key: null })).body;
    routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })));
  });
  afterAll(() => t?.stop());

  function realId(template: string, param: string): string {
    if (param === 'round') return '1';
    if (param === 'sourceId' || template.startsWith('/webhook-sources/')) return sourceId;
    if (template.startsWith('/api-keys/')) return keyId;
    if (template.startsWith('/influencers/')) return mia.influencerId;
    return productId;
  }

  async function expectDocumented(method: string, url: string, init: { body?: string; contentType?: string }, context: unknown): Promise<void> {
    const res = await fetch(`${t.engine.apiUrl}${url}`, {
      method,
      headers: { authorization: `Bearer ${t.staffKey}`, ...(init.body === undefined ? {} : { 'content-type': init.contentType ?? 'application/json' }) },
      body: init.body,
    });
    const text = await res.text();
    const where = JSON.stringify({ method, url: url.slice(0, 300), status: res.status, answer: text.slice(0, 300), context }).slice(0, 1500);
    expect({ documented: ALLOWED.has(res.status), where }).toEqual({ documented: true, where });
    if (res.status >= 400) {
      const body = JSON.parse(text) as ErrorBody;
      expect({ statusCode: body.statusCode, hasMessage: typeof body.message === 'string' && body.message.length > 0, where }).toEqual({ statusCode: res.status, hasMessage: true, where });
      expect(text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
    }
  }

  it('covers every documented endpoint', () => {
    expect(routes.length).toBeGreaterThanOrEqual(29);
  });

  it('answers fuzzed path parameters with a documented 4xx or success on every route', async () => {
    for (const route of routes.filter((r) => r.path.includes('{'))) {
      await fc.assert(
        fc.asyncProperty(text, async (param) => {
          const url = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'id' ? encodeSegment(param) : realId(route.path, name)));
          await expectDocumented(route.method, url, route.method === 'GET' || route.method === 'DELETE' ? {} : { body: '{}' }, { param });
        }),
        { numRuns: 25 },
      );
    }
  });

  it('answers fuzzed query parameters on the list and timeline routes', async () => {
    const query = fc.dictionary(fc.constantFrom('stage', 'influencerId', 'limit', 'cursor', 'afterSeq', 'x', '__proto__'), text, { maxKeys: 4 });
    await fc.assert(
      fc.asyncProperty(query, fc.constantFrom('/products', `/products/PID/timeline`), async (q, path) => {
        const url = `${path.replace('PID', productId)}?${new URLSearchParams(q).toString()}`;
        await expectDocumented('GET', url, {}, { q });
      }),
      { numRuns: 150 },
    );
  });

  it('answers fuzzed bodies with a documented 4xx or success on every route that takes one', async () => {
    for (const route of routes.filter((r) => r.method === 'POST')) {
      const url = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => realId(route.path, name));
      await fc.assert(
        fc.asyncProperty(fc.oneof(value, deep, fc.dictionary(text, value, { maxKeys: 6 })), async (body) => {
          await expectDocumented(route.method, url, { body: JSON.stringify(body) ?? 'null' }, { body: JSON.stringify(body)?.slice(0, 200) });
        }),
        { numRuns: 20 },
      );
      // Not JSON at all, and not declared as JSON.
      await expectDocumented(route.method, url, { body: '{"a":' }, 'truncated JSON');
      await expectDocumented(route.method, url, { body: 'a=1', contentType: 'application/x-www-form-urlencoded' }, 'form body');
      await expectDocumented(route.method, url, { body: 'plain', contentType: 'text/plain' }, 'text body');
    }
  });
});
