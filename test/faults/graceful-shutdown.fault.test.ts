// Fault: SIGTERM to the API and to the worker while work is in flight. Each finishes what it had started
// — the HTTP request is answered, the activity completes — and exits 0 within a bounded time.
import { Client, Connection } from '@temporalio/client';
import { productWorkflowId } from '../../libs/domain';
import type { ProductDto } from '../support/api-types';
import type { CompiledProcess } from '../support/compiled';
import { eventually } from '../support/wait';
import { castInfluencer, createProduct } from '../support/product-flow';
import { faultProduct, faultStackForSuite, report } from './fault-stack';
import { blockedOnRow, checkTimeline, holdProductRow, stageOf } from './read-model';

jest.setTimeout(180_000);

const exited = (child: CompiledProcess) => child.process.exitCode !== null || child.process.signalCode !== null;

/** Whether the product's history holds a completed update (the poll close, its only one here). */
async function closeCompleted(address: string, productId: string): Promise<boolean> {
  const connection = await Connection.connect({ address });
  try {
    const history = await new Client({ connection }).workflow.getHandle(productWorkflowId(productId)).fetchHistory();
    return (history.events ?? []).some((e) => e.workflowExecutionUpdateCompletedEventAttributes);
  } finally {
    await connection.close();
  }
}

describe('fault: graceful shutdown', () => {
  const stack = faultStackForSuite();

  it('SIGTERM lets the in-flight request and activity finish, then the processes exit 0', async () => {
    // At debug the SDK logs its state changes, STOPPING among them: the test sees the worker act on SIGTERM.
    const worker = await stack.startWorker('worker', { LOG_LEVEL: 'debug' });
    const api = await stack.startApi();
    const mia = await castInfluencer(api, 'mia');
    const first = await createProduct(api, mia.influencerId, faultProduct(3_600_000));
    const second = await createProduct(api, mia.influencerId, faultProduct(3_600_000));

    // The API: a close is in flight (its activity waits on the row) when the API gets SIGTERM.
    let row = await holdProductRow(stack.databaseUrl, first);
    const inFlight = api.http<ProductDto>('POST', `/products/${first}/poll/close`).catch(() => null);
    await blockedOnRow(stack.db);
    const apiStopped = Date.now();
    const apiExit = api.kill('SIGTERM');
    // The row is released only once the API has acted on the signal (it stops taking connections, or it is
    // gone), so a process that does not wait for its requests loses this one instead of racing the release.
    await eventually('the API to act on SIGTERM', () => exited(api) || fetch(`${api.url}/health`).then(() => false, () => true));
    await row.release();
    const answered = await inFlight;
    const apiExitCode = await apiExit;
    const apiSeconds = (Date.now() - apiStopped) / 1000;

    // The worker: a close is in flight (its activity waits on the row) when the worker gets SIGTERM.
    const api2 = await stack.startApi('api 2');
    row = await holdProductRow(stack.databaseUrl, second);
    const secondClose = api2.http('POST', `/products/${second}/poll/close`).catch(() => null);
    await blockedOnRow(stack.db);
    const workerStopped = Date.now();
    const workerExit = worker.kill('SIGTERM');
    await eventually('the worker to act on SIGTERM', () => exited(worker) || /STOPPING/.test(worker.output()));
    await row.release();
    const workerExitCode = await workerExit;
    const workerSeconds = (Date.now() - workerStopped) / 1000;
    // The activity finished before the worker left: the read model already shows the closed poll, and the
    // close's update is completed in the history (a worker that left mid-task leaves it to the next worker).
    const stageAfterWorkerLeft = await stageOf(stack.db, second);
    const updateCompletedBeforeRestart = await closeCompleted(stack.temporalAddress, second);
    await stack.startWorker('worker (again)');
    const secondAnswer = await secondClose;

    // Lost: work in flight at a SIGTERM that did not finish — an unanswered (or failed) request, a projection
    // the leaving worker did not complete, a poll close missing from the timeline.
    const closedOnTimeline = async (id: string) =>
      (await stack.db.query<unknown[]>(`SELECT 1 FROM timeline_events WHERE product_id = $1 AND type = 'POLL_CLOSED'`, [id])).length > 0;
    const unfinished = [
      answered?.status === 200 && answered.body.stage === 'DESIGN' ? null : `API's in-flight close answered ${answered ? `${answered.status} ${answered.text.slice(0, 200)}` : 'nothing'}`,
      stageAfterWorkerLeft === 'DESIGN' ? null : `worker left with the projection unfinished (read model stage ${stageAfterWorkerLeft})`,
      updateCompletedBeforeRestart ? null : 'worker left with the close unfinished in the workflow history',
      secondAnswer?.status === 200 ? null : `close through the worker's shutdown answered ${secondAnswer ? secondAnswer.status : 'nothing'}`,
      ...(await Promise.all([first, second].map(async (id) => ((await closedOnTimeline(id)) ? null : `no POLL_CLOSED on ${id}'s timeline`)))),
    ].filter((m): m is string => m !== null);
    const checks = await Promise.all([first, second].map((id) => checkTimeline(stack.db, id)));
    const duplicated = checks.reduce((t, c) => t + c.duplicated, 0);
    report({
      fault: 'SIGTERM to API and worker with work in flight',
      runs: 1,
      products: 2,
      votes: 0,
      deliveries: 0,
      lost: unfinished.length,
      duplicated,
      checked: `request answered ${answered?.status ?? 'nothing'}, activity ${stageAfterWorkerLeft === 'DESIGN' && updateCompletedBeforeRestart ? 'completed' : 'unfinished'}; exits ${apiExitCode}/${workerExitCode} in ${apiSeconds.toFixed(1)} s / ${workerSeconds.toFixed(1)} s`,
    });
    expect(unfinished).toEqual([]);
    expect(apiExitCode).toBe(0);
    expect(workerExitCode).toBe(0);
    expect(duplicated).toBe(0);
    expect(apiSeconds).toBeLessThan(15);
    expect(workerSeconds).toBeLessThan(15);
  });
});
