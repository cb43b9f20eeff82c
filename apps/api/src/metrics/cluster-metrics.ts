// API_PROCESSES > 1: the processes share one port, so a scrape reaches any one of them, which answers for
// all. It asks the launcher (the cluster's primary), which collects every process's registry through
// prom-client's AggregatorRegistry and adds them up: counters and histograms summed, the gauges read from
// PostgreSQL taken once ('max'), the processes' own resource metrics summed.

import cluster, { type Worker as ClusterWorker } from 'node:cluster';
import { AggregatorRegistry, type PrometheusContentType, type Registry } from 'prom-client';

export type MetricsMessage = { type: 'metrics-request'; id: number } | { type: 'metrics'; id: number; text?: string; error?: string };

const ANSWER_TIMEOUT_MS = 5_000;
let joined = false;
let nextId = 0;
let aggregator: AggregatorRegistry<PrometheusContentType> | undefined;

/** In a cluster worker: lets the primary read `registry` (prom-client answers its requests). */
export function joinClusterMetrics(registry: Registry): void {
  if (!cluster.isWorker || joined) return;
  joined = true;
  AggregatorRegistry.setRegistries([registry]);
  // Constructing one installs prom-client's answering listener in this process.
  new AggregatorRegistry();
}

/** The text to answer a scrape with: this process's metrics, or in a cluster worker all processes'. */
export function clusterMetricsText(registry: Registry): Promise<string> {
  if (!cluster.isWorker || !process.send) return registry.metrics();
  const id = ++nextId;
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => finish(() => reject(new Error('the launcher did not answer with the processes’ metrics'))), ANSWER_TIMEOUT_MS);
    const onMessage = (msg: MetricsMessage) => {
      if (msg?.type !== 'metrics' || msg.id !== id) return;
      finish(() => (msg.text !== undefined ? resolve(msg.text) : reject(new Error(msg.error ?? 'no metrics'))));
    };
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      process.off('message', onMessage);
      settle();
    };
    process.on('message', onMessage);
    process.send!({ type: 'metrics-request', id } satisfies MetricsMessage);
  });
}

/** In the primary: answers `worker`'s requests with every process's metrics added up. */
export function serveClusterMetrics(worker: ClusterWorker): void {
  aggregator ??= new AggregatorRegistry();
  const registry = aggregator;
  worker.on('message', (msg: MetricsMessage) => {
    if (msg?.type !== 'metrics-request') return;
    registry.clusterMetrics().then(
      (text: string) => worker.isConnected() && worker.send({ type: 'metrics', id: msg.id, text } satisfies MetricsMessage),
      (err: Error) => worker.isConnected() && worker.send({ type: 'metrics', id: msg.id, error: err.message } satisfies MetricsMessage),
    );
  });
}
