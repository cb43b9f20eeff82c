// Where Prometheus scrapes an API process. With METRICS_PORT set (deployments), on a listener of its own on
// METRICS_HOST:METRICS_PORT, which the reverse proxy does not publish; the API's port then has no /metrics.
// Without it (`npm start`), at /metrics on the API's own port, answered only to loopback callers (the
// socket's address, never X-Forwarded-For) that came through no proxy: a quick look from the machine the
// engine runs on. A reverse proxy on the same machine connects from loopback too, and adds forwarding headers.
// With API_PROCESSES > 1 every process answers with the sum of all of them (cluster-metrics.ts).

import type { AppConfig } from '@app/config';
import type { FastifyInstance } from 'fastify';
import * as http from 'node:http';
import type { ApiMetrics } from './api-metrics';
import { clusterMetricsText, joinClusterMetrics } from './cluster-metrics';

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip', 'x-forwarded-host'];

/** A caller on this machine, not relayed by a proxy (which would add one of the forwarding headers). */
export function isLocalCaller(address: string | undefined, headers: Record<string, unknown>): boolean {
  return isLoopback(address) && FORWARDING_HEADERS.every((h) => headers[h] === undefined);
}

const WORKER_METRICS_TIMEOUT_MS = 2_000;

/** The in-process worker's SDK metrics (npm start), or a comment saying why they are missing from this scrape. */
async function workerMetricsText(url: string): Promise<string> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(WORKER_METRICS_TIMEOUT_MS) });
    if (!res.ok) throw new Error(`answered ${res.status}`);
    return await res.text();
  } catch (err) {
    return `# the worker's Temporal SDK metrics could not be read: ${(err as Error).message.replace(/\s+/g, ' ')}\n`;
  }
}

export async function exposeMetrics(fastify: FastifyInstance, metrics: ApiMetrics, config: AppConfig): Promise<void> {
  joinClusterMetrics(metrics.registry);
  const workerUrl = config.metrics.workerUrl;
  const text = async () => {
    const [api, worker] = await Promise.all([clusterMetricsText(metrics.registry), workerUrl ? workerMetricsText(workerUrl) : '']);
    return api + worker;
  };
  // Every finished request, by its route's template: bounded labels whatever URLs clients send.
  fastify.addHook('onResponse', (req, reply, done) => {
    metrics.observeRequest(req.method, req.routeOptions.url, reply.statusCode, reply.elapsedTime);
    done();
  });

  if (config.metrics.port === undefined) {
    fastify.get('/metrics', async (req, reply) => {
      // Anyone else gets the API's own 404, as for any route that does not exist.
      if (!isLocalCaller(req.socket.remoteAddress, req.headers)) return reply.callNotFound();
      return reply.type(metrics.registry.contentType).send(await text());
    });
    return;
  }

  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Only GET /metrics is served here.\n');
      return;
    }
    text().then(
      (body) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body),
      (err: Error) => res.writeHead(503, { 'content-type': 'text/plain' }).end(`metrics unavailable: ${err.message}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.metrics.port, config.metrics.host, () => resolve());
  });
  fastify.addHook('onClose', (_instance, done) => void server.close(() => done()));
}
