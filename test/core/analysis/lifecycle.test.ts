import { describe, expect, it } from 'vitest';
import { churnOf, lifecycleOf } from '../../../src/core/analysis/lifecycle';
import { DEFAULT_SETTINGS } from '../../../src/core/analysis/settings';
import { statsOf } from '../../../src/core/analysis/stats';
import { d, sale } from './helpers';

const today = d('2025-06-01');
const { churn, lifecycle } = DEFAULT_SETTINGS; // 2× median gap and ≥ 30 days; new 60, at risk 120, lost 365
const every = (days: number, n: number, lastIso: string) =>
  Array.from({ length: n }, (_, i) => sale('A', '2000-01-01', 10, { day: d(lastIso) - (n - 1 - i) * days }));

describe('churn warning', () => {
  it('fires past twice the customer’s own median gap and at least 30 days, with the reason', () => {
    const ps = every(12, 5, '2025-04-21'); // usually every 12 days, 41 days now
    expect(churnOf(statsOf(ps, today), churn)).toEqual({ usualGapDays: 12, daysNow: 41 });
  });

  it('does not fire within the rhythm, under the minimum days, or for one-visit customers', () => {
    expect(churnOf(statsOf(every(30, 4, '2025-04-05'), today), churn)).toBeUndefined(); // 57 days ≤ 2 × 30
    expect(churnOf(statsOf(every(30, 4, '2025-04-01'), today), churn)).toEqual({ usualGapDays: 30, daysNow: 61 });
    expect(churnOf(statsOf(every(5, 4, '2025-05-20'), today), churn)).toBeUndefined(); // 12 > 10 but < 30 days
    expect(churnOf(statsOf([sale('A', '2024-01-01', 10)], today), churn)).toBeUndefined();
  });
});

describe('lifecycle', () => {
  const stage = (ps: ReturnType<typeof sale>[], cls?: 'key' | 'main') => {
    const s = statsOf(ps, today);
    return lifecycleOf(s, cls, churnOf(s, churn), lifecycle);
  };
  it('walks prospect → new → repeat → high value → at risk → lost', () => {
    expect(stage([])).toBe('prospect');
    expect(stage([sale('A', '2025-05-20', 10)])).toBe('new');
    expect(stage([sale('A', '2025-03-01', 10)])).toBe('atRisk'); // one visit, no return within 60 days
    expect(stage(every(10, 3, '2025-05-25'))).toBe('repeat');
    expect(stage(every(10, 3, '2025-05-25'), 'key')).toBe('highValue');
    expect(stage(every(10, 3, '2025-05-01'), 'key')).toBe('atRisk'); // churn warning: 31 days vs every 10
    expect(stage(every(60, 3, '2025-01-20'))).toBe('atRisk'); // 132 days ≥ 120
    expect(stage(every(60, 3, '2024-05-01'))).toBe('lost');
  });
  it('ignores future purchases: only a future sale is still a prospect', () => {
    expect(stage([sale('A', '2025-07-01', 10)])).toBe('prospect');
  });
});
