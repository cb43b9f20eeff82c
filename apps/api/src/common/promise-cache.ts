// A small in-process cache of asynchronous look-ups: concurrent callers share one load, a value lives for
// a time that may depend on it, a failed load is forgotten (the next caller tries again), and the oldest
// entry makes room when the cache is full.

export interface PromiseCacheOptions<V> {
  maxEntries: number;
  /** How long a loaded value is kept. */
  ttlMs: (value: V) => number;
  /** How long callers share a load that has not settled yet before one starts another. */
  pendingMs?: number;
  /** The clock (tests move it by hand). */
  now?: () => number;
}

interface Entry<V> {
  expires: number;
  value: Promise<V>;
  settled?: { value: V };
}

export class PromiseCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();

  private readonly now: () => number;

  constructor(private readonly opts: PromiseCacheOptions<V>) {
    this.now = opts.now ?? Date.now;
  }

  /** The cached value, or `load`'s; `load` gets the value it replaces, if there was one. */
  get(key: K, load: (previous: V | undefined) => Promise<V>): Promise<V> {
    const now = this.now();
    const cached = this.entries.get(key);
    if (cached && cached.expires > now) return cached.value;
    if (!cached && this.entries.size >= this.opts.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    const entry: Entry<V> = { expires: now + (this.opts.pendingMs ?? 10_000), value: load(cached?.settled?.value) };
    this.entries.set(key, entry);
    entry.value.then(
      (value) => {
        entry.settled = { value };
        entry.expires = this.now() + this.opts.ttlMs(value);
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return entry.value;
  }

  delete(key: K): void {
    this.entries.delete(key);
  }
}
