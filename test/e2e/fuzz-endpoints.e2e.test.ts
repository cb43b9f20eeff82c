// Property-based fuzzing of every endpoint in the OpenAPI document — path parameters, query parameters
// and bodies: oversized, deeply nested, wrong-typed, unicode and injection-shaped values, sent with the
// staff key (the deepest path through the code). Only documented 4xx (or success) with the JSON error
// body may come back: never a 500, never a stack trace. Each request's outcome is checked for what it sent:
// an unknown id is refused, a body missing required fields is refused naming a field, a list answer keeps
// its shape and limit.
import fc from 'fast-check';
import type { ErrorBody, IssuedApiKeyDto, IssuedMagicLinkDto, IssuedWebhookSourceDto, SocialUpdatesDto, StaffMemberDto, SupplierDto } from '../support/api-types';
import { reportAttack } from '../support/security-table';
import { castInfluencer, createProduct, type Cast } from '../support/product-flow';
import { registerShop } from '../support/intake';
import { eventually, startTestEngine, type TestEngine } from '../support/stack';

jest.setTimeout(180_000);

const ALLOWED = new Set([200, 201, 202, 204, 400, 401, 403, 404, 409, 413, 414, 415, 422, 429]);
/** What an unknown id may get: malformed (400, 414, 422), refused for the key's role before any look-up (403), unknown (404). */
const UNKNOWN_ID = new Set([400, 403, 404, 414, 422]);

// Routes whose body fields are all optional although the OpenAPI schema (shared with the answer) lists them
// as required: any object, even none, is a valid (empty) update there.
const ALL_OPTIONAL = new Set(['PUT /influencers/{id}/social-settings']);

interface OpenApiDoc {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } }>>;
  components?: { schemas?: Record<string, { required?: string[] }> };
}

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
  let shopId: string;
  let shopifyShopId: string;
  let supplierId: string;
  let keyId: string;
  let staffMemberId: string;
  let updateId: string;
  let magicLinkId: string;
  let routes: { method: string; path: string; requiredFields: string[] }[];
  /** Requests sent per route (`METHOD /template`), and how many fuzzed attacks were refused. */
  const sent = new Map<string, number>();
  const tally = { tries: 0, refused: 0, leaks: 0 };

  beforeAll(async () => {
    t = await startTestEngine();
    mia = await castInfluencer(t, 'mia');
    productId = await createProduct(t, mia.influencerId);
    // A real update of the product, for routes under /social-updates/:updateId.
    updateId = await eventually('the product\'s first social update', async () => (await t.http<SocialUpdatesDto>('GET', `/products/${productId}/social-updates`)).body.updates[0]?.id);
    sourceId = (await t.http<IssuedWebhookSourceDto>('POST', '/webhook-sources', { body: { name: 'w', platform: 'weibo' } })).body.id;
    keyId = (await t.http<IssuedApiKeyDto>('POST', '/api-keys', { body: { role: 'staff', label: 'fuzz' } })).body.id;
    shopId = (await registerShop(t)).id;
    shopifyShopId = (await registerShop(t, { kind: 'shopify' })).id;
    staffMemberId = (await t.http<StaffMemberDto>('POST', '/staff-members', { body: { name: 'Fuzz', email: 'fuzz@incubator.example' } })).body.id;
    supplierId = (await t.http<SupplierDto>('POST', '/suppliers', { body: { name: 'Fuzz mill', outboundUrl: 'http://127.0.0.1:9/hooks' } })).body.id;
    magicLinkId = (await t.http<IssuedMagicLinkDto>('POST', `/influencers/${mia.influencerId}/magic-links`, { body: {} })).body.id;
    const doc = (await t.http<OpenApiDoc>('GET', '/docs/openapi.json', { key: null })).body;
    const required = (ref: string | undefined) => (ref ? (doc.components?.schemas?.[ref.split('/').pop()!]?.required ?? []) : []);
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        requiredFields: ALL_OPTIONAL.has(`${method.toUpperCase()} ${path}`) ? [] : required(op.requestBody?.content?.['application/json']?.schema?.$ref),
      })),
    );
  });
  afterAll(async () => {
    if (tally.tries > 0) reportAttack({ attack: 'fuzzed ids, queries and bodies on every endpoint', tries: tally.tries, blocked: tally.refused, leaks: tally.leaks });
    await t?.stop();
  });

  function realId(template: string, param: string): string {
    if (param === 'round') return '1';
    if (param === 'size') return 'display';
    if (param === 'updateId') return updateId;
    if (param === 'linkId') return magicLinkId;
    if (param === 'sourceId' || template.startsWith('/webhook-sources/')) return sourceId;
    if (template.startsWith('/api-keys/')) return keyId;
    if (template.startsWith('/staff-members/')) return staffMemberId;
    if (template.startsWith('/suppliers/')) return supplierId;
    if (template.startsWith('/webhooks/shopify/')) return shopifyShopId;
    if (param === 'shopId' || template.startsWith('/shops/')) return shopId;
    if (template.startsWith('/influencers/')) return mia.influencerId;
    return productId;
  }

  /** Sends one fuzzed request, checks it got a documented answer without a leak, and returns it for the caller's own check. */
  async function send(route: string, method: string, url: string, init: { body?: string; contentType?: string }, context: unknown): Promise<{ status: number; body: unknown; where: string }> {
    sent.set(route, (sent.get(route) ?? 0) + 1);
    const res = await fetch(`${t.engine.apiUrl}${url}`, {
      method,
      headers: { authorization: `Bearer ${t.staffKey}`, ...(init.body === undefined ? {} : { 'content-type': init.contentType ?? 'application/json' }) },
      body: init.body,
    });
    const text = await res.text();
    const where = JSON.stringify({ method, url: url.slice(0, 300), status: res.status, answer: text.slice(0, 300), context }).slice(0, 1500);
    const leaked = /\n\s+at |node_modules|\.ts:\d+/.test(text);
    if (leaked) tally.leaks++;
    expect({ documented: ALLOWED.has(res.status), leaked, where }).toEqual({ documented: true, leaked: false, where });
    let body: unknown = text;
    if (res.status >= 400) {
      const error = JSON.parse(text) as ErrorBody;
      expect({ statusCode: error.statusCode, hasMessage: typeof error.message === 'string' && error.message.length > 0, where }).toEqual({ statusCode: res.status, hasMessage: true, where });
      body = error;
    } else if (text) body = JSON.parse(text) as unknown;
    return { status: res.status, body, where };
  }

  /** An attack that must be refused: counted, and the refusal checked. */
  function expectRefused(res: { status: number; where: string }, refusals: Set<number>): void {
    tally.tries++;
    if (refusals.has(res.status)) tally.refused++;
    expect({ refused: refusals.has(res.status), where: res.where }).toEqual({ refused: true, where: res.where });
  }

  it('answers fuzzed path parameters: an unknown id or share slug is refused on every route', async () => {
    for (const route of routes.filter((r) => /\{(id|slug)\}/.test(r.path))) {
      await fc.assert(
        fc.asyncProperty(text, async (param) => {
          const url = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'id' || name === 'slug' ? encodeSegment(param) : realId(route.path, name)));
          const res = await send(`${route.method} ${route.path}`, route.method, url, route.method === 'GET' || route.method === 'DELETE' ? {} : { body: '{}' }, { param });
          expectRefused(res, UNKNOWN_ID);
        }),
        { numRuns: 25 },
      );
    }
  });

  it('answers fuzzed query parameters on the list and timeline routes: a page of the asked size, or 422 naming a parameter', async () => {
    const query = fc.dictionary(fc.constantFrom('stage', 'influencerId', 'limit', 'cursor', 'afterSeq', 'x', '__proto__'), text, { maxKeys: 4 });
    await fc.assert(
      fc.asyncProperty(query, fc.constantFrom('/products', '/products/{id}/timeline'), async (q, path) => {
        const url = `${path.replace('{id}', productId)}?${new URLSearchParams(q).toString()}`;
        const res = await send(`GET ${path}`, 'GET', url, {}, { q });
        if (res.status === 200) {
          const list = path === '/products' ? (res.body as { items?: unknown }).items : (res.body as { events?: unknown }).events;
          expect({ isList: Array.isArray(list), where: res.where }).toEqual({ isList: true, where: res.where });
          const limit = Number(q.limit);
          if (q.limit !== undefined && Number.isInteger(limit)) expect((list as unknown[]).length).toBeLessThanOrEqual(limit);
        } else {
          expect({ status: res.status, where: res.where }).toEqual({ status: 422, where: res.where });
          const error = res.body as ErrorBody;
          const named = [error.message, ...(error.details ?? []).map((d) => d.field)].join(' ');
          expect({ namesAParameter: Object.keys(q).some((k) => named.includes(k)), where: res.where }).toEqual({ namesAParameter: true, where: res.where });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('answers fuzzed bodies: refused naming a field where the route requires fields, a documented answer elsewhere', async () => {
    for (const route of routes.filter((r) => r.method === 'POST' || r.method === 'PUT' || r.method === 'PATCH')) {
      const name = `${route.method} ${route.path}`;
      const url = route.path.replace(/\{(\w+)\}/g, (_m, param: string) => realId(route.path, param));
      await fc.assert(
        fc.asyncProperty(fc.oneof(value, deep, fc.dictionary(text, value, { maxKeys: 6 })), async (body) => {
          const res = await send(name, route.method, url, { body: JSON.stringify(body) ?? 'null' }, { body: JSON.stringify(body)?.slice(0, 200) });
          // Random fields never make a valid body for a route that requires some: 422 naming a field (or the
          // role/signature refusal that comes before validation).
          if (route.requiredFields.length > 0) {
            expectRefused(res, new Set([400, 401, 403, 422]));
            if (res.status === 422) expect({ details: ((res.body as ErrorBody).details ?? []).length > 0, where: res.where }).toEqual({ details: true, where: res.where });
          }
        }),
        { numRuns: 20 },
      );
      // Not JSON at all: 400 on every route that takes a body. Not declared as JSON: refused (415, or 422 for
      // a form whose fields are not the route's) where the route requires fields, a documented answer elsewhere.
      expectRefused(await send(name, route.method, url, { body: '{"a":' }, 'truncated JSON'), new Set([400, 401, 403]));
      const form = await send(name, route.method, url, { body: 'a=1', contentType: 'application/x-www-form-urlencoded' }, 'form body');
      const plain = await send(name, route.method, url, { body: 'plain', contentType: 'text/plain' }, 'text body');
      if (route.requiredFields.length > 0) for (const res of [form, plain]) expectRefused(res, new Set([401, 403, 415, 422]));
    }
  });

  it('sent requests to every documented endpoint that takes an id, a query or a body', () => {
    const expected = routes.filter((r) => /\{(id|slug)\}/.test(r.path) || r.method === 'POST' || r.method === 'PUT' || r.method === 'PATCH').map((r) => `${r.method} ${r.path}`);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.filter((r) => (sent.get(r) ?? 0) === 0)).toEqual([]);
  });
});
