// API_PROCESSES > 1: the launcher serves the API from several processes on one port, replaces one that
// dies, and stops them all with the engine. Runs the compiled API as `npm start` does.
import cluster from 'node:cluster';
import * as path from 'node:path';
import type { WebhookSourceDto } from '../support/api-types';
import { compileEngine } from '../support/compiled';
import { castInfluencer, createProduct } from '../support/product-flow';
import { eventually, startTestEngine, type TestEngine } from '../support/stack';
import { deliver, registerSource, sign, voteBody } from '../support/votes';
import { expectOk } from './e2e-helpers';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('API served by several processes', () => {
  let t: TestEngine;
  let compiled: Awaited<ReturnType<typeof compileEngine>>;

  beforeAll(async () => {
    compiled = await compileEngine();
    t = await startTestEngine({ API_PROCESSES: '2' }, { apiEntry: path.join(compiled.dir, 'apps', 'api', 'src', 'main.js') });
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    compiled?.remove();
  });

  it('serves the whole API from two processes on one port with the launcher\'s settings', async () => {
    const pids = t.engine.apiPids();
    expect(pids).toHaveLength(2);
    expect(pids).not.toContain(process.pid);
    expect(expectOk(await t.http('GET', '/health', { key: null }))).toMatchObject({ status: 'ok' });

    const mia = await castInfluencer(t, 'mia');
    const productId = await createProduct(t, mia.influencerId);
    const source = await registerSource(t);
    // Sealed by one process, verified by whichever takes the delivery: both share the launcher's key.
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => deliver(t, source, sign(source.secret, voteBody(productId, 'midi', `fan-${i}`)))));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 202));
    const [{ n }] = await t.db.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM votes WHERE product_id = $1`, [productId]);
    expect(n).toBe(20);
  });

  it('answers /metrics for every process together, whichever one takes the scrape', async () => {
    // After the 20 votes above, spread over both processes: counters add up, database gauges count once.
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${t.engine.apiUrl}/metrics`);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toMatch(/^incubator_intake_items_total\{kind="vote",result="written"\} 20$/m);
      expect(text).toMatch(/^incubator_http_request_duration_seconds_count\{method="POST",route="\/webhooks\/votes\/:sourceId",status_code="202"\} 20$/m);
      expect(text).toMatch(/^incubator_products\{stage="POLL"\} 1$/m);
    }
  });

  it('replaces a process that dies and keeps answering meanwhile', async () => {
    const [victim, survivor] = t.engine.apiPids();
    process.kill(victim, 'SIGKILL');
    await eventually('the killed process to be gone', () => !alive(victim));
    expect(expectOk(await t.http('GET', '/health', { key: null }))).toMatchObject({ status: 'ok' });
    const replaced = await eventually('a replacement process', () => {
      const now = t.engine.apiPids();
      return now.length === 2 && !now.includes(victim) ? now : undefined;
    });
    expect(replaced).toContain(survivor);
    expect(expectOk(await t.http<WebhookSourceDto[]>('GET', '/webhook-sources')).length).toBeGreaterThan(0);
  });

  it('stops every API process with the engine, also while one is being replaced', async () => {
    const pids = t.engine.apiPids();
    process.kill(pids[0], 'SIGKILL');
    await eventually('the killed process to be gone', () => !alive(pids[0]));
    const started = Date.now();
    await t.engine.stop();
    expect(pids.filter(alive)).toEqual([]);
    // This test process is the cluster primary: no API process may outlive the engine.
    // A replacement is started 1 s after a death; waiting past that shows none starts after the stop.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(Object.keys(cluster.workers ?? {})).toEqual([]);
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);
});
