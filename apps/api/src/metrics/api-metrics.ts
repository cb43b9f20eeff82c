// What an API process tells Prometheus: HTTP latency per route and status, intake (votes, reservations, shop
// deliveries) with its group-commit batch sizes, and, read from PostgreSQL when scraped, products by stage,
// deliveries by channel and status, and what products wait for and for how long. Each API has a registry of
// its own (a test runs several in one process); with API_PROCESSES > 1 the launcher adds the processes' metrics
// up (cluster-metrics.ts).

import { Logger } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@app/config';
import { FlushSlots, GroupCommitter, type BatchObserver } from '../votes/group-commit';

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
  /** The writing slots every intake committer of this API shares (VOTE_FLUSH_CONCURRENCY). */
  private flushSlots?: FlushSlots;

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
    // A read that fails leaves the gauge's last values and counts the failure.
    const logger = this.logger;
    const fromDatabase = (name: string, help: string, labelNames: string[], read: () => Promise<{ labels: Record<string, string>; value: number }[]>) =>
      new Gauge({
        name,
        help,
        labelNames,
        aggregator: 'max',
        registers,
        async collect() {
          try {
            const samples = await read();
            this.reset();
            for (const { labels, value } of samples) this.set(labels, value);
          } catch (err) {
            collectErrors.inc();
            logger.warn(`could not read ${name} from PostgreSQL: ${(err as Error).message}`);
          }
        },
      });
    fromDatabase('incubator_products', 'Products by lifecycle stage.', ['stage'], async () => {
      const rows: { stage: string; n: number }[] = await dataSource.query(`SELECT stage, count(*)::int AS n FROM products GROUP BY stage`);
      return rows.map((r) => ({ labels: { stage: r.stage }, value: r.n }));
    });
    // What each product waits for (products.pending_action) and since when: its last timeline event, the
    // moment the current wait began (the product's row when it has none yet). One read for both gauges.
    const waiting = ApiMetrics.sharedRead(
      async (): Promise<{ by: string; action: string; n: number; oldest: number }[]> =>
        dataSource.query(
          `SELECT p.pending_action ->> 'by' AS by, p.pending_action ->> 'action' AS action, count(*)::int AS n,
                  max(extract(epoch FROM now() - coalesce(t.at, p.updated_at)))::float8 AS oldest
           FROM products p
           LEFT JOIN LATERAL (SELECT e.occurred_at AS at FROM timeline_events e WHERE e.product_id = p.id ORDER BY e.seq DESC LIMIT 1) t ON true
           WHERE p.pending_action ->> 'by' IS NOT NULL
           GROUP BY 1, 2`,
        ),
    );
    fromDatabase(
      'incubator_actions_waiting',
      'Products by who must act next (staff, influencer, fans while a poll or demand window is open, or the engine itself) and action.',
      ['by', 'action'],
      async () => (await waiting()).map((r) => ({ labels: { by: r.by, action: r.action }, value: r.n })),
    );
    fromDatabase(
      'incubator_action_oldest_wait_seconds',
      'How long the longest-waiting of them has waited for this action (since its last timeline event): a stuck stage shows here.',
      ['by', 'action'],
      async () => (await waiting()).map((r) => ({ labels: { by: r.by, action: r.action }, value: r.oldest })),
    );
    fromDatabase(
      'incubator_deliveries',
      'Social-update deliveries by channel kind, platform and status (pending: still being sent or retried).',
      ['channel', 'platform', 'status'],
      async () => {
        const rows: { channel: string; platform: string; status: string; n: number }[] = await dataSource.query(
          `SELECT c.kind AS channel, c.platform, d.status, count(*)::int AS n FROM deliveries d JOIN channels c ON c.id = d.channel_id GROUP BY 1, 2, 3`,
        );
        return rows.map((r) => ({ labels: { channel: r.channel, platform: r.platform, status: r.status }, value: r.n }));
      },
    );
  }

  /** Read once for the gauges that share it, then reused for a second (one scrape reads each gauge in turn). */
  private static sharedRead<T>(read: () => Promise<T>): () => Promise<T> {
    let last: { at: number; value: Promise<T> } | undefined;
    return () => {
      if (!last || Date.now() - last.at > 1_000) last = { at: Date.now(), value: read() };
      return last.value;
    };
  }

  /** Records one finished request; `route` is the route's template (`/products/:id`), never the raw URL. */
  observeRequest(method: string, route: string | undefined, statusCode: number, elapsedMs: number): void {
    this.httpDuration.labels(method, route ?? 'unmatched', String(statusCode)).observe(elapsedMs / 1000);
  }

  /**
   * The committer of one intake stream: the vote batch settings (VOTE_BATCH_MAX_SIZE, VOTE_FLUSH_CONCURRENCY)
   * fit all three, whose statements are of the same kind and size; every batch is counted under `kind`.
   * The three share VOTE_FLUSH_CONCURRENCY writing slots: votes, reservations and orders arriving together
   * are written in batches as large as one stream's alone (bench:votes' mix measured 11 reservations a
   * batch with a slot each, 25 alone; PostgreSQL's cost per item nearly doubled).
   */
  intakeCommitter<T, R>(kind: IntakeKind, config: AppConfig, flush: (items: T[]) => Promise<R[]>): GroupCommitter<T, R> {
    this.flushSlots ??= new FlushSlots(config.votes.flushConcurrency);
    return new GroupCommitter({ flush, maxBatchSize: config.votes.batchMaxSize, concurrency: this.flushSlots, observe: this.batchObserver(kind) });
  }

  private batchObserver(kind: IntakeKind): BatchObserver {
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
