import { describe, expect, it } from 'vitest';
import { EMPTY_STATS, statsOf, windowTotals } from '../../../src/core/analysis/stats';
import { d, sale } from './helpers';

const today = d('2025-06-01');

describe('statsOf', () => {
  it('gives empty stats for no purchases', () => {
    expect(statsOf([], today)).toEqual(EMPTY_STATS);
  });

  it('handles one purchase', () => {
    const s = statsOf([sale('A', '2025-05-22', 30)], today);
    expect(s).toMatchObject({ visits: 1, tickets: 1, totalSpent: 30, avgTicket: 30, firstPurchase: d('2025-05-22'), lastPurchase: d('2025-05-22'), daysSince: 10, medianGap: undefined });
  });

  it('counts same-day tickets as one visit, takes the median gap, rounds money to cents', () => {
    const ps = [
      sale('A', '2025-01-01', 10.1),
      sale('A', '2025-01-01', 0.2),
      sale('A', '2025-01-11', 20), // gap 10
      sale('A', '2025-01-15', 5), // gap 4
      sale('A', '2025-02-14', 4.7), // gap 30
    ];
    const s = statsOf(ps, today);
    expect(s.visits).toBe(4);
    expect(s.tickets).toBe(5);
    expect(s.totalSpent).toBe(40);
    expect(s.avgTicket).toBe(8);
    expect(s.medianGap).toBe(10);
    expect(s.daysSince).toBe(today - d('2025-02-14'));
  });

  it('ignores purchases after today; refunds subtract but are not visits', () => {
    const s = statsOf([sale('A', '2025-05-01', 50), sale('A', '2025-05-03', -20), sale('A', '2025-07-01', 999)], today);
    expect(s).toMatchObject({ visits: 1, tickets: 1, totalSpent: 30, lastPurchase: d('2025-05-01') });
  });

  it('even number of gaps: median is the mean of the middle two', () => {
    const s = statsOf([sale('A', '2025-01-01', 1), sale('A', '2025-01-03', 1), sale('A', '2025-01-09', 1)], today);
    expect(s.medianGap).toBe(4); // gaps 2 and 6
  });

  it('sums a rolling window ending today', () => {
    const ps = [sale('A', '2024-05-01', 100), sale('A', '2024-06-02', 50), sale('A', '2025-06-01', 25), sale('A', '2025-06-02', 1000)];
    expect(windowTotals(ps, today, 365)).toEqual({ spend: 75, visits: 2 }); // 2024-06-02 is day 365 back
    expect(windowTotals(ps, today, 0)).toEqual({ spend: 175, visits: 3 });
  });
});
