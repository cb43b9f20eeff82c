// The set of issued key prefixes: unknown prefixes cost at most one load of the set a second, and a key
// issued elsewhere is known within a second.
import { KnownKeyPrefixes, MISS_RELOAD_MS } from './known-key-prefixes';

function setUp(initial: string[], ttlMs = 10_000) {
  const table = [...initial];
  let loads = 0;
  let clock = 1_000_000;
  const known = new KnownKeyPrefixes(
    async () => {
      loads += 1;
      return [...table];
    },
    ttlMs,
    () => clock,
  );
  return {
    known,
    table,
    loads: () => loads,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

describe('KnownKeyPrefixes', () => {
  it('loads the prefixes once for any number of unknown prefixes within a second', async () => {
    const s = setUp(['aaaaaaaaaaaa']);
    for (let i = 0; i < 1_000; i++) expect(await s.known.mayExist(`garbage${String(i).padStart(5, '0')}`)).toBe(false);
    expect(await s.known.mayExist('aaaaaaaaaaaa')).toBe(true);
    expect(s.loads()).toBe(1);
  });

  it('loads the prefixes at most once a second however many unknown prefixes arrive', async () => {
    const s = setUp(['aaaaaaaaaaaa']);
    for (let i = 0; i < 1_000; i++) {
      expect(await s.known.mayExist(`garbage${String(i).padStart(5, '0')}`)).toBe(false);
      s.advance(10);
    }
    // 10 s of garbage: the first load and at most one more per MISS_RELOAD_MS.
    expect(s.loads()).toBeLessThanOrEqual(1 + 10_000 / MISS_RELOAD_MS);
    expect(s.loads()).toBeGreaterThan(1);
  });

  it('shares one load among concurrent callers', async () => {
    const s = setUp([]);
    await Promise.all(Array.from({ length: 50 }, () => s.known.mayExist('nothinghere0')));
    expect(s.loads()).toBe(1);
  });

  it('knows a prefix issued elsewhere within a second, long before the TTL', async () => {
    const s = setUp([], 10_000);
    expect(await s.known.mayExist('bbbbbbbbbbbb')).toBe(false);
    s.table.push('bbbbbbbbbbbb');
    s.advance(MISS_RELOAD_MS - 1);
    expect(await s.known.mayExist('bbbbbbbbbbbb')).toBe(false);
    s.advance(1);
    expect(await s.known.mayExist('bbbbbbbbbbbb')).toBe(true);
    expect(s.loads()).toBe(2);
  });

  it('shares one reload among concurrent misses', async () => {
    const s = setUp([]);
    expect(await s.known.mayExist('eeeeeeeeeeee')).toBe(false);
    s.advance(MISS_RELOAD_MS);
    s.table.push('eeeeeeeeeeee');
    const answers = await Promise.all(Array.from({ length: 50 }, () => s.known.mayExist('eeeeeeeeeeee')));
    expect(answers.every(Boolean)).toBe(true);
    expect(s.loads()).toBe(2);
  });

  it('knows a prefix issued by this process at once', async () => {
    const s = setUp([]);
    expect(await s.known.mayExist('cccccccccccc')).toBe(false);
    s.known.add('cccccccccccc');
    expect(await s.known.mayExist('cccccccccccc')).toBe(true);
    expect(s.loads()).toBe(1);
  });

  it('does not keep a failed load: the next caller loads again', async () => {
    let fail = true;
    let loads = 0;
    const known = new KnownKeyPrefixes(async () => {
      loads += 1;
      if (fail) throw new Error('database down');
      return ['dddddddddddd'];
    }, 10_000);
    await expect(known.mayExist('dddddddddddd')).rejects.toThrow('database down');
    fail = false;
    expect(await known.mayExist('dddddddddddd')).toBe(true);
    expect(loads).toBe(2);
  });
});
