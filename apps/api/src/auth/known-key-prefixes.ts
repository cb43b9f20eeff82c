// The prefixes of every issued API key, so a presented key whose prefix is not among them is refused
// without a key lookup, however many garbage keys arrive. The set is loaded again when it is older than
// API_KEY_CACHE_TTL, and on a miss when it is older than MISS_RELOAD_MS: a key issued through another API
// process works here within about a second, and garbage keys cost at most one load of the prefixes a second.

import { PromiseCache } from '../common/promise-cache';

/** A miss reloads a set at least this old. */
export const MISS_RELOAD_MS = 1_000;

export class KnownKeyPrefixes {
  // One entry: the whole set, shared by concurrent callers, forgotten when its load fails.
  private readonly cache: PromiseCache<'prefixes', Set<string>>;
  /** The set last loaded, which keys issued by this process join at once. */
  private current: Set<string> | undefined;
  /** When the last load began (it may still be running). */
  private lastLoadStart = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly load: () => Promise<string[]>,
    ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.cache = new PromiseCache({ maxEntries: 1, ttlMs: () => ttlMs, now });
  }

  /**
   * Whether a key with this prefix may exist. A prefix in the set is looked up as before (the row decides);
   * one missing from it is looked for again in a fresh set when the set is older than MISS_RELOAD_MS.
   */
  async mayExist(prefix: string): Promise<boolean> {
    if (this.current?.has(prefix)) return true;
    if ((await this.prefixes()).has(prefix)) return true;
    // A miss: look again in a fresh set, unless the last load began less than MISS_RELOAD_MS ago (concurrent
    // misses then share the load one of them started).
    if (this.now() - this.lastLoadStart >= MISS_RELOAD_MS) this.cache.delete('prefixes');
    return (await this.prefixes()).has(prefix);
  }

  /** A key issued by this process is known at once. */
  add(prefix: string): void {
    this.current?.add(prefix);
  }

  private prefixes(): Promise<Set<string>> {
    return this.cache.get('prefixes', async () => {
      this.lastLoadStart = this.now();
      const loaded = new Set(await this.load());
      this.current = loaded;
      return loaded;
    });
  }
}
