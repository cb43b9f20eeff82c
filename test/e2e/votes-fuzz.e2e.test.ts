// Property-based: whatever a connector (or an attacker) posts to the vote webhook, signed or not, the
// answer is one of the documented codes with the JSON error body, never a 500 and never a stack trace.
import fc from 'fast-check';
import { castInfluencer, createProduct } from '../support/product-flow';
import { startTestEngine, type TestEngine } from '../support/stack';
import { deliver, registerSource, sign, type Source } from '../support/votes';
import { recordAttacks } from './e2e-helpers';

const DOCUMENTED = new Set([200, 202, 400, 401, 403, 404, 409, 413, 415, 422, 429]);

describe('vote webhook under fuzzed input', () => {
  const forged = recordAttacks('forged vote webhook signatures');
  const junk = recordAttacks('signed JSON and raw bytes that are not a vote');
  let t: TestEngine;
  let source: Source;
  let productId: string;

  beforeAll(async () => {
    t = await startTestEngine();
    const mia = await castInfluencer(t, 'mia');
    source = await registerSource(t, { rateLimitPerSecond: 100_000 });
    productId = await createProduct(t, mia.influencerId);
  });
  afterAll(() => t?.stop());

  async function expectDocumented(res: { status: number; body: unknown }, sent: unknown): Promise<void> {
    const context = JSON.stringify({ status: res.status, body: res.body, sent }).slice(0, 2000);
    expect({ documented: DOCUMENTED.has(res.status), context }).toEqual({ documented: true, context });
    if (res.status >= 400) {
      expect(res.body).toMatchObject({ statusCode: res.status, message: expect.any(String) as string });
      expect(JSON.stringify(res.body)).not.toMatch(/\n\s+at /);
    }
  }

  const text = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    fc.constantFrom('', '\u0000', 'midi\u0000', '\ud800', "'; DROP TABLE votes; --", '${7*7}', '<script>', 'x'.repeat(200), 'midi', 'wrap', 'weibo'),
  );
  const anyValue = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 3 }), fc.dictionary(text, text, { maxKeys: 3 }));
  // Mostly valid fields, so a good share of runs reach the database; each may be replaced by junk.
  const mostly = <T,>(valid: fc.Arbitrary<T>) => fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: anyValue, weight: 1 });
  const vote = () =>
    fc.record(
      {
        productId: mostly(fc.constant(productId)),
        optionId: mostly(fc.constantFrom('midi', 'wrap', 'slip')),
        voter: mostly(fc.record({ platform: mostly(fc.constant('weibo')), userId: mostly(fc.string({ minLength: 1, maxLength: 40 })) })),
        occurredAt: mostly(fc.date({ min: new Date('2020-01-01'), max: new Date(), noInvalidDate: true }).map((d) => d.toISOString())),
        extra: anyValue,
      },
      { requiredKeys: ['productId', 'optionId', 'voter', 'occurredAt'] },
    );

  it('answers signed vote-shaped bodies with documented codes only', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(vote(), async (body) => {
        const res = await deliver(t, source, sign(source.secret, body));
        seen.add(res.status);
        await expectDocumented(res, body);
      }),
      { numRuns: 300 },
    );
    // The generator reaches the database path too, not only validation.
    expect([...seen].some((s) => s === 202 || s === 200)).toBe(true);
    expect(seen.has(422)).toBe(true);
  });

  it('answers arbitrary signed JSON and raw bytes with documented codes only', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'), fc.string({ unit: 'binary' })), async (payload) => {
        const res = await deliver(t, source, sign(source.secret, payload));
        await expectDocumented(res, payload);
        junk.refused(res, [...DOCUMENTED].filter((status) => status >= 400 && status < 500));
      }),
      { numRuns: 200 },
    );
  });

  it('answers fuzzed signature headers with 401, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ 'webhook-id': text, 'webhook-timestamp': fc.oneof(text, fc.integer().map(String)), 'webhook-signature': text }), async (headers) => {
        const clean = Object.fromEntries(Object.entries(headers).filter(([, v]) => /^[\x20-\x7e]*$/.test(v)));
        const delivery = { webhookId: 'fuzz', payload: JSON.stringify({ productId, optionId: 'midi' }), headers: clean };
        const res = await deliver(t, source, delivery);
        await expectDocumented(res, headers);
        forged.refused(res, [401]);
      }),
      { numRuns: 200 },
    );
  });
});
