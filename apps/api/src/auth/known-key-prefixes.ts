// The prefixes of every issued API key, loaded at most once per API_KEY_CACHE_TTL: a presented key whose
// prefix is not among them is refused without a database query, however many garbage keys arrive.

export class KnownKeyPrefixes {
  private loaded: { prefixes: Set<string>; expires: number } | null = null;
  private loading: Promise<Set<string>> | null = null;

  constructor(
    private readonly load: () => Promise<string[]>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Whether a key with this prefix may exist. A prefix in the set is looked up as before (the row decides);
   * one missing from a set younger than the TTL is unknown. An older set is loaded again first, so a key
   * issued by another API process is known here at most one TTL after it was issued.
   */
  async mayExist(prefix: string): Promise<boolean> {
    if (this.loaded?.prefixes.has(prefix)) return true;
    if (this.loaded && this.loaded.expires > this.now()) return false;
    return (await this.reload()).has(prefix);
  }

  /** A key issued by this process is known at once. */
  add(prefix: string): void {
    this.loaded?.prefixes.add(prefix);
  }

  // Concurrent callers share one load; a failed load is not kept (the next caller tries again).
  private reload(): Promise<Set<string>> {
    // Counted from the query's start: a key committed after it began is missing for at most one TTL.
    const started = this.now();
    this.loading ??= this.load()
      .then((list) => {
        const prefixes = new Set(list);
        this.loaded = { prefixes, expires: started + this.ttlMs };
        return prefixes;
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }
}
