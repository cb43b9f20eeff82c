// Fault: the API process is killed (SIGKILL) in the middle of a vote flood and started again. Connectors
// retry every delivery until it is acknowledged, as Standard Webhooks senders do. Every acknowledged vote
// must be in PostgreSQL, and a vote committed just before the kill but never answered is counted once.
import { ok } from '../support/api-client';
import type { ProductDto } from '../support/api-types';
import { castInfluencer, createProduct } from '../support/product-flow';
import { deliver, registerSource, sign, voteBody } from '../support/votes';
import { faultProduct, faultStackForSuite, report } from './fault-stack';

jest.setTimeout(180_000);

describe('fault: API killed during a vote flood', () => {
  const stack = faultStackForSuite();

  it('keeps every acknowledged vote and counts each retried one once', async () => {
    await stack.startWorker('worker');
    // Requests go to the API's port, whichever process listens on it: the first one or the restarted one.
    let api = await stack.startApi();
    const mia = await castInfluencer(api, 'mia');
    const productId = await createProduct(api, mia.influencerId, faultProduct(3_600_000, 'Flood dress'));
    const source = await registerSource(api, { name: 'Weibo', rateLimitPerSecond: 1_000_000 });

    const FANS = 3000;
    const CONNECTORS = 16;
    const KILL_AFTER = 1000;
    const acknowledged = new Set<string>();
    let next = 0;
    let inFlight = 0;
    let inFlightAtKill = -1;
    let retries = 0;
    let killing: Promise<void> | undefined;
    const connector = async () => {
      for (;;) {
        const i = next++;
        if (i >= FANS) return;
        const fan = `fan-${i}`;
        const delivery = sign(source.secret, voteBody(productId, i % 2 ? 'a' : 'b', fan));
        for (;;) {
          inFlight++;
          const res = await deliver(api, source, delivery).catch(() => null);
          inFlight--;
          if (res && (res.status === 202 || res.status === 200)) {
            acknowledged.add(fan);
            break;
          }
          if (res && res.status !== 503) throw new Error(`unexpected ${res.status}: ${res.text}`);
          retries++;
          // The API is down or restarting: a connector backs off before retrying.
          await new Promise((r) => setTimeout(r, 50));
        }
        if (acknowledged.size === KILL_AFTER && !killing) {
          inFlightAtKill = inFlight;
          killing = (async () => {
            await api.kill('SIGKILL');
            api = await stack.startApi('api (restarted)', api.port);
          })();
        }
      }
    };
    await Promise.all(Array.from({ length: CONNECTORS }, connector));
    await killing;

    const rows = await stack.db.query<{ platform_user_id: string }[]>(`SELECT platform_user_id FROM votes WHERE product_id = $1`, [productId]);
    const stored = new Set(rows.map((r) => r.platform_user_id));
    const lost = [...acknowledged].filter((f) => !stored.has(f)).length;
    const duplicated = rows.length - stored.size;
    const [{ total }] = await stack.db.query<{ total: number }[]>(`SELECT votes AS total FROM poll_vote_totals WHERE product_id = $1`, [productId]);
    report({
      fault: 'API SIGKILLed during a vote flood, restarted',
      runs: 1,
      products: 1,
      votes: inFlightAtKill,
      deliveries: 0,
      lost,
      duplicated: duplicated + Math.abs(total - rows.length),
      checked: `${acknowledged.size} acknowledged = ${stored.size} stored; ${retries} retries`,
    });
    expect(inFlightAtKill).toBeGreaterThan(0);
    expect(retries).toBeGreaterThan(0);
    expect(acknowledged.size).toBe(FANS);
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    expect(stored.size).toBe(FANS);
    expect(total).toBe(FANS);
    // The workflow still tallies every vote.
    const closed = await ok(api.http<ProductDto>('POST', `/products/${productId}/poll/close`));
    expect(closed.poll).toMatchObject({ result: { totalVotes: FANS } });
  });
});
