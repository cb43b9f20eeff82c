// A PostgreSQL outage is a 503 that says so (never a 500), /health reports it, and the API recovers by
// itself once the database accepts connections again; a vote refused meanwhile is counted on retry.
import { Client } from 'pg';
import type { ProductDto } from '../support/api-types';
import { castInfluencer, createProduct } from '../support/product-flow';
import { eventually, startTestEngine, type TestEngine } from '../support/stack';
import { deliver, registerSource, sign, voteBody } from '../support/votes';

describe('database outage', () => {
  let t: TestEngine;
  // A connection to the server's `postgres` database, from where the test database can be closed.
  let admin: Client;
  let database: string;

  beforeAll(async () => {
    t = await startTestEngine({ API_KEY_CACHE_TTL: '0ms' });
    database = new URL(t.db.url).pathname.slice(1);
    admin = new Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`).catch(() => undefined);
    await admin.end();
    await t.stop();
  });

  it('answers 503 while PostgreSQL refuses connections and recovers afterwards', async () => {
    const cast = await castInfluencer(t, 'mia');
    const id = await createProduct(t, cast.influencerId);
    const source = await registerSource(t);
    const unused = await registerSource(t, { platform: 'douyin' });
    // One vote first, so the source and the poll are in the API's caches: the outage hits the commit.
    expect((await deliver(t, source, sign(source.secret, voteBody(id, 'midi', 'fan-before')))).status).toBe(202);

    // Refuse new connections and drop the open ones: to the engine, the database is gone.
    await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database]);

    const health = await eventually('health to report the outage', async () => {
      const res = await t.http('GET', '/health', { key: null });
      return res.status === 503 ? res : undefined;
    });
    // States only: why the database is down goes to the log, not to an unauthenticated caller.
    expect(health.body).toEqual({ status: 'degraded', database: 'down', temporal: 'up' });

    const read = await t.http('GET', `/products/${id}`);
    expect(read.status).toBe(503);
    expect(read.body).toMatchObject({ statusCode: 503, code: 'DEPENDENCY_UNAVAILABLE', message: expect.stringMatching(/database is not reachable/) as string });

    // A connector is told to retry, whether the outage hits the commit or the source lookup.
    const during = sign(source.secret, voteBody(id, 'wrap', 'fan-during'));
    const vote = await deliver(t, source, during);
    expect(vote.status).toBe(503);
    expect(vote.body).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE' });
    expect((await deliver(t, unused, sign(unused.secret, voteBody(id, 'wrap', 'fan-x', 'douyin')))).status).toBe(503);
    expect((await t.http('GET', `/products/${id}/poll/results`, { key: null })).status).toBe(503);

    await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);
    await eventually('health to recover', async () => (await t.http('GET', '/health', { key: null })).status === 200);
    expect((await t.http('GET', `/products/${id}`)).status).toBe(200);
    // The connector's retry of the refused vote is counted, once.
    expect((await deliver(t, source, during)).body).toMatchObject({ result: 'counted' });
    expect((await deliver(t, source, during)).body).toMatchObject({ result: 'duplicate', reason: 'redelivery' });
    const closed = await t.http<ProductDto>('POST', `/products/${id}/poll/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.poll).toMatchObject({ result: { totalVotes: 2 } });
  });
});
