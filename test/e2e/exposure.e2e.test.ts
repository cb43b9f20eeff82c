// What the API shows and to whom, and what it costs an attacker: staff-only details (the Temporal UI link,
// staff key labels), /health's states, the vote body limit before parsing, unknown key prefixes refused with
// at most one reload of the issued prefixes a second, the paginated timeline, and no second send of a delivered delivery.
import { request } from 'node:http';
import { ApiKeyService } from '../../apps/api/src/auth/api-key.service';
import { MISS_RELOAD_MS } from '../../apps/api/src/auth/known-key-prefixes';
import type { DeliveriesDto, DeliveryDto, HealthDto, IssuedApiKeyDto, ProductDto, TimelineDto, TimelineEventDto } from '../support/api-types';
import { generateApiKey } from '../../apps/api/src/auth/api-key-format';
import { castInfluencer, createProduct, productBody, type Cast } from '../support/product-flow';
import { eventually, startTestEngine, type TestEngine } from '../support/stack';
import { registerSource, type Source } from '../support/votes';
import { DAY, expectError, expectOk, inFuture, recordAttacks } from './e2e-helpers';

jest.setTimeout(90_000);

const UI = 'http://temporal-ui.exposure.test:8233';
const KEY_TTL_MS = 4_000;
const STAFF_LABEL = "Anna's laptop (ops)";

const oversized = recordAttacks('vote bodies over 16 KiB, plain and chunked, to a real and an unknown source');

describe('exposure', () => {
  let t: TestEngine;
  let mia: Cast;
  let anna: string;

  beforeAll(async () => {
    t = await startTestEngine({ TEMPORAL_UI_URL: UI, API_KEY_CACHE_TTL: `${KEY_TTL_MS}ms` });
    mia = await castInfluencer(t, 'mia');
    anna = expectOk(await t.http<IssuedApiKeyDto>('POST', '/api-keys', { body: { role: 'staff', label: STAFF_LABEL } }), 201).key;
  });
  afterAll(() => t?.stop());

  describe('staff-only details', () => {
    let productId: string;

    beforeAll(async () => {
      productId = expectOk(await t.http<ProductDto>('POST', '/products', { key: anna, body: productBody(mia.influencerId) }), 201).id;
      expectOk(await t.http('POST', `/products/${productId}/poll/close`, { key: anna }));
      expectOk(await t.http('POST', `/products/${productId}/designs`, { key: anna, body: { title: 'v1', description: 'A-line' } }));
    });

    it("shows the Temporal UI link and staff keys' labels to staff", async () => {
      const view = expectOk(await t.http<ProductDto>('GET', `/products/${productId}`, { key: anna }));
      expect(view.links.temporalUi).toBe(`${UI}/namespaces/default/workflows/product-${productId}`);
      expect(view.designs[0]).toMatchObject({ submittedBy: { kind: 'staff', label: STAFF_LABEL } });
      const timeline = expectOk(await t.http<TimelineDto>('GET', `/products/${productId}/timeline`));
      expect(timeline.events[0].actor).toMatchObject({ kind: 'staff', label: STAFF_LABEL });
    });

    it("answers the influencer's key without them: reads and her own actions", async () => {
      const view = await t.http<ProductDto>('GET', `/products/${productId}`, { key: mia.influencerKey });
      const timeline = await t.http<TimelineDto>('GET', `/products/${productId}/timeline`, { key: mia.influencerKey });
      const review = await t.http<ProductDto>('POST', `/products/${productId}/designs/1/review`, {
        key: mia.influencerKey,
        body: { decision: 'REQUEST_CHANGES', feedback: 'shorter sleeves' },
      });
      for (const answer of [view, timeline, review]) {
        expect({ request: answer.request, status: answer.status }).toEqual({ request: answer.request, status: 200 });
        expect(answer.text).not.toContain(STAFF_LABEL);
        expect(answer.text).not.toContain(UI);
        expect(answer.text).not.toContain('temporalUi');
      }
      expect(view.body.links).toEqual({ self: `/products/${productId}`, timeline: `/products/${productId}/timeline` });
      // Who did what stays visible: a staff key, and her own actions with her own key's label.
      expect(review.body.designs[0]).toMatchObject({ status: 'CHANGES_REQUESTED', submittedBy: { kind: 'staff' }, reviewedBy: { kind: 'influencer', label: 'mia key' } });
      expect(review.body.designs[0]).not.toHaveProperty('submittedBy.label');
      expect(view.body.designs[0]).not.toHaveProperty('submittedBy.label');
      const staffActors = timeline.body.events.map((e: TimelineEventDto) => e.actor as { kind: string }).filter((a) => a.kind === 'staff');
      expect(staffActors.length).toBeGreaterThanOrEqual(3);
      for (const actor of staffActors) expect(actor).not.toHaveProperty('label');
    });

    it('never shows the Temporal UI link to a caller without a key', async () => {
      const answers = [
        await t.http('GET', `/products/${productId}`, { key: null }),
        await t.http('GET', `/products/${productId}/poll/results`, { key: null }),
        await t.http('GET', '/docs/openapi.json', { key: null }),
        await t.http('GET', '/health', { key: null }),
      ];
      expect(answers.map((a) => a.status)).toEqual([401, 200, 200, 200]);
      for (const answer of answers) expect(answer.text).not.toContain(UI);
    });
  });

  it('reports dependency states on /health, no latencies or error text', async () => {
    const health = await t.http<HealthDto>('GET', '/health', { key: null });
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', database: 'up', temporal: 'up' });
  });

  describe('the vote body limit', () => {
    let source: Source;
    beforeAll(async () => {
      source = await registerSource(t);
    });

    /** A raw POST to the vote webhook, with Content-Length or chunked; the answer as text. */
    function post(sourceId: string, body: string, opts: { chunked?: boolean } = {}): Promise<{ status: number; body: unknown }> {
      const url = new URL(`/webhooks/votes/${sourceId}`, t.engine.apiUrl);
      return new Promise((resolve, reject) => {
        const headers: Record<string, string | number> = { 'content-type': 'application/json' };
        if (!opts.chunked) headers['content-length'] = Buffer.byteLength(body);
        const req = request(url, { method: 'POST', headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) as unknown }));
        });
        // The API may answer and close before the whole body is sent (that is the point): a write error after
        // the answer is expected, one before it is not.
        req.on('error', reject);
        if (opts.chunked) {
          for (let i = 0; i < body.length; i += 4096) req.write(body.slice(i, i + 4096));
          req.end();
        } else {
          req.end(body);
        }
      });
    }

    it('refuses a body over 16 KiB with 413 before parsing it or looking up the source', async () => {
      // Not JSON at all: a 400 would mean it had been parsed; a 404 that the source had been looked up.
      const notJson = `{${'x'.repeat(17 * 1024)}`;
      oversized.refused(await post(source.id, notJson), [413]);
      oversized.refused(await post('src-doesnotexist', notJson), [413]);
      oversized.refused(await post(source.id, notJson, { chunked: true }), [413]);
    });

    it('parses a body under the limit as before', async () => {
      expectError(await post(source.id, `{${'x'.repeat(15 * 1024)}`), 400);
    });
  });

  describe('unknown API key prefixes', () => {
    it('refuses a key of an unknown prefix at once, and accepts a key issued by another API process within about a second, not a TTL', async () => {
      expectError(await t.http('GET', '/products', { key: generateApiKey().key }), 401);
      // Another API process issues a key: straight into the shared database, unknown to this process' caches.
      const elsewhere = await ApiKeyService.over(t.db.dataSource, t.config).issue('influencer', mia.influencerId, 'issued elsewhere');
      const issuedAt = Date.now();
      // A miss reloads the issued prefixes when they are older than MISS_RELOAD_MS (garbage keys: at most one load a second).
      await eventually('the key issued elsewhere to be accepted', async () => (await t.http('GET', '/products', { key: elsewhere.key })).status === 200, KEY_TTL_MS);
      expect(Date.now() - issuedAt).toBeLessThan(MISS_RELOAD_MS + 1_500);
    });

    it('accepts a key issued through this API process at once', async () => {
      expectError(await t.http('GET', '/products', { key: generateApiKey().key }), 401);
      const issued = expectOk(await t.http<IssuedApiKeyDto>('POST', '/api-keys', { body: { role: 'influencer', influencerId: mia.influencerId, label: 'new phone' } }), 201);
      expectOk(await t.http('GET', '/products', { key: issued.key }));
    });
  });

  describe('the timeline', () => {
    let productId: string;
    let all: TimelineEventDto[];

    beforeAll(async () => {
      productId = await createProduct(t, mia.influencerId);
      for (let i = 1; i <= 3; i++) expectOk(await t.http('POST', `/products/${productId}/poll/extend`, { body: { closesAt: inFuture(i * DAY) } }));
      expectOk(await t.http('POST', `/products/${productId}/poll/close`));
      all = await eventually('the timeline to reach DESIGN', async () => {
        const timeline = expectOk(await t.http<TimelineDto>('GET', `/products/${productId}/timeline`));
        return timeline.events.some((e) => e.stage === 'DESIGN') ? timeline.events : undefined;
      });
    });

    it('answers old clients (no limit) with every event and no next page', async () => {
      const timeline = expectOk(await t.http<TimelineDto>('GET', `/products/${productId}/timeline`));
      expect(all.length).toBeGreaterThanOrEqual(6);
      expect(timeline.events.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
      expect(timeline.nextAfterSeq).toBeNull();
    });

    it('pages with limit and nextAfterSeq, without gaps or repeats', async () => {
      const seen: TimelineEventDto[] = [];
      let afterSeq: number | null = 0;
      let pages = 0;
      while (afterSeq !== null) {
        const page: TimelineDto = expectOk(await t.http<TimelineDto>('GET', `/products/${productId}/timeline?afterSeq=${afterSeq}&limit=2`));
        expect(page.events.length).toBeLessThanOrEqual(2);
        seen.push(...page.events);
        afterSeq = page.nextAfterSeq;
        pages += 1;
        expect(pages).toBeLessThanOrEqual(all.length);
      }
      expect(seen).toEqual(all);
      expect(pages).toBe(Math.ceil(all.length / 2));
    });

    it('refuses a limit out of range with 422 naming it', async () => {
      for (const limit of ['0', '1001', 'lots']) {
        expectError(await t.http('GET', `/products/${productId}/timeline?limit=${limit}`), 422, { fields: ['limit'] });
      }
      expect(expectOk(await t.http<TimelineDto>('GET', `/products/${productId}/timeline?limit=1000`)).events).toHaveLength(all.length);
    });
  });

  it('refuses to re-send a delivery that was already delivered, with 409 saying so', async () => {
    expectOk(await t.http('POST', `/influencers/${mia.influencerId}/channels`, { body: { kind: 'log', name: 'staff log' } }), 201);
    const productId = await createProduct(t, mia.influencerId);
    const delivered = await eventually('a delivered delivery', async () => {
      const { deliveries } = expectOk(await t.http<DeliveriesDto>('GET', `/products/${productId}/deliveries`));
      return deliveries.find((d: DeliveryDto) => d.status === 'delivered');
    });
    expectError(await t.http('POST', `/products/${productId}/deliveries/${delivered.id}/resend`), 409, { code: 'INVALID_STATE', message: `delivery ${delivered.id} was already delivered` });
    const after = expectOk(await t.http<DeliveriesDto>('GET', `/products/${productId}/deliveries`)).deliveries.find((d: DeliveryDto) => d.id === delivered.id);
    expect(after).toMatchObject({ status: 'delivered', resends: 0, attempts: delivered.attempts });
  });
});
