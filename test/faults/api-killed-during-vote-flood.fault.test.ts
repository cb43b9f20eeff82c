// Fault: the API process is killed (SIGKILL) in the middle of a vote flood and started again. Connectors
// retry every delivery until it is acknowledged, as Standard Webhooks senders do. Every acknowledged vote
// must be in PostgreSQL, and a vote committed just before the kill but never answered is counted once.
import { freePort } from '../../libs/runtime';
import { eventually } from '../support/stack';
import { sign, voteBody } from '../support/votes';
import { report, startFaultStack, type FaultStack } from './fault-stack';

jest.setTimeout(180_000);

describe('fault: API killed during a vote flood', () => {
  let stack: FaultStack;
  beforeAll(async () => {
    stack = await startFaultStack();
  });
  afterAll(() => stack?.close());

  it('keeps every acknowledged vote and counts each retried one once', async () => {
    await stack.startWorker('worker');
    const port = await freePort();
    let api = await stack.startApi(port);
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${api.url}${path}`, { method, headers: { authorization: `Bearer ${stack.staffKey}`, 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
      const json = (await res.json()) as any;
      if (res.status >= 300) throw new Error(`${path} → ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    const influencer = await call('POST', '/influencers', { handle: 'mia', displayName: 'Mia' });
    const product = await call('POST', '/products', {
      name: 'Flood dress', influencerId: influencer.id, targetKeyword: 'dress',
      poll: { question: 'Which?', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], durationMinutes: 60, minVotes: 0 },
    });
    const source = await call('POST', '/webhook-sources', { name: 'Weibo', platform: 'weibo', rateLimitPerSecond: 1_000_000 });

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
        const delivery = sign(source.secret, voteBody(product.id, i % 2 ? 'a' : 'b', fan));
        for (;;) {
          inFlight++;
          const res = await fetch(`http://127.0.0.1:${port}/webhooks/votes/${source.id}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...delivery.headers },
            body: delivery.payload,
          }).catch(() => null);
          inFlight--;
          if (res && (res.status === 202 || res.status === 200)) {
            acknowledged.add(fan);
            break;
          }
          if (res && res.status !== 503) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
          retries++;
          // The API is down or restarting: a connector backs off before retrying.
          await new Promise((r) => setTimeout(r, 50));
        }
        if (acknowledged.size === KILL_AFTER && !killing) {
          inFlightAtKill = inFlight;
          killing = (async () => {
            await api.kill('SIGKILL');
            api = await stack.startApi(port, 'api (restarted)');
          })();
        }
      }
    };
    await Promise.all(Array.from({ length: CONNECTORS }, connector));
    await killing;

    const rows: { platform_user_id: string }[] = await stack.db.query(`SELECT platform_user_id FROM votes WHERE product_id = $1`, [product.id]);
    const stored = new Set(rows.map((r) => r.platform_user_id));
    const lost = [...acknowledged].filter((f) => !stored.has(f)).length;
    const duplicated = rows.length - stored.size;
    const [{ total }] = await stack.db.query(`SELECT votes AS total FROM poll_vote_totals WHERE product_id = $1`, [product.id]);
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
    const closed = await call('POST', `/products/${product.id}/poll/close`);
    expect(closed.poll.result.totalVotes).toBe(FANS);
    await eventually('nothing left to check', () => true);
  });
});
