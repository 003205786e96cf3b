import { describe, expect, it } from 'vitest';
import { classForRevenue, paretoCurve, valueThresholds } from '../../../src/core/analysis/value-classes';

const cuts = { key: 0.5, main: 0.8, regular: 0.95 };
const classes = (revenues: number[]) => {
  const t = valueThresholds(revenues, cuts);
  return revenues.map((r) => classForRevenue(r, t));
};

describe('value classes', () => {
  it('classes by the cumulative revenue before each customer', () => {
    // total 1000: 500 (0% before) key, 300 (50%) main, 150 (80%) regular, 40 (95%) occasional, 10 occasional
    expect(classes([150, 10, 500, 40, 300])).toEqual(['regular', 'occasional', 'key', 'occasional', 'main']);
  });

  it('gives equal revenue the same class', () => {
    expect(classes([100, 100, 100, 100])).toEqual(['key', 'key', 'key', 'key']);
    expect(classes([600, 200, 200])).toEqual(['key', 'main', 'main']); // the 200s start at 60%
    expect(classes([400, 300, 300])).toEqual(['key', 'key', 'key']); // the 300s start at 40%
  });

  it('zero or negative revenue is occasional; an empty shop has no thresholds', () => {
    expect(classes([100, 0, -5])).toEqual(['key', 'occasional', 'occasional']);
    expect(valueThresholds([], cuts)).toEqual({ key: Infinity, main: Infinity, regular: Infinity });
    expect(classes([1000])).toEqual(['key']);
  });

  it('never lets an empty middle class swallow the ones below', () => {
    // 900 is 90% on its own: main is empty; 60 (90% before) regular; 40 (96%) occasional
    expect(classes([900, 60, 40])).toEqual(['key', 'regular', 'occasional']);
  });

  it('draws the Pareto curve best first', () => {
    expect(paretoCurve([10, 40, 50], 10)).toEqual([
      { customerShare: 0, revenueShare: 0 },
      { customerShare: 1 / 3, revenueShare: 0.5 },
      { customerShare: 2 / 3, revenueShare: 0.9 },
      { customerShare: 1, revenueShare: 1 },
    ]);
    expect(paretoCurve([], 10)).toEqual([{ customerShare: 0, revenueShare: 0 }]);
    expect(paretoCurve(Array.from({ length: 1000 }, (_, i) => i + 1), 100)).toHaveLength(101);
  });
});
