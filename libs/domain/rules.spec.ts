import type { DemandRules, OptionCount, PollOption } from './model';
import { decideTally, nextMilestone, suggestedQuantity, toMicros } from './rules';
import { PRODUCTION_MILESTONES } from './stages';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const SECOND = 1_000;
const at = (offsetMs: number): string => new Date(T0 + offsetMs).toISOString();

const OPTIONS: PollOption[] = [
  { id: 'a', label: 'Linen' },
  { id: 'b', label: 'Denim' },
  { id: 'c', label: 'Silk' },
];

function count(optionId: string, votes: number, lastVoteAt: string | null): OptionCount {
  return { optionId, votes, lastVoteAt };
}

describe('decideTally', () => {
  it('picks the option with the most votes and reports no tie-break', () => {
    const decision = decideTally(OPTIONS, [count('a', 3, at(1 * SECOND)), count('b', 7, at(9 * SECOND)), count('c', 5, at(2 * SECOND))]);
    expect(decision.winningOptionId).toBe('b');
    expect(decision.tieBroken).toBe(false);
    expect(decision.totalVotes).toBe(15);
  });

  it('lets the most votes win even when another option got its last vote earlier', () => {
    const decision = decideTally(OPTIONS, [count('a', 4, at(1 * SECOND)), count('c', 5, at(60 * SECOND))]);
    expect(decision.winningOptionId).toBe('c');
    expect(decision.tieBroken).toBe(false);
  });

  it('breaks a tie in favour of the tied option that reached the tied count first (earliest last vote)', () => {
    const decision = decideTally(OPTIONS, [count('a', 4, at(30 * SECOND)), count('b', 4, at(10 * SECOND)), count('c', 1, at(1 * SECOND))]);
    expect(decision.winningOptionId).toBe('b');
    expect(decision.tieBroken).toBe(true);
  });

  it('ignores options below the top count when breaking a tie, however early their last vote was', () => {
    const decision = decideTally(OPTIONS, [count('a', 2, at(0)), count('b', 6, at(50 * SECOND)), count('c', 6, at(40 * SECOND))]);
    expect(decision.winningOptionId).toBe('c');
    expect(decision.tieBroken).toBe(true);
  });

  it('breaks a three-way tie by the earliest last vote, wherever that option is listed', () => {
    const decision = decideTally(OPTIONS, [count('a', 3, at(3 * SECOND)), count('b', 3, at(2 * SECOND)), count('c', 3, at(1 * SECOND))]);
    expect(decision.winningOptionId).toBe('c');
    expect(decision.tieBroken).toBe(true);
  });

  it('keeps sub-millisecond precision: a last vote 100 microseconds earlier wins the tie', () => {
    const decision = decideTally(OPTIONS, [
      count('a', 2, '2026-01-01T00:00:00.000200Z'),
      count('b', 2, '2026-01-01T00:00:00.000100Z'),
    ]);
    expect(decision.winningOptionId).toBe('b');
    expect(decision.tieBroken).toBe(true);
  });

  it('gives a full tie (same count and same last vote time) to the option listed first in the poll', () => {
    const same = at(5 * SECOND);
    // The rows arrive in a different order than the poll lists its options: the poll's order decides.
    const decision = decideTally(OPTIONS, [count('c', 2, same), count('b', 2, same), count('a', 1, same)]);
    expect(decision.winningOptionId).toBe('b');
    expect(decision.tieBroken).toBe(true);
  });

  it('gives a poll without any votes (every lastVoteAt null) to the option listed first, as a broken tie', () => {
    const decision = decideTally(OPTIONS, []);
    expect(decision.winningOptionId).toBe('a');
    expect(decision.tieBroken).toBe(true);
    expect(decision.totalVotes).toBe(0);
  });

  it('gives a tie between options whose last-vote times are null to the option listed first', () => {
    const decision = decideTally(OPTIONS, [count('b', 0, null), count('a', 0, null), count('c', 0, null)]);
    expect(decision.winningOptionId).toBe('a');
    expect(decision.tieBroken).toBe(true);
  });

  it('counts options missing from the tally as zero votes with no last vote time', () => {
    const decision = decideTally(OPTIONS, [count('b', 2, at(SECOND))]);
    expect(decision.counts).toEqual([count('a', 0, null), count('b', 2, at(SECOND)), count('c', 0, null)]);
    expect(decision.winningOptionId).toBe('b');
    expect(decision.tieBroken).toBe(false);
  });

  it('returns the counts in the poll option order, not in the order the rows arrived', () => {
    const decision = decideTally(OPTIONS, [count('c', 1, at(3 * SECOND)), count('a', 4, at(1 * SECOND)), count('b', 2, at(2 * SECOND))]);
    expect(decision.counts.map((c) => c.optionId)).toEqual(['a', 'b', 'c']);
    expect(decision.counts.map((c) => c.votes)).toEqual([4, 2, 1]);
  });

  it('sums every option into totalVotes', () => {
    const decision = decideTally(OPTIONS, [count('a', 10, at(1)), count('b', 20, at(2)), count('c', 12, at(3))]);
    expect(decision.totalVotes).toBe(42);
  });

  it('ignores rows for options that are not in the poll (neither winner nor counted)', () => {
    const decision = decideTally(OPTIONS, [count('zz', 99, at(0)), count('a', 1, at(SECOND))]);
    expect(decision.winningOptionId).toBe('a');
    expect(decision.counts.map((c) => c.optionId)).toEqual(['a', 'b', 'c']);
    expect(decision.totalVotes).toBe(1);
  });

  it('handles a two-option poll with a single vote', () => {
    const decision = decideTally(OPTIONS.slice(0, 2), [count('b', 1, at(0))]);
    expect(decision).toEqual({ winningOptionId: 'b', tieBroken: false, counts: [count('a', 0, null), count('b', 1, at(0))], totalVotes: 1 });
  });

  it('throws for a poll without options', () => {
    expect(() => decideTally([], [])).toThrow('a poll has at least two options');
  });
});

describe('toMicros', () => {
  it('converts a whole-second UTC instant to microseconds since the epoch', () => {
    expect(toMicros('2026-01-01T00:00:00Z')).toBe(T0 * 1000);
  });

  it('keeps milliseconds', () => {
    expect(toMicros('2026-01-01T00:00:00.123Z')).toBe(T0 * 1000 + 123_000);
  });

  it('keeps PostgreSQL microseconds', () => {
    expect(toMicros('2026-01-01T00:00:00.123456Z')).toBe(T0 * 1000 + 123_456);
  });

  it('pads short fractions: ".5" is half a second', () => {
    expect(toMicros('2026-01-01T00:00:00.5Z')).toBe(T0 * 1000 + 500_000);
  });

  it('drops digits beyond microseconds', () => {
    expect(toMicros('2026-01-01T00:00:00.1234569Z')).toBe(T0 * 1000 + 123_456);
  });

  it('falls back to millisecond precision for instants with an explicit offset', () => {
    expect(toMicros('2026-01-01T01:00:00.250+01:00')).toBe(T0 * 1000 + 250_000);
  });

  it('orders two instants in the same millisecond by their microseconds', () => {
    expect(toMicros('2026-01-01T00:00:00.001001Z')).toBeLessThan(toMicros('2026-01-01T00:00:00.001002Z'));
  });
});

describe('suggestedQuantity', () => {
  const rules = (over: Partial<DemandRules> = {}): DemandRules => ({ conversionRate: 0.25, minimumOrder: 50, batchSize: 10, ...over });

  it('never suggests less than the minimum order when demand is small', () => {
    expect(suggestedQuantity(10, rules())).toBe(50); // 10 × 0.25 = 2.5 → floor of 50
  });

  it('suggests the minimum order for a winner without votes', () => {
    expect(suggestedQuantity(0, rules())).toBe(50);
  });

  it('applies the conversion rate to the winner votes when that exceeds the minimum order', () => {
    expect(suggestedQuantity(1000, rules())).toBe(250); // 1000 × 0.25
  });

  it('rounds fractional demand up to a whole piece', () => {
    expect(suggestedQuantity(3, rules({ conversionRate: 0.5, minimumOrder: 1, batchSize: 1 }))).toBe(2); // 1.5 → 2
  });

  it('rounds demand up to a whole number of batches', () => {
    expect(suggestedQuantity(1004, rules())).toBe(260); // 251 → 26 batches of 10
  });

  it('rounds the minimum order up to a whole number of batches too', () => {
    expect(suggestedQuantity(0, rules({ minimumOrder: 55, batchSize: 10 }))).toBe(60);
  });

  it('keeps a demand that is already a whole number of batches', () => {
    expect(suggestedQuantity(400, rules())).toBe(100);
  });

  it('treats a demand exactly equal to the minimum order as the minimum', () => {
    expect(suggestedQuantity(200, rules())).toBe(50); // 200 × 0.25 = 50
  });

  it('works with batches larger than the demand', () => {
    expect(suggestedQuantity(1000, rules({ batchSize: 144 }))).toBe(288); // 250 → 2 × 144
  });

  // ceil(max(minimumOrder, winnerVotes × conversionRate) / batchSize) × batchSize, as model.ts documents it.
  // A demand that is mathematically whole must not be rounded up by a binary floating-point error
  // (100 × 0.07 is 7.000000000000001 in IEEE-754 doubles).
  it.each([
    [100, 0.07, 7],
    [300, 0.07, 21],
    [100, 0.14, 14],
    [100, 0.55, 55],
  ])('suggests exactly the converted demand for %i votes at rate %p (%i pieces), without floating-point overshoot', (votes, rate, expected) => {
    expect(suggestedQuantity(votes, { conversionRate: rate, minimumOrder: 1, batchSize: 1 })).toBe(expected);
  });

  it('does not add a whole extra batch because of a floating-point error (100 votes at 55 % with batches of 5 is 55)', () => {
    expect(suggestedQuantity(100, { conversionRate: 0.55, minimumOrder: 50, batchSize: 5 })).toBe(55);
  });
});

describe('nextMilestone', () => {
  it('starts with MATERIALS', () => {
    expect(nextMilestone([])).toBe('MATERIALS');
  });

  it('walks MATERIALS → CUTTING → SEWING → QUALITY_CHECK → SHIPPED', () => {
    const order: string[] = [];
    const recorded: (typeof PRODUCTION_MILESTONES)[number][] = [];
    for (let next = nextMilestone(recorded); next !== null; next = nextMilestone(recorded)) {
      order.push(next);
      recorded.push(next);
    }
    expect(order).toEqual(['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK', 'SHIPPED']);
  });

  it.each([
    [[], 'MATERIALS'],
    [['MATERIALS'], 'CUTTING'],
    [['MATERIALS', 'CUTTING'], 'SEWING'],
    [['MATERIALS', 'CUTTING', 'SEWING'], 'QUALITY_CHECK'],
    [['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK'], 'SHIPPED'],
  ] as const)('after %j the next milestone is %s', (recorded, expected) => {
    expect(nextMilestone(recorded)).toBe(expected);
  });

  it('returns null once SHIPPED is recorded', () => {
    expect(nextMilestone(PRODUCTION_MILESTONES)).toBeNull();
  });
});
