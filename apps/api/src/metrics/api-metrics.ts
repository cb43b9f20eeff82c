// What an API process tells Prometheus: HTTP latency per route and status, intake (votes, reservations, shop
// deliveries) with its group-commit batch sizes, and, read from PostgreSQL when scraped, products by stage and
// deliveries by channel and status. Each API has a registry of its own (a test runs several in one process);
// with API_PROCESSES > 1 the launcher adds the processes' metrics up (cluster-metrics.ts).

import { Logger } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { BatchObserver } from '../votes/group-commit';

/** The intake streams that write through a group committer. */
export type IntakeKind = 'vote' | 'reservation' | 'shop_delivery';


// Seconds: from a cached read (about a millisecond) to a Temporal update that waits on a busy worker.
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const BATCH_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

export class ApiMetrics {
  readonly registry = new Registry();
  private readonly logger = new Logger('Metrics');
  private readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  private readonly intakeItems: Counter<'kind' | 'result'>;
  private readonly intakeBatchSize: Histogram<'kind'>;

  constructor(dataSource: DataSource) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'incubator_api_' });
    this.httpDuration = new Histogram({
      name: 'incubator_http_request_duration_seconds',
      help: 'Time from receiving an HTTP request to finishing its answer, per route template, method and status.',
      labelNames: ['method', 'route', 'status_code'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.intakeItems = new Counter({
      name: 'incubator_intake_items_total',
      help: 'Votes, reservations and shop deliveries written to PostgreSQL by group commit (result: written, or failed when the batch statement failed and the senders got 503).',
      labelNames: ['kind', 'result'],
      registers,
    });
    this.intakeBatchSize = new Histogram({
      name: 'incubator_intake_batch_size',
      help: 'Items per group-commit batch: one statement and one commit each.',
      labelNames: ['kind'],
      buckets: BATCH_BUCKETS,
      registers,
    });
    const collectErrors = new Counter({
      name: 'incubator_metrics_collect_errors_total',
      help: 'Scrapes whose gauges read from PostgreSQL could not be read (the gauges then keep their last values).',
      registers,
    });
    // Read from PostgreSQL at scrape time: the same in every process, so processes are not added up ('max').
    const fromDatabase = async (gauge: Gauge<string>, name: string, sql: string, labels: (row: Record<string, string>) => Record<string, string>) => {
      try {
        const rows: (Record<string, string> & { n: number })[] = await dataSource.query(sql);
        gauge.reset();
        for (const row of rows) gauge.set(labels(row), Number(row.n));
      } catch (err) {
        collectErrors.inc();
        this.logger.warn(`could not read ${name} from PostgreSQL: ${(err as Error).message}`);
      }
    };
    new Gauge({
      name: 'incubator_products',
      help: 'Products by lifecycle stage.',
      labelNames: ['stage'],
      aggregator: 'max',
      registers,
      async collect() {
        await fromDatabase(this, 'products by stage', `SELECT stage, count(*)::int AS n FROM products GROUP BY stage`, (r) => ({ stage: r.stage }));
      },
    });
    new Gauge({
      name: 'incubator_deliveries',
      help: 'Social-update deliveries by channel kind, platform and status (pending: still being sent or retried).',
      labelNames: ['channel', 'platform', 'status'],
      aggregator: 'max',
      registers,
      async collect() {
        await fromDatabase(
          this,
          'deliveries by channel and status',
          `SELECT c.kind AS channel, c.platform, d.status, count(*)::int AS n FROM deliveries d JOIN channels c ON c.id = d.channel_id GROUP BY 1, 2, 3`,
          (r) => ({ channel: r.channel, platform: r.platform, status: r.status }),
        );
      },
    });
  }

  /** Records one finished request; `route` is the route's template (`/products/:id`), never the raw URL. */
  observeRequest(method: string, route: string | undefined, statusCode: number, elapsedMs: number): void {
    this.httpDuration.labels(method, route ?? 'unmatched', String(statusCode)).observe(elapsedMs / 1000);
  }

  batchObserver(kind: IntakeKind): BatchObserver {
    const written = this.intakeItems.labels(kind, 'written');
    const failed = this.intakeItems.labels(kind, 'failed');
    const size = this.intakeBatchSize.labels(kind);
    return {
      written: (items) => {
        written.inc(items);
        size.observe(items);
      },
      failed: (items) => {
        failed.inc(items);
        size.observe(items);
      },
    };
  }
}
