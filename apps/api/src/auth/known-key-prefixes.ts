// The prefixes of every issued API key, loaded at most once per API_KEY_CACHE_TTL: a presented key whose
// prefix is not among them is refused without a database query, however many garbage keys arrive.

import { PromiseCache } from '../common/promise-cache';

export class KnownKeyPrefixes {
  // One entry: the whole set, shared by concurrent callers, forgotten when its load fails.
  private readonly cache: PromiseCache<'prefixes', Set<string>>;
  /** The set last loaded, which keys issued by this process join at once. */
  private current: Set<string> | undefined;

  constructor(
    private readonly load: () => Promise<string[]>,
    ttlMs: number,
    now: () => number = Date.now,
  ) {
    this.cache = new PromiseCache({ maxEntries: 1, ttlMs: () => ttlMs, now });
  }

  /**
   * Whether a key with this prefix may exist. A prefix in the set is looked up as before (the row decides);
   * one missing from a set younger than the TTL is unknown. An older set is loaded again first, so a key
   * issued by another API process is known here at most one TTL (and one load) after it was issued.
   */
  async mayExist(prefix: string): Promise<boolean> {
    if (this.current?.has(prefix)) return true;
    const prefixes = await this.cache.get('prefixes', async () => {
      this.current = new Set(await this.load());
      return this.current;
    });
    return prefixes.has(prefix);
  }

  /** A key issued by this process is known at once. */
  add(prefix: string): void {
    this.current?.add(prefix);
  }
}
