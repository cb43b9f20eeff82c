import { decideTally, nextMilestone, suggestedQuantity } from './rules';

const options = [
  { id: 'a', label: 'A' },
  { id: 'b', label: 'B' },
  { id: 'c', label: 'C' },
];
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();

describe('decideTally', () => {
  it('gives the win to the option with the most votes and returns counts in option order', () => {
    const d = decideTally(options, [
      { optionId: 'c', votes: 2, lastVoteAt: at(1) },
      { optionId: 'b', votes: 7, lastVoteAt: at(9) },
      { optionId: 'a', votes: 3, lastVoteAt: at(2) },
    ]);
    expect(d).toMatchObject({ winningOptionId: 'b', tieBroken: false, totalVotes: 12 });
    expect(d.counts.map((c) => c.optionId)).toEqual(['a', 'b', 'c']);
  });

  it('counts an option without votes as zero', () => {
    const d = decideTally(options, [{ optionId: 'c', votes: 1, lastVoteAt: at(1) }]);
    expect(d.counts).toEqual([
      { optionId: 'a', votes: 0, lastVoteAt: null },
      { optionId: 'b', votes: 0, lastVoteAt: null },
      { optionId: 'c', votes: 1, lastVoteAt: at(1) },
    ]);
    expect(d.winningOptionId).toBe('c');
  });

  it('breaks a tie in favour of the option that reached the tied count first', () => {
    const d = decideTally(options, [
      { optionId: 'a', votes: 4, lastVoteAt: at(30) },
      { optionId: 'c', votes: 4, lastVoteAt: at(10) },
      { optionId: 'b', votes: 1, lastVoteAt: at(1) },
    ]);
    expect(d).toMatchObject({ winningOptionId: 'c', tieBroken: true });
  });

  it('gives a tie with equal times, or no votes at all, to the option listed first', () => {
    expect(
      decideTally(options, [
        { optionId: 'b', votes: 2, lastVoteAt: at(5) },
        { optionId: 'c', votes: 2, lastVoteAt: at(5) },
      ]).winningOptionId,
    ).toBe('b');
    expect(decideTally(options, [])).toMatchObject({ winningOptionId: 'a', tieBroken: true, totalVotes: 0 });
  });
});

describe('suggestedQuantity', () => {
  const rules = { conversionRate: 0.25, minimumOrder: 50, batchSize: 10 };

  it('never suggests less than the minimum order', () => {
    expect(suggestedQuantity(0, rules)).toBe(50);
    expect(suggestedQuantity(100, rules)).toBe(50);
  });

  it('converts winner votes to demand and rounds up to whole batches', () => {
    expect(suggestedQuantity(1_000, rules)).toBe(250);
    expect(suggestedQuantity(1_001, rules)).toBe(260);
    expect(suggestedQuantity(333, { conversionRate: 0.5, minimumOrder: 1, batchSize: 7 })).toBe(168);
  });
});

describe('nextMilestone', () => {
  it('walks MATERIALS, CUTTING, SEWING, QUALITY_CHECK, SHIPPED and then nothing', () => {
    expect(nextMilestone([])).toBe('MATERIALS');
    expect(nextMilestone(['MATERIALS', 'CUTTING'])).toBe('SEWING');
    expect(nextMilestone(['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK'])).toBe('SHIPPED');
    expect(nextMilestone(['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK', 'SHIPPED'])).toBeNull();
  });
});

describe('tie-break precision', () => {
  it('tells apart last votes within the same millisecond', () => {
    const d = decideTally(options, [
      { optionId: 'a', votes: 3, lastVoteAt: '2026-01-01T00:00:00.123457Z' },
      { optionId: 'b', votes: 3, lastVoteAt: '2026-01-01T00:00:00.123456Z' },
    ]);
    expect(d.winningOptionId).toBe('b');
  });
});
