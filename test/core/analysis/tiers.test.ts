import { describe, expect, it } from 'vitest';
import { DEFAULT_TIERS, type TierRule } from '../../../src/core/analysis/settings';
import { matchTier, sortTiers, tierMove, tierOf } from '../../../src/core/analysis/tiers';
import { d, sale } from './helpers';

const today = d('2025-06-01');
const tiers = sortTiers(DEFAULT_TIERS); // spend over 365 days: silver 200, gold 600, platinum 1500

describe('tiers', () => {
  it('gives no tier below the lowest, with the shortfall as the reason', () => {
    const r = tierOf([sale('A', '2025-05-01', 150)], today, tiers);
    expect(r.tier).toBeUndefined();
    expect(r.reason).toEqual({ kind: 'spend', value: 150, threshold: 200, windowDays: 365 });
    expect(r.next?.tier.id).toBe('silver');
  });

  it('picks the best tier met, with a machine-readable reason and the next tier', () => {
    const r = tierOf([sale('A', '2025-01-01', 400), sale('A', '2025-05-01', 240)], today, tiers);
    expect(r.tier?.id).toBe('gold');
    expect(r.reason).toEqual({ kind: 'spend', value: 640, threshold: 600, windowDays: 365 });
    expect(r.next).toMatchObject({ tier: { id: 'platinum' }, reason: { value: 640, threshold: 1500 } });
  });

  it('downgrades when old spend leaves the rolling window', () => {
    const ps = [sale('A', '2024-05-01', 2000), sale('A', '2025-03-01', 250)];
    expect(tierOf(ps, d('2025-04-01'), tiers).tier?.id).toBe('platinum');
    const later = tierOf(ps, today, tiers);
    expect(later.tier?.id).toBe('silver');
    expect(tierMove(tiers[2], later.tier)).toBe('down');
    expect(tierMove(undefined, later.tier)).toBe('up');
    expect(tierMove(later.tier, tiers[0])).toBe('same');
  });

  it('supports visit thresholds and all-time windows', () => {
    const visitTiers: TierRule[] = [{ id: 'reg', name: 'Regular', order: 1, metric: 'visits', threshold: 3, windowDays: 0 }];
    const ps = [sale('A', '2020-01-01', 5), sale('A', '2021-01-01', 5), sale('A', '2021-01-01', 5), sale('A', '2022-01-01', 5)];
    expect(tierOf(ps, today, visitTiers)).toMatchObject({ tier: { id: 'reg' }, reason: { kind: 'visits', value: 3, windowDays: 0 } });
    expect(tierOf([], today, [])).toEqual({ tier: undefined, reason: undefined, next: undefined });
  });

  it('matches the tier stored in the book by id, owner name or a translated name', () => {
    const names = (t: TierRule) => ({ silver: ['Plata', '银卡'], gold: ['Oro', '金卡'], platinum: ['Platino', '白金卡'] })[t.id] ?? [];
    expect(matchTier(' oro ', tiers, names)?.id).toBe('gold');
    expect(matchTier('白金卡', tiers, names)?.id).toBe('platinum');
    expect(matchTier('GOLD', tiers)?.id).toBe('gold');
    expect(matchTier('Diamante', tiers, names)).toBeUndefined();
    expect(matchTier('', tiers, names)).toBeUndefined();
  });
});
