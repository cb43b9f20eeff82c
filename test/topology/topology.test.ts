// The engine as a deployment runs it, every part a process of its own on this machine: PostgreSQL, the
// Temporal dev server, 2 API processes (`npm run start:api`) and up to 3 workers (`npm run start:worker`).
// Products and votes go through both APIs, round robin, as a load balancer sends them. Throughput is
// measured with 1, 2 and 3 workers; then, with 3, one API process is killed during a vote flood and one
// worker while products are being moved through their lifecycle. Every acknowledged vote must be stored
// once, every product must reach ON_SALE with a timeline in which nothing happened twice. The run's table and
// its JSON line are printed at the end of the test run (test/support/topology-table.ts).
import type { ApiResponse, Http, RequestOptions } from '../support/api-client';
import type { ProductDto } from '../support/api-types';
import { castInfluencer, createProduct, PRODUCTION_MILESTONES, type Cast } from '../support/product-flow';
import { reportTopology } from '../support/topology-table';
import { registerSource, sign, voteBody, type Source } from '../support/votes';
import { eventually } from '../support/wait';
import { faultProduct, faultStackForSuite, type ApiProcess, type EngineChild } from '../faults/fault-stack';
import { checkTimeline, stageOf } from '../faults/read-model';

jest.setTimeout(600_000);

const PRODUCTS_PER_PHASE = 8;
const VOTES_PER_PRODUCT = 100;
const CONNECTORS = 16;
const PRODUCT_DRIVERS = 8;

/**
 * Round robin over the API processes, as a load balancer does: a process that has exited is taken out (its
 * health check fails); a request refused at connect goes to the next one; a request cut off mid-way is
 * answered 502, and the caller decides whether to send it again.
 */
class Balancer {
  private next = 0;
  readonly served = new Map<string, number>();
  constructor(private readonly backends: ApiProcess[]) {}

  private alive(): ApiProcess[] {
    return this.backends.filter((b) => b.process.exitCode === null && b.process.signalCode === null);
  }

  readonly http: Http = async <T,>(method: string, path: string, opts?: RequestOptions): Promise<ApiResponse<T>> => {
    for (let attempt = 0; ; attempt++) {
      const alive = this.alive();
      if (alive.length === 0) throw new Error('no API process is running');
      const backend = alive[this.next++ % alive.length];
      try {
        const res = await backend.http<T>(method, path, opts);
        this.served.set(backend.name, (this.served.get(backend.name) ?? 0) + 1);
        return res;
      } catch (err) {
        const code = (err as Error & { cause?: { code?: string } }).cause?.code ?? '';
        if (code === 'ECONNREFUSED' && attempt < this.backends.length) continue;
        return { request: `${method} ${path}`, status: 502, body: undefined as T, text: `bad gateway: ${(err as Error).message}` };
      }
    }
  };
}

/** A connector: delivers each vote until it is acknowledged (the same signed delivery again, as Standard Webhooks senders retry). */
async function floodVotes(lb: Balancer, source: Source, products: string[], fanPrefix: string, onAcknowledged: (n: number) => void): Promise<Map<string, Set<string>>> {
  const acknowledged = new Map(products.map((p) => [p, new Set<string>()]));
  const work = products.flatMap((p) => Array.from({ length: VOTES_PER_PRODUCT }, (_, i) => ({ productId: p, fan: `${fanPrefix}-fan-${i}` })));
  let next = 0;
  let count = 0;
  const connector = async () => {
    for (let w = work[next++]; w; w = work[next++]) {
      const delivery = sign(source.secret, voteBody(w.productId, next % 2 ? 'a' : 'b', w.fan));
      for (;;) {
        const res = await lb.http('POST', `/webhooks/votes/${source.id}`, { rawBody: delivery.payload, headers: delivery.headers, key: null });
        if (res.status === 202 || res.status === 200) break;
        if (res.status !== 502 && res.status !== 503) throw new Error(`vote for ${w.productId} answered ${res.status}: ${res.text}`);
        await eventually('a process to take the delivery again', async () => (await lb.http('GET', '/health', { key: null })).status === 200);
      }
      acknowledged.get(w.productId)!.add(w.fan);
      onAcknowledged(++count);
    }
  };
  await Promise.all(Array.from({ length: CONNECTORS }, connector));
  return acknowledged;
}

/** What staff (or, for reviews, the influencer) do for each pending action a product can wait on before its sale. */
const STAFF_STEPS: Record<string, (view: ProductDto) => { path: string; body?: unknown; byInfluencer?: boolean }> = {
  VOTE: () => ({ path: '/poll/close' }),
  SUBMIT_DESIGN: () => ({ path: '/designs', body: { title: 'v1', description: 'first' } }),
  REVIEW_DESIGN: (v) => ({ path: `/designs/${v.designs.length}/review`, body: { decision: 'APPROVE' }, byInfluencer: true }),
  RECORD_SAMPLE: () => ({ path: '/samples', body: { supplier: 'Mill', notes: 'ok' } }),
  REVIEW_SAMPLE: (v) => ({ path: `/samples/${v.samples.length}/review`, body: { decision: 'APPROVE' }, byInfluencer: true }),
  START_PRODUCTION: () => ({ path: '/production', body: { supplier: 'Mill', dueDate: new Date(Date.now() + 86_400_000).toISOString() } }),
  RECORD_MILESTONE: (v) => ({ path: '/production/milestones', body: { milestone: PRODUCTION_MILESTONES[v.production.milestones.length] } }),
  SCHEDULE_LAUNCH: () => ({ path: '/launch', body: { launchAt: new Date(Date.now() + 2_000).toISOString() } }),
};

/**
 * A member of staff (and the influencer, for reviews) doing what each product waits for, read from its
 * pendingAction, until it is ON_SALE. An action's answer carries the new state; after a refusal or a cut-off
 * answer the product is read again (a repeated action the workflow already took is refused, never applied twice).
 */
async function driveToSale(lb: Balancer, cast: Cast, productId: string, onAction: () => void): Promise<number> {
  const path = `/products/${productId}`;
  let actions = 0;
  let view: ProductDto | undefined;
  for (let round = 0; round < 500; round++) {
    if (!view) {
      const res = await lb.http<ProductDto>('GET', path);
      if (res.status !== 200) {
        await eventually('an API process to answer', async () => (await lb.http('GET', '/health', { key: null })).status === 200);
        continue;
      }
      view = res.body;
    }
    if (view.stage === 'ON_SALE') return actions;
    const step = STAFF_STEPS[view.pendingAction.action]?.(view);
    if (!step) {
      // The engine's turn (tally, launch timer; the launch announcement is left unapproved and withheld).
      const seq = view.seq;
      const stage = view.stage;
      view = await eventually(`${productId} to move on from ${view.pendingAction.action}`, async () => {
        const now = await lb.http<ProductDto>('GET', path);
        return now.status === 200 && (now.body.seq !== seq || now.body.stage !== stage) ? now.body : undefined;
      }, 60_000);
      continue;
    }
    const res = await lb.http<ProductDto>('POST', `${path}${step.path}`, { body: step.body, key: step.byInfluencer ? cast.influencerKey : undefined });
    if (res.status === 200) {
      actions++;
      onAction();
      view = res.body;
    } else if ([409, 502, 503].includes(res.status)) {
      // Refused because the read was stale or the action was taken before its answer was cut off; or no
      // process could take it: read the product again.
      view = undefined;
    } else {
      throw new Error(`${res.request} answered ${res.status}: ${res.text}`);
    }
  }
  throw new Error(`${productId} did not reach ON_SALE in 500 steps`);
}

describe('topology: 2 API processes and 3 workers, each a process of its own', () => {
  const stack = faultStackForSuite();

  it('serves products and votes through both APIs with 1, 2 and 3 workers, and loses nothing when an API and a worker die', async () => {
    const apis = [await stack.startApi('api A'), await stack.startApi('api B')];
    const lb = new Balancer(apis);
    const workers: EngineChild[] = [await stack.startWorker('worker 1')];
    const cast = await castInfluencer(lb, 'tia');
    // Registered (and its secret sealed) through one process, verified by whichever takes a delivery.
    const source = await registerSource(lb, { name: 'Weibo', rateLimitPerSecond: 1_000_000 });

    const allProducts: string[] = [];
    const allVotes = new Map<string, Set<string>>();
    let phases = 0;
    const phase = async (name: string, hooks: { onVote?: (n: number) => void; onAction?: (n: number) => void } = {}) => {
      const products = await Promise.all(Array.from({ length: PRODUCTS_PER_PHASE }, () => createProduct(lb, cast.influencerId, faultProduct(3_600_000, `${name} dress`))));
      allProducts.push(...products);
      const votesStart = Date.now();
      const acknowledged = await floodVotes(lb, source, products, `phase${++phases}`, (n) => hooks.onVote?.(n));
      const votesSeconds = (Date.now() - votesStart) / 1000;
      for (const [p, fans] of acknowledged) allVotes.set(p, fans);

      const actionsStart = Date.now();
      let actions = 0;
      let next = 0;
      const driver = async () => {
        for (let p = products[next++]; p; p = products[next++]) {
          await driveToSale(lb, cast, p, () => {
            actions++;
            hooks.onAction?.(actions);
          });
        }
      };
      await Promise.all(Array.from({ length: PRODUCT_DRIVERS }, driver));
      const actionsSeconds = (Date.now() - actionsStart) / 1000;
      const votes = [...acknowledged.values()].reduce((t, s) => t + s.size, 0);
      reportTopology({
        kind: 'phase',
        phase: name,
        apis: apis.filter((a) => a.process.exitCode === null && a.process.signalCode === null).length,
        workers: workers.filter((w) => w.process.exitCode === null && w.process.signalCode === null).length,
        products: products.length,
        votes,
        votesPerSec: Math.round(votes / votesSeconds),
        actions,
        actionsPerSec: Math.round((actions / actionsSeconds) * 10) / 10,
      });
    };

    await phase('1 worker');
    workers.push(await stack.startWorker('worker 2'));
    await phase('2 workers');
    workers.push(await stack.startWorker('worker 3'));
    await phase('3 workers');
    // Both processes took part: round robin reached each.
    expect([...lb.served.keys()].sort()).toEqual(['api A', 'api B']);

    // Live results are the same through either process (from PostgreSQL, at most LIVE_RESULTS_TTL old).
    const sample = allProducts[0];
    const results = await Promise.all(apis.map((a) => a.http<{ totalVotes: number }>('GET', `/products/${sample}/poll/results`, { key: null })));
    expect(results.map((r) => r.body.totalVotes)).toEqual([VOTES_PER_PRODUCT, VOTES_PER_PRODUCT]);

    // Faults: API A dies a third of the way into the vote flood, worker 1 a third of the way into the actions.
    let apiKilled: Promise<unknown> | undefined;
    let workerKilled: Promise<unknown> | undefined;
    const third = (PRODUCTS_PER_PHASE * VOTES_PER_PRODUCT) / 3;
    await phase('3 workers, an API and a worker killed', {
      onVote: (n) => n >= third && (apiKilled ??= apis[0].kill('SIGKILL')),
      onAction: (n) => n >= PRODUCTS_PER_PHASE * 4 && (workerKilled ??= workers[0].kill('SIGKILL')),
    });
    await apiKilled;
    await workerKilled;
    expect(apis[0].process.signalCode).toBe('SIGKILL');
    expect(workers[0].process.signalCode).toBe('SIGKILL');

    // Every acknowledged vote stored once; every product on sale, nothing in its timeline twice.
    let lostVotes = 0;
    let votes = 0;
    for (const [productId, fans] of allVotes) {
      const rows = await stack.db.query<{ platform_user_id: string }[]>(`SELECT platform_user_id FROM votes WHERE product_id = $1`, [productId]);
      const stored = new Set(rows.map((r) => r.platform_user_id));
      expect(stored.size).toBe(rows.length);
      lostVotes += [...fans].filter((f) => !stored.has(f)).length;
      votes += fans.size;
      expect([...stored].sort()).toEqual([...fans].sort());
    }
    for (const id of allProducts) await eventually(`${id} on sale`, async () => (await stageOf(stack.db, id)) === 'ON_SALE', 60_000);
    const timelines = await Promise.all(allProducts.map((id) => checkTimeline(stack.db, id)));
    const lost = lostVotes + timelines.filter((t) => !t.launched).length;
    const duplicated = timelines.reduce((t, c) => t + c.duplicated, 0);
    reportTopology({ kind: 'summary', apis: apis.length, workers: workers.length, products: allProducts.length, votes, lost, duplicated });
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
  });
});
