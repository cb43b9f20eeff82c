// Fault: SIGTERM to the API and to the worker while work is in flight. Each finishes what it had started
// — the HTTP request is answered, the activity completes — and exits 0 within a bounded time.
import type { ProductDto } from '../support/api-types';
import { castInfluencer, createProduct } from '../support/product-flow';
import { faultProduct, faultStackForSuite, report } from './fault-stack';
import { blockedOnRow, checkTimeline, holdProductRow } from './read-model';

jest.setTimeout(180_000);

describe('fault: graceful shutdown', () => {
  const stack = faultStackForSuite();

  it('SIGTERM lets the in-flight request and activity finish, then the processes exit 0', async () => {
    const worker = await stack.startWorker('worker');
    const api = await stack.startApi();
    const mia = await castInfluencer(api, 'mia');
    const first = await createProduct(api, mia.influencerId, faultProduct(3_600_000));
    const second = await createProduct(api, mia.influencerId, faultProduct(3_600_000));

    // The API: a close is in flight (its activity waits on the row) when the API gets SIGTERM.
    let row = await holdProductRow(stack.databaseUrl, first);
    const inFlight = api.http<ProductDto>('POST', `/products/${first}/poll/close`);
    await blockedOnRow(stack.db);
    const apiStopped = Date.now();
    const apiExit = api.kill('SIGTERM');
    await row.release();
    const answered = await inFlight;
    expect(answered.status).toBe(200);
    expect(answered.body.stage).toBe('DESIGN');
    expect(await apiExit).toBe(0);
    const apiSeconds = (Date.now() - apiStopped) / 1000;

    // The worker: a close is in flight (its activity waits on the row) when the worker gets SIGTERM.
    const api2 = await stack.startApi('api 2');
    row = await holdProductRow(stack.databaseUrl, second);
    const secondClose = api2.http('POST', `/products/${second}/poll/close`);
    await blockedOnRow(stack.db);
    const workerStopped = Date.now();
    const workerExit = worker.kill('SIGTERM');
    await row.release();
    expect(await workerExit).toBe(0);
    const workerSeconds = (Date.now() - workerStopped) / 1000;
    // The activity finished before the worker left: the read model already shows the closed poll.
    const [{ stage }] = await stack.db.query<{ stage: string }[]>(`SELECT stage FROM products WHERE id = $1`, [second]);
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
