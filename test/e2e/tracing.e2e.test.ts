// OpenTelemetry traces end to end, exported by OTLP/HTTP to a collector stand-in on loopback: one staff action,
// sent with a W3C traceparent, must come back as one trace — the API's HTTP span under the caller's, the
// Temporal client's update span under it, the workflow's handling of the update under that, and the activities
// the update ran under the workflow — every span reaching the caller's through its parents.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Resource } from '@opentelemetry/resources';
import { NoopSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { makeWorkflowExporter } from '@temporalio/interceptors-opentelemetry/lib/worker';
import { Worker } from '@temporalio/worker';
import { productWorkflowId, TRACED_MEMO_KEY } from '../../libs/domain';
import type { ProductDto } from '../support/api-types';
import { castInfluencer, createProduct, driveToLaunch } from '../support/product-flow';
import { eventually, startTestEngine, temporalClient, type TestEngine } from '../support/stack';
import { settledHistory } from '../support/workflow-harness';
import { expectOk } from './e2e-helpers';

interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
}

/** OTLP/JSON ids are hex; some exporters write them base64. */
const hex = (id: string | undefined) => (!id ? undefined : /^[0-9a-f]+$/.test(id) ? id : Buffer.from(id, 'base64').toString('hex'));

describe('OpenTelemetry traces (OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  const spans: ExportedSpan[] = [];
  let collector: Server;
  let t: TestEngine;

  beforeAll(async () => {
    collector = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        if (req.url === '/v1/traces') {
          const parsed = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: ExportedSpan[] }[] }[] };
          for (const rs of parsed.resourceSpans) {
            for (const ss of rs.scopeSpans) {
              for (const s of ss.spans) spans.push({ name: s.name, traceId: hex(s.traceId)!, spanId: hex(s.spanId)!, parentSpanId: hex(s.parentSpanId) || undefined });
            }
          }
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    t = await startTestEngine({ OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}` });
  });
  afterAll(async () => {
    await t?.stop();
    collector?.close();
  });

  it('links one request from its HTTP span through the Temporal client into the workflow and its activities', async () => {
    const mia = await castInfluencer(t, 'mia');
    const productId = await createProduct(t, mia.influencerId);
    const traceId = randomBytes(16).toString('hex');
    const callerSpan = randomBytes(8).toString('hex');
    expectOk(await t.http('POST', `/products/${productId}/poll/close`, { headers: { traceparent: `00-${traceId}-${callerSpan}-01` } }));

    const trace = await eventually('the whole trace at the collector', () => {
      const mine = spans.filter((s) => s.traceId === traceId);
      const names = mine.map((s) => s.name);
      const complete = names.includes('POST /products/:id/poll/close') && names.some((n) => n.startsWith('HandleUpdate:')) && names.some((n) => n.startsWith('RunActivity:'));
      return complete ? mine : undefined;
    });

    const byId = new Map(trace.map((s) => [s.spanId, s]));
    const named = (prefix: string) => trace.filter((s) => s.name.startsWith(prefix));
    const [http] = named('POST /products/:id/poll/close');
    expect(http.parentSpanId).toBe(callerSpan);
    const [client] = named('StartWorkflowUpdate:');
    expect(client.parentSpanId).toBe(http.spanId);
    const [handler] = named('HandleUpdate:');
    expect(handler.parentSpanId).toBe(client.spanId);
    // Every span of the trace hangs from the caller's span through its parents: nothing came loose.
    const ancestors = (s: ExportedSpan): string[] => (s.parentSpanId && byId.has(s.parentSpanId) ? [s.parentSpanId, ...ancestors(byId.get(s.parentSpanId)!)] : s.parentSpanId ? [s.parentSpanId] : []);
    for (const s of trace) expect([s.name, ancestors(s).at(-1)]).toEqual([s.name, callerSpan]);
    // The activities the update ran sit under the workflow's handling of it.
    const activities = named('RunActivity:');
    expect(activities.length).toBeGreaterThan(0);
    for (const a of activities) expect(ancestors(a)).toContain(handler.spanId);
  });

  it('marks a product started with tracing on, and its whole traced lifecycle replays on the production bundle with tracing off', async () => {
    const mia = await castInfluencer(t, 'ria');
    const productId = await createProduct(t, mia.influencerId);
    expectOk(await t.http('POST', `/products/${productId}/poll/close`));
    const client = await temporalClient();
    const handle = client.workflow.getHandle(productWorkflowId(productId));
    // Started with tracing on: marked in its memo, so its workflow-side interceptors run for its whole run.
    expect((await handle.describe()).memo).toEqual({ [TRACED_MEMO_KEY]: true });
    // Through its whole lifecycle, traced: updates, activities, timers, the launch.
    await driveToLaunch(t, mia, productId, 1_000, 'DESIGN');
    await eventually('the product on sale', async () => (await t.http<ProductDto>('GET', `/products/${productId}`)).body.stage === 'ON_SALE');
    // Replayed from a settled point: a history that ends inside a workflow task would run that task's rest as new work.
    const history = await settledHistory(handle);
    // The production bundle replays it on a worker with tracing off (its spans are dropped); untraced histories
    // (test/replay's fixtures, recorded before tracing existed) replay on the same bundle there.
    await Worker.runReplayHistory({ workflowBundle: { codePath: process.env.TEST_WORKFLOW_BUNDLE! }, sinks: { exporter: makeWorkflowExporter(new NoopSpanProcessor(), Resource.empty()) } }, history);
  });
});
