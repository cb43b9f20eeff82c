// Tells a product's workflow about its stock (salesReported) after order intake committed something that
// matters: a variant sold out or came back, or sell-through reached the restock threshold at a total
// produced not reported yet (libs/shop decideSalesReport). In the background and retried a few times; what
// was reported is marked only once the signal got through, so a lost signal is sent again by the next
// order, cancellation or refund of the product. The workflow ignores what it already knows.

import { Injectable, Logger, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { OrderRepository, VariantStockRepository } from '@app/database';
import { productWorkflowId, salesReported } from '@app/domain';
import { buildSalesReport, decideSalesReport } from '@app/shop';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { TEMPORAL_CLIENT } from '../common/tokens';

/** unitsPerDay is net units over this many days ÷ days. */
export const SALES_RATE_DAYS = 7;
const ATTEMPTS = 3;
/** At most one check per product this often, however many orders it gets. */
const CHECK_EVERY_MS = 250;
const RETRY_AFTER_MS = [250, 1_000];

@Injectable()
export class SalesReporter implements OnApplicationShutdown {
  private readonly logger = new Logger('SalesReports');
  private readonly inFlight = new Set<Promise<void>>();
  /** Products with a check running, or waiting for CHECK_EVERY_MS to pass since the last one began. */
  private readonly busy = new Map<string, { startedAt: number; again: boolean; timer?: NodeJS.Timeout }>();

  constructor(
    private readonly stock: VariantStockRepository,
    private readonly orders: OrderRepository,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    for (const b of this.busy.values()) clearTimeout(b.timer);
    await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Checks each product after a commit; never throws into the request that committed. A product busy with
   * orders is checked at most once per CHECK_EVERY_MS: what committed meanwhile is covered by the next check.
   */
  check(productIds: string[]): void {
    for (const productId of productIds) {
      const busy = this.busy.get(productId);
      if (busy) {
        busy.again = true;
        continue;
      }
      this.start(productId);
    }
  }

  private start(productId: string): void {
    const entry: { startedAt: number; again: boolean; timer?: NodeJS.Timeout } = { startedAt: Date.now(), again: false };
    this.busy.set(productId, entry);
    const running = this.report(productId)
      .catch((err: Error) => this.logger.warn({ productId, err: err.message }, 'sales report failed; the next order of the product reports again'))
      .finally(() => {
        this.inFlight.delete(running);
        const wait = Math.max(0, entry.startedAt + CHECK_EVERY_MS - Date.now());
        entry.timer = setTimeout(() => {
          this.busy.delete(productId);
          if (entry.again) this.start(productId);
        }, wait);
        entry.timer.unref();
      });
    this.inFlight.add(running);
  }

  private async report(productId: string): Promise<void> {
    const [rows, sales] = await Promise.all([this.stock.listForProduct(productId), this.orders.saleStates([productId])]);
    const sale = sales.get(productId);
    const decision = decideSalesReport(rows, sale?.sales?.restockThreshold);
    if (!decision) return;
    const report = buildSalesReport(rows, await this.orders.recentNetUnits(productId, SALES_RATE_DAYS), SALES_RATE_DAYS, new Date());
    for (let attempt = 1; ; attempt++) {
      try {
        await this.temporal.workflow.getHandle(productWorkflowId(productId)).signal(salesReported, report);
        break;
      } catch (err) {
        // No running workflow (not started by this engine, or finished): nothing to tell, nothing marked.
        if (err instanceof WorkflowNotFoundError) {
          this.logger.warn({ productId }, 'sales report not delivered: the product has no running workflow');
          return;
        }
        if (attempt >= ATTEMPTS) throw err;
        await new Promise((r) => setTimeout(r, RETRY_AFTER_MS[attempt - 1]));
      }
    }
    await this.stock.markReported(productId, decision.soldOut, decision.restockAtProduced);
    this.logger.log({ productId, sellThrough: decision.sellThrough, soldOut: decision.soldOut.filter((v) => v.soldOut).map((v) => v.variantId) }, 'sales reported');
  }
}
