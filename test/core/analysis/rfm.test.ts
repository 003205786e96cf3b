import { describe, expect, it } from 'vitest';
import { SEGMENTS, quintileScore, segmentOf, smallIntegerCounts, sortedValues, summarizeSegments } from '../../../src/core/analysis/rfm';

const scores = (values: number[]) => {
  const s = sortedValues(values);
  return values.map((v) => quintileScore(s, v));
};

describe('RFM quintile scores', () => {
  it('spreads 5 and 10 distinct values evenly', () => {
    expect(scores([50, 10, 40, 20, 30])).toEqual([5, 1, 4, 2, 3]);
    expect(scores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('gives equal values the same score whatever their order', () => {
    expect(scores([7, 7, 7, 7])).toEqual([3, 3, 3, 3]);
    expect(scores([1, 1, 1, 1, 1, 1, 1, 1, 9, 10])).toEqual([3, 3, 3, 3, 3, 3, 3, 3, 5, 5]);
    expect(scores([2, 1, 2, 3])).toEqual([3, 1, 3, 5]);
    expect(scores([3, 2, 1, 2])).toEqual([5, 3, 1, 3]);
  });

  it('works with fewer than 5 customers', () => {
    expect(scores([5])).toEqual([3]);
    expect(scores([1, 2])).toEqual([2, 4]);
    expect(scores([1, 2, 3])).toEqual([1, 3, 5]);
    expect(quintileScore(sortedValues([]), 4)).toBe(3);
  });
});

describe('RFM segments', () => {
  it('maps every R×FM pair to a segment by the documented grid', () => {
    const grid: string[] = [];
    for (let r = 5; r >= 1; r--) {
      const line: string[] = [];
      for (let fm = 1; fm <= 5; fm++) line.push(segmentOf({ r, f: fm, m: fm }));
      grid.push(line.join(' '));
    }
    expect(grid).toEqual([
      'new potentialLoyalists potentialLoyalists champions champions',
      'promising potentialLoyalists potentialLoyalists loyal champions',
      'aboutToSleep aboutToSleep needAttention loyal loyal',
      'hibernating hibernating atRisk atRisk cantLose',
      'lost lost atRisk atRisk cantLose',
    ]);
    expect(new Set(grid.join(' ').split(' '))).toEqual(new Set(SEGMENTS));
  });

  it('rounds the F and M mean up', () => {
    expect(segmentOf({ r: 5, f: 4, m: 3 })).toBe('champions'); // FM = 4
    expect(segmentOf({ r: 5, f: 3, m: 2 })).toBe('potentialLoyalists'); // FM = 3
  });

  it('summarizes counts and revenue share', () => {
    const s = summarizeSegments([
      { segment: 'champions', revenue: 300 },
      { segment: 'champions', revenue: 100 },
      { segment: 'lost', revenue: 100 },
      { segment: undefined, revenue: 0 },
    ]);
    expect(s).toHaveLength(11);
    expect(s.find((x) => x.segment === 'champions')).toEqual({ segment: 'champions', count: 2, revenue: 400, revenueShare: 0.8, countShare: 2 / 3 });
    expect(s.find((x) => x.segment === 'loyal')).toMatchObject({ count: 0, revenueShare: 0 });
    expect(summarizeSegments([]).every((x) => x.count === 0 && x.revenueShare === 0)).toBe(true);
  });
});

describe('smallIntegerCounts', () => {
  it('counts whole numbers in a small span, from the smallest', () => {
    const got = smallIntegerCounts(Float64Array.from([12, 10, 12, 15, -1 + 11]));
    expect(got?.min).toBe(10);
    expect([...got!.counts]).toEqual([2, 0, 2, 0, 0, 1]);
  });
  it('says to sort instead for fractions, NaN, a wide span or nothing', () => {
    expect(smallIntegerCounts(Float64Array.from([1, 2.5]))).toBeUndefined();
    expect(smallIntegerCounts(Float64Array.from([1, NaN]))).toBeUndefined();
    expect(smallIntegerCounts(Float64Array.from([0, 4 * 2 + 1025]))).toBeUndefined();
    expect(smallIntegerCounts(Float64Array.from([0, 4 * 2 + 1024]))?.counts.length).toBe(4 * 2 + 1025);
    expect(smallIntegerCounts(new Float64Array(0))).toBeUndefined();
  });
});
