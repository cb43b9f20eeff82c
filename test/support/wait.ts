// Waiting on the real stack without sleeping blindly: poll a check until it holds, or fail saying what
// never happened. Plain Node (no jest globals), shared by the suites and the benchmarks.

/** Waits until `check` returns a value that is not undefined/false, polling every `intervalMs`; fails with `what` on timeout. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 20_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${lastError ? `: ${(lastError as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
