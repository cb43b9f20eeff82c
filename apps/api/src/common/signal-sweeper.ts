// Telling a product's workflow about something intake recorded in its own commit (a vote milestone, the
// demand goal reached): signalled in the background right after the commit, so the request never waits for
// Temporal, and re-sent by a periodic sweep of what was recorded but not confirmed (Temporal down, API
// stopped in between). Workflows ignore repeats. Subclasses say what is pending and how to signal it.

import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { productWorkflowId } from '@app/domain';
import { WorkflowNotFoundError, type Client, type WorkflowHandle } from '@temporalio/client';

const SWEEP_EVERY_MS = 5_000;

export abstract class SignalSweeper<T extends { productId: string }> implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private readonly inFlight = new Set<Promise<void>>();
  private sweeping = false;

  protected constructor(
    private readonly temporal: Client,
    /** What is signalled, in log messages ("milestone", "demand goal"). */
    private readonly what: string,
    loggerName: string,
  ) {
    this.logger = new Logger(loggerName);
  }

  /** What was recorded but is not confirmed yet (left alone for a grace period after it was recorded). */
  protected abstract pending(): Promise<T[]>;
  /** Sends the signal for one item to its product's workflow. */
  protected abstract signal(handle: WorkflowHandle, item: T): Promise<void>;
  /** Log fields naming the item. */
  protected abstract describe(item: T): Record<string, unknown>;
  /** After the workflow was told (or has finished): e.g. mark the item confirmed. Must not throw. */
  protected async confirmed(_item: T): Promise<void> {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await Promise.allSettled([...this.inFlight]);
  }

  /** Signals the workflows in the background; intake's answers do not wait for Temporal. */
  announce(items: T[]): void {
    for (const item of items) {
      const sending = this.send(item).finally(() => this.inFlight.delete(sending));
      this.inFlight.add(sending);
    }
  }

  /** Re-sends what was recorded but not confirmed; returns how many were sent. */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    try {
      const pending = await this.pending();
      await Promise.all(pending.map((item) => this.send(item)));
      return pending.length;
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, `${this.what} sweep failed; next sweep retries`);
      return 0;
    } finally {
      this.sweeping = false;
    }
  }

  private async send(item: T): Promise<void> {
    try {
      await this.signal(this.temporal.workflow.getHandle(productWorkflowId(item.productId)), item);
      this.logger.log(this.describe(item), `${this.what} reached`);
    } catch (err) {
      // A workflow that has finished has nothing to be told any more; anything else is retried by the sweep.
      if (!(err instanceof WorkflowNotFoundError)) {
        this.logger.warn({ ...this.describe(item), err: (err as Error).message }, `${this.what} signal failed; the sweep retries`);
        return;
      }
    }
    await this.confirmed(item);
  }
}
