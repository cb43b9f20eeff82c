import { isEntityId, newId, randomPoolBytes } from './ids';

describe('newId', () => {
  it('gives prefixed, URL-safe ids of the asked length that are never the same', () => {
    // Enough ids to refill the random pool several times.
    const ids = Array.from({ length: 5_000 }, () => newId('rsv'));
    for (const id of ids) {
      expect(id).toMatch(/^rsv-[0-9a-hjkmnp-tv-z]{12}$/);
      expect(isEntityId(id)).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(newId('p', 20)).toMatch(/^p-[0-9a-z]{20}$/);
  });
});

describe('randomPoolBytes', () => {
  it('hands out each random byte once, across refills, and serves requests larger than the pool', () => {
    const draws = Array.from({ length: 2_000 }, () => Buffer.from(randomPoolBytes(7)).toString('hex'));
    expect(new Set(draws).size).toBe(draws.length);
    const big = randomPoolBytes(10_000);
    expect(big).toHaveLength(10_000);
    // Not all zero: filled, not merely allocated.
    expect(big.some((b) => b !== 0)).toBe(true);
  });
});
