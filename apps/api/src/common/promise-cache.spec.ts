import { PromiseCache } from './promise-cache';

describe('PromiseCache', () => {
  it('shares one load among concurrent callers and keeps the value for its TTL', async () => {
    let loads = 0;
    const cache = new PromiseCache<string, number>({ maxEntries: 10, ttlMs: () => 60_000 });
    const load = async () => ++loads;
    expect(await Promise.all([cache.get('a', load), cache.get('a', load)])).toEqual([1, 1]);
    expect(await cache.get('a', load)).toBe(1);
    expect(loads).toBe(1);
  });

  it('reloads once the value expired, handing the loader the value it replaces', async () => {
    const cache = new PromiseCache<string, number>({ maxEntries: 10, ttlMs: (v) => (v === 1 ? 0 : 60_000) });
    expect(await cache.get('a', async () => 1)).toBe(1);
    await new Promise((r) => setImmediate(r));
    let previous: number | undefined;
    expect(await cache.get('a', async (p) => ((previous = p), 2))).toBe(2);
    expect(previous).toBe(1);
  });

  it('forgets a failed load so the next caller tries again', async () => {
    const cache = new PromiseCache<string, number>({ maxEntries: 10, ttlMs: () => 60_000 });
    await expect(cache.get('a', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await new Promise((r) => setImmediate(r));
    expect(await cache.get('a', async () => 3)).toBe(3);
  });

  it('makes room by dropping the oldest entry', async () => {
    const cache = new PromiseCache<string, string>({ maxEntries: 2, ttlMs: () => 60_000 });
    for (const k of ['a', 'b', 'c']) await cache.get(k, async () => k);
    let reloaded = false;
    await cache.get('a', async () => ((reloaded = true), 'a'));
    expect(reloaded).toBe(true);
  });
});
