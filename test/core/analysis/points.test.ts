import { describe, expect, it } from 'vitest';
import { pointsLedger } from '../../../src/core/analysis/points';
import type { PointsRules } from '../../../src/core/analysis/settings';
import { d, sale } from './helpers';

const rules: PointsRules = { perAmount: 1, expiryDays: 100, expiringLeadDays: 30 };
const sum = (xs: readonly { points: number }[]) => xs.reduce((a, x) => a + x.points, 0);

describe('points ledger', () => {
  it('earns floor(amount × rate) per purchase; the balance is the sum of the entries', () => {
    const l = pointsLedger([sale('A', '2025-05-01', 12.99), sale('A', '2025-05-02', 0.5)], 0, { ...rules, perAmount: 2 }, d('2025-05-10'));
    expect(l.entries.map((e) => [e.kind, e.points])).toEqual([['earned', 25], ['earned', 1]]); // 12.99 × 2, 0.5 × 2
    expect(l.balance).toBe(26);
  });

  it('redeems first-in first-out and expires what is left of each lot on its day', () => {
    const a = sale('A', '2025-01-01', 50); // lot 50, expires 2025-04-11
    const b = sale('A', '2025-02-01', 30); // lot 30, expires 2025-05-12
    const r = sale('A', '2025-03-01', 0, { points: -60 }); // uses 50 of a, 10 of b
    const l = pointsLedger([a, b, r], 0, rules, d('2025-06-01'));
    expect(l.entries.map((e) => [e.kind, e.points, e.source])).toEqual([
      ['earned', 50, a.id],
      ['earned', 30, b.id],
      ['redeemed', -60, r.id],
      ['expired', -20, b.id],
    ]);
    expect(l.entries[3]!.day).toBe(d('2025-02-01') + 100);
    expect(l.balance).toBe(0);
    expect(sum(l.entries)).toBe(l.balance);
  });

  it('lists points about to expire and ignores future purchases', () => {
    const today = d('2025-04-01');
    const l = pointsLedger([sale('A', '2025-01-01', 40), sale('A', '2025-03-01', 10), sale('A', '2025-05-01', 99)], 0, rules, today);
    expect(l.balance).toBe(50);
    expect(l.expiring).toEqual([{ day: d('2025-01-01') + 100, points: 40 }]); // 10 days away; the other lot is 69 days away
  });

  it('keeps an opening balance that never expires; refunds take points back; no expiry when off', () => {
    const l = pointsLedger([sale('A', '2020-01-01', 10), sale('A', '2020-01-05', -4)], 100, { ...rules, expiryDays: null }, d('2025-06-01'));
    expect(l.entries.map((e) => [e.kind, e.points])).toEqual([['opening', 100], ['earned', 10], ['reversed', -4]]);
    expect(l.balance).toBe(106);
    expect(l.expiring).toEqual([]);
  });

  it('an explicit points cell replaces the computed earning (bonus, or 0 for none)', () => {
    const l = pointsLedger([sale('A', '2025-05-01', 100, { points: 0 }), sale('A', '2025-05-02', 0, { points: 15 })], 0, rules, d('2025-05-10'));
    expect(l.entries.map((e) => [e.kind, e.points])).toEqual([['earned', 15]]);
  });

  it('can skip keeping entries (grid balance) and still gives the same balance', () => {
    const ps = [sale('A', '2024-01-01', 70), sale('A', '2024-06-01', 20), sale('A', '2024-07-01', 0, { points: -30 })];
    expect(pointsLedger(ps, 5, rules, d('2025-01-01'), false).balance).toBe(pointsLedger(ps, 5, rules, d('2025-01-01')).balance);
    expect(pointsLedger(ps, 5, rules, d('2025-01-01'), false).entries).toEqual([]);
  });
});
