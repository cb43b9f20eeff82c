// Faults: PostgreSQL stopped for a while and started again; the Temporal dev server restarted on its
// persisted database. Meanwhile the API answers 503 (never 500) and /health says what is down; afterwards
// workers and API reconnect by themselves and every product continues, nothing lost, nothing twice.
import { freePort } from '../../libs/runtime';
import { eventually } from '../support/stack';
import { sign, voteBody } from '../support/votes';
import { castInfluencer, checkTimeline, createProduct, driveFromDesign, httpClient, ok } from './drive';
import { report, startFaultStack, type FaultStack } from './fault-stack';

jest.setTimeout(240_000);

describe('fault: dependencies restarted', () => {
  let stack: FaultStack;
  beforeAll(async () => {
    stack = await startFaultStack();
  });
  afterAll(() => stack?.close());

  it('PostgreSQL stopped and started: 503 meanwhile, then every product continues', async () => {
    await stack.startWorker('worker');
    const api = await stack.startApi(await freePort());
    const call = httpClient(() => api.url, stack.staffKey);
    const mia = await castInfluencer(call, 'mia');
    const source = await ok(call('POST', '/webhook-sources', { name: 'Weibo', platform: 'weibo' }));
    // Polls that close (by timer, so the tally runs) while the database is down.
    const closesAt = Date.now() + 4_000;
    const products = await Promise.all(Array.from({ length: 4 }, () => createProduct(call, mia.id, closesAt - Date.now())));
    const voting = await createProduct(call, mia.id, 3_600_000);
    // One signed delivery per fan, sent again byte for byte when retried.
    const deliveries = new Map<string, ReturnType<typeof sign>>();
    const vote = (fan: string) => {
      if (!deliveries.has(fan)) deliveries.set(fan, sign(source.secret, voteBody(voting, 'a', fan)));
      const d = deliveries.get(fan)!;
      return fetch(`${api.url}/webhooks/votes/${source.id}`, { method: 'POST', headers: { 'content-type': 'application/json', ...d.headers }, body: d.payload });
    };
    expect((await vote('fan-before')).status).toBe(202);

    await stack.stopPostgres();
    const health = await eventually('health to report the database down', async () => {
      const res = await fetch(`${api.url}/health`);
      return res.status === 503 ? ((await res.json()) as any) : undefined;
    });
    expect(health.database.status).toBe('down');
    const read = await call('GET', `/products/${products[0]}`);
    expect(read.status).toBe(503);
    const refusedVote = await vote('fan-during');
    expect(refusedVote.status).toBe(503);
    // The poll timers fire while the database is down: the tally must retry until it is back.
    await eventually('the poll deadlines to pass', () => Date.now() > closesAt + 1_000, 20_000);

    await stack.startPostgres();
    await eventually('health to recover', async () => (await fetch(`${api.url}/health`)).status === 200, 60_000);
    // The connector's retry of the refused vote is counted.
    expect((await vote('fan-during')).status).toBe(202);
    for (const id of products) await eventually(`${id} to close its poll`, async () => (await stageOf(id)) === 'DESIGN', 90_000);
    await Promise.all(products.map((id) => driveFromDesign(call, mia.key, id, 1_500)));
    for (const id of products) await eventually(`${id} to launch`, async () => (await stageOf(id)) === 'LAUNCHED', 60_000);
    const checks = await Promise.all(products.map((id) => checkTimeline(stack.db, id)));
    const [{ votes }] = await stack.db.query(`SELECT count(*)::int AS votes FROM votes WHERE product_id = $1`, [voting]);
    const lost = checks.filter((c) => !c.launched).length + (votes === 2 ? 0 : 1);
    const duplicated = checks.reduce((t, c) => t + c.duplicated, 0);
    report({ fault: 'PostgreSQL stopped, started again', runs: 1, products: products.length, votes: 1, deliveries: 0, lost, duplicated, checked: '503 + health down meanwhile; polls closed after; all launched' });
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
  });

  it('Temporal dev server restarted on its database: worker and API reconnect, products resume', async () => {
    const api = await stack.startApi(await freePort(), 'api 2');
    const call = httpClient(() => api.url, stack.staffKey);
    const leo = await castInfluencer(call, 'leo');
    const closesAt = Date.now() + 5_000;
    const waiting = await Promise.all(Array.from({ length: 3 }, () => createProduct(call, leo.id, closesAt - Date.now())));
    const midway = await createProduct(call, leo.id, 3_600_000);
    await ok(call('POST', `/products/${midway}/poll/close`));

    await stack.restartTemporal();
    // Reconnection is automatic: the same API and worker processes carry on.
    await eventually('the API to reach Temporal again', async () => (await fetch(`${api.url}/health`)).status === 200, 60_000);
    await driveFromDesign(call, leo.key, midway, 1_500);
    for (const id of waiting) await eventually(`${id} to close its poll`, async () => (await stageOf(id)) === 'DESIGN', 90_000);
    await Promise.all(waiting.map((id) => driveFromDesign(call, leo.key, id, 1_500)));
    const products = [...waiting, midway];
    for (const id of products) await eventually(`${id} to launch`, async () => (await stageOf(id)) === 'LAUNCHED', 60_000);
    const checks = await Promise.all(products.map((id) => checkTimeline(stack.db, id)));
    const lost = checks.filter((c) => !c.launched).length;
    const duplicated = checks.reduce((t, c) => t + c.duplicated, 0);
    report({ fault: 'Temporal dev server restarted on its database', runs: 1, products: products.length, votes: 0, deliveries: 0, lost, duplicated, checked: 'same worker and API reconnected; all launched' });
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
  });

  const stageOf = async (id: string) => ((await stack.db.query(`SELECT stage FROM products WHERE id = $1`, [id])) as { stage: string }[])[0]?.stage;
});
