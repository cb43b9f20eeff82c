// Group commit: callers submit items one at a time and each gets its own result, but items that arrive
// while earlier batches are being written go to storage together, in one statement and one commit.
// At low load a batch holds one item and waits for nothing; under load batches grow by themselves.
// Committers of different streams may share their writing slots (FlushSlots): an API process taking votes,
// reservations and orders at once then writes as many batches at a time as it would for one stream, each
// stream's batch gathering while the others write, instead of twice as many batches of half the size (each
// batch costs PostgreSQL a statement and a commit whatever its size).

export interface GroupCommitOptions<T, R> {
  /** Writes one batch and returns one result per item, in order. Rejecting fails every item of the batch. */
  flush: (items: T[]) => Promise<R[]>;
  maxBatchSize: number;
  /** Batches being written at the same time: by this committer alone, or shared with other committers. */
  concurrency: number | FlushSlots;
  /** Told the size of every batch written or failed (the metrics). */
  observe?: BatchObserver;
}

export interface BatchObserver {
  written(items: number): void;
  failed(items: number): void;
}

interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (err: unknown) => void;
}

/**
 * Writing slots shared by several committers: at most `size` batches in flight among them. A committer that
 * finds none free waits in line; a slot given back goes to the first in line, so streams take turns.
 */
export class FlushSlots {
  private free: number;
  private readonly line: (() => void)[] = [];

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error('a committer needs at least one writing slot');
    this.free = size;
  }

  /** Takes a slot if one is free. */
  tryTake(): boolean {
    if (this.free === 0) return false;
    this.free--;
    return true;
  }

  /** Calls `granted` once a slot is this caller's (handed over by `giveBack`). */
  waitFor(granted: () => void): void {
    this.line.push(granted);
  }

  giveBack(): void {
    const next = this.line.shift();
    if (next) next();
    else this.free++;
  }
}

export class GroupCommitter<T, R> {
  private queue: Pending<T, R>[] = [];
  private inFlight = 0;
  private waitingForSlot = false;
  private readonly slots: FlushSlots;
  private scheduled = false;
  private idleWaiters: (() => void)[] = [];
  private closed = false;
  /** Batches written and items in them, for operators and the benchmark. */
  readonly stats = { batches: 0, items: 0, largestBatch: 0 };

  constructor(private readonly opts: GroupCommitOptions<T, R>) {
    if (opts.maxBatchSize < 1) throw new Error('maxBatchSize must be at least 1');
    this.slots = typeof opts.concurrency === 'number' ? new FlushSlots(opts.concurrency) : opts.concurrency;
  }

  submit(item: T): Promise<R> {
    if (this.closed) return Promise.reject(new GroupCommitClosedError());
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Items waiting or being written. */
  get pending(): number {
    return this.queue.length + this.inFlight;
  }

  /** Refuses new items and resolves once everything submitted so far has been written (or failed). */
  async drain(): Promise<void> {
    this.closed = true;
    if (this.queue.length === 0 && this.inFlight === 0) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // Let every request already read in this turn of the event loop join the batch.
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.waitingForSlot) {
      if (this.slots.tryTake()) {
        this.start();
        continue;
      }
      // The batch keeps gathering while it waits for its turn (only start() takes from the queue, so it is
      // still there when the slot comes).
      this.waitingForSlot = true;
      this.slots.waitFor(() => {
        this.waitingForSlot = false;
        this.start();
        this.pump();
      });
    }
  }

  /** Writes the next batch in a slot already taken. */
  private start(): void {
    const batch = this.queue.splice(0, this.opts.maxBatchSize);
    this.inFlight++;
    void this.write(batch).finally(() => {
      this.inFlight--;
      this.slots.giveBack();
      if (this.queue.length > 0) this.pump();
      else if (this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    });
  }

  private async write(batch: Pending<T, R>[]): Promise<void> {
    this.stats.batches++;
    this.stats.items += batch.length;
    this.stats.largestBatch = Math.max(this.stats.largestBatch, batch.length);
    try {
      const results = await this.opts.flush(batch.map((p) => p.item));
      if (results.length !== batch.length) throw new Error(`flush returned ${results.length} results for ${batch.length} items`);
      this.opts.observe?.written(batch.length);
      batch.forEach((p, i) => p.resolve(results[i]));
    } catch (err) {
      this.opts.observe?.failed(batch.length);
      for (const p of batch) p.reject(err);
    }
  }
}

export class GroupCommitClosedError extends Error {
  constructor() {
    super('the API is shutting down and takes no more votes');
  }
}
