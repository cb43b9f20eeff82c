// Faults: PostgreSQL stopped for a while and started again; the Temporal dev server restarted on its
// persisted database. Meanwhile the API answers 503 (never 500) and /health says what is down; afterwards
// workers and API reconnect by themselves and every product continues, nothing lost, nothing twice.
import { advanceTo, castInfluencer, createProduct, driveToLaunch } from '../support/product-flow';
import { eventually } from '../support/wait';
import { deliver, registerSource, sign, voteBody } from '../support/votes';
import { faultProduct, faultStackForSuite, report } from './fault-stack';
import { checkTimeline, stageOf } from './read-model';

jest.setTimeout(240_000);

describe('fault: dependencies restarted', () => {
  const stack = faultStackForSuite();

  it('PostgreSQL stopped and started: 503 meanwhile, then every product continues', async () => {
    await stack.startWorker('worker');
    const api = await stack.startApi();
    const mia = await castInfluencer(api, 'mia');
    const source = await registerSource(api, { name: 'Weibo' });
    // Polls that close (by timer, so the tally runs) while the database is down.
    const closesAt = Date.now() + 4_000;
    const products = await Promise.all(Array.from({ length: 4 }, () => createProduct(api, mia.influencerId, faultProduct(closesAt - Date.now()))));
    const voting = await createProduct(api, mia.influencerId, faultProduct(3_600_000));
    // One signed delivery per fan, sent again byte for byte when retried.
    const deliveries = new Map<string, ReturnType<typeof sign>>();
    const vote = (fan: string) => {
      if (!deliveries.has(fan)) deliveries.set(fan, sign(source.secret, voteBody(voting, 'a', fan)));
      return deliver(api, source, deliveries.get(fan)!);
    };
    expect((await vote('fan-before')).status).toBe(202);

    await stack.stopPostgres();
    const health = await eventually('health to report the database down', async () => {
      const res = await api.http('GET', '/health', { key: null });
      return res.status === 503 ? res.body : undefined;
    });
    expect(health).toMatchObject({ database: 'down' });
    const read = await api.http('GET', `/products/${products[0]}`);
    expect(read.status).toBe(503);
    const refusedVote = await vote('fan-during');
    expect(refusedVote.status).toBe(503);
    // The poll timers fire while the database is down: the tally must retry until it is back.
    await eventually('the poll deadlines to pass', () => Date.now() > closesAt + 1_000, 20_000);

    await stack.startPostgres();
    await eventually('health to recover', async () => (await api.http('GET', '/health', { key: null })).status === 200, 60_000);
    // The connector's retry of the refused vote is counted.
    expect((await vote('fan-during')).status).toBe(202);
    for (const id of products) await eventually(`${id} to close its poll`, async () => (await stageOf(stack.db, id)) === 'DESIGN', 90_000);
    await Promise.all(products.map((id) => driveToLaunch(api, mia, id, 1_500, 'DESIGN')));
    for (const id of products) await eventually(`${id} to launch`, async () => (await stageOf(stack.db, id)) === 'ON_SALE', 60_000);
    const checks = await Promise.all(products.map((id) => checkTimeline(stack.db, id)));
    const [{ votes }] = await stack.db.query<{ votes: number }[]>(`SELECT count(*)::int AS votes FROM votes WHERE product_id = $1`, [voting]);
    const lost = checks.filter((c) => !c.launched).length + (votes === 2 ? 0 : 1);
    const duplicated = checks.reduce((t, c) => t + c.duplicated, 0);
    report({ fault: 'PostgreSQL stopped, started again', runs: 1, products: products.length, votes: 1, deliveries: 0, lost, duplicated, checked: '503 + health down meanwhile; polls closed after; all launched' });
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
  });

  it('Temporal dev server restarted on its database: worker and API reconnect, products resume', async () => {
    const api = await stack.startApi('api 2');
    const leo = await castInfluencer(api, 'leo');
    const closesAt = Date.now() + 5_000;
    const waiting = await Promise.all(Array.from({ length: 3 }, () => createProduct(api, leo.influencerId, faultProduct(closesAt - Date.now()))));
    const midway = await createProduct(api, leo.influencerId, faultProduct(3_600_000));
    await advanceTo(api, leo, midway, 'DESIGN');

    await stack.restartTemporal();
    // Reconnection is automatic: the same API and worker processes carry on.
    await eventually('the API to reach Temporal again', async () => (await api.http('GET', '/health', { key: null })).status === 200, 60_000);
    await driveToLaunch(api, leo, midway, 1_500, 'DESIGN');
    for (const id of waiting) await eventually(`${id} to close its poll`, async () => (await stageOf(stack.db, id)) === 'DESIGN', 90_000);
    await Promise.all(waiting.map((id) => driveToLaunch(api, leo, id, 1_500, 'DESIGN')));
    const products = [...waiting, midway];
    for (const id of products) await eventually(`${id} to launch`, async () => (await stageOf(stack.db, id)) === 'ON_SALE', 60_000);
    const checks = await Promise.all(products.map((id) => checkTimeline(stack.db, id)));
    const lost = checks.filter((c) => !c.launched).length;
    const duplicated = checks.reduce((t, c) => t + c.duplicated, 0);
    report({ fault: 'Temporal dev server restarted on its database', runs: 1, products: products.length, votes: 0, deliveries: 0, lost, duplicated, checked: 'same worker and API reconnected; all launched' });
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
  });
});
