// Fault: SIGTERM to the API and to the worker while work is in flight. Each finishes what it had started
// — the HTTP request is answered, the activity completes — and exits 0 within a bounded time.
import { Client as PgClient } from 'pg';
import { freePort } from '../../libs/runtime';
import { eventually } from '../support/stack';
import { castInfluencer, checkTimeline, createProduct, httpClient } from './drive';
import { report, startFaultStack, type FaultStack } from './fault-stack';

jest.setTimeout(180_000);

describe('fault: graceful shutdown', () => {
  let stack: FaultStack;
  beforeAll(async () => {
    stack = await startFaultStack();
  });
  afterAll(() => stack?.close());

  /** Holds a product's read-model row so the next projection of it (a local activity) waits. */
  async function holdProductRow(id: string): Promise<{ release(): Promise<void> }> {
    const locker = new PgClient({ connectionString: stack.databaseUrl });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('SELECT 1 FROM products WHERE id = $1 FOR UPDATE', [id]);
    return {
      release: async () => {
        await locker.query('ROLLBACK');
        await locker.end();
      },
    };
  }
  const blockedOnRow = () =>
    eventually('the activity to wait on the row', async () => (await stack.db.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO products%'`)).length > 0);

  it('SIGTERM lets the in-flight request and activity finish, then the processes exit 0', async () => {
    const worker = await stack.startWorker('worker');
    const api = await stack.startApi(await freePort());
    const call = httpClient(() => api.url, stack.staffKey);
    const mia = await castInfluencer(call, 'mia');
    const first = await createProduct(call, mia.id, 3_600_000);
    const second = await createProduct(call, mia.id, 3_600_000);

    // The API: a close is in flight (its activity waits on the row) when the API gets SIGTERM.
    let row = await holdProductRow(first);
    const inFlight = call('POST', `/products/${first}/poll/close`);
    await blockedOnRow();
    const apiStopped = Date.now();
    const apiExit = api.kill('SIGTERM');
    await row.release();
    const answered = await inFlight;
    expect(answered.status).toBe(200);
    expect(answered.body.stage).toBe('DESIGN');
    expect(await apiExit).toBe(0);
    const apiSeconds = (Date.now() - apiStopped) / 1000;

    // The worker: a close is in flight (its activity waits on the row) when the worker gets SIGTERM.
    const api2 = await stack.startApi(await freePort(), 'api 2');
    const call2 = httpClient(() => api2.url, stack.staffKey);
    row = await holdProductRow(second);
    const secondClose = call2('POST', `/products/${second}/poll/close`);
    await blockedOnRow();
    const workerStopped = Date.now();
    const workerExit = worker.kill('SIGTERM');
    await row.release();
    expect(await workerExit).toBe(0);
    const workerSeconds = (Date.now() - workerStopped) / 1000;
    // The activity finished before the worker left: the read model already shows the closed poll.
    const [{ stage }] = await stack.db.query(`SELECT stage FROM products WHERE id = $1`, [second]);
    expect(stage).toBe('DESIGN');
    await stack.startWorker('worker (again)');
    expect((await secondClose).status).toBe(200);

    const checks = await Promise.all([first, second].map((id) => checkTimeline(stack.db, id)));
    const duplicated = checks.reduce((t, c) => t + c.duplicated, 0);
    report({
      fault: 'SIGTERM to API and worker with work in flight',
      runs: 1,
      products: 2,
      votes: 0,
      deliveries: 0,
      lost: 0,
      duplicated,
      checked: `request answered 200, activity completed; exits 0 in ${apiSeconds.toFixed(1)} s / ${workerSeconds.toFixed(1)} s`,
    });
    expect(duplicated).toBe(0);
    expect(apiSeconds).toBeLessThan(15);
    expect(workerSeconds).toBeLessThan(15);
  });
});
