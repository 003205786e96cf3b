// Membership tiers: the best tier whose rule a customer meets today (spend or visits over a rolling
// window), with the reason as data so the UI can say "Gold: spent 640 in the last 365 days (≥ 600)".
// A tier is recomputed from purchases every time, so upgrades and downgrades happen by themselves;
// comparing with the tier stored in the book tells which way it moved.

import type { Day } from './days';
import type { TierRule } from './settings';
import type { PurchaseSnap } from './snapshot';
import { windowTotals } from './stats';

export type TierReason = {
  readonly kind: 'spend' | 'visits';
  readonly value: number;
  readonly threshold: number;
  readonly windowDays: number;
};

export type TierResult = {
  /** The tier reached, or undefined below the lowest one. */
  readonly tier: TierRule | undefined;
  /** Why: the reached tier's rule and the customer's value (undefined when no tier is defined). */
  readonly reason: TierReason | undefined;
  /** The next tier up and where the customer stands against its rule. */
  readonly next: { readonly tier: TierRule; readonly reason: TierReason } | undefined;
};

export const sortTiers = (tiers: readonly TierRule[]): TierRule[] => [...tiers].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));

type Totals = { spend: number; visits: number };
/** Totals per window length: tiers usually share one window, so it is summed once. */
type Cache = { windows: number[]; totals: Totals[] };

function reasonFor(rule: TierRule, sorted: readonly PurchaseSnap[], today: Day, cache: Cache): TierReason {
  const i = cache.windows.indexOf(rule.windowDays);
  let totals = i >= 0 ? cache.totals[i] : undefined;
  if (!totals) {
    totals = windowTotals(sorted, today, rule.windowDays);
    cache.windows.push(rule.windowDays);
    cache.totals.push(totals);
  }
  return { kind: rule.metric, value: rule.metric === 'spend' ? totals.spend : totals.visits, threshold: rule.threshold, windowDays: rule.windowDays };
}

/** The tier of one customer; `tiers` sorted by `sortTiers` (lowest first). */
export function tierOf(sorted: readonly PurchaseSnap[], today: Day, tiers: readonly TierRule[]): TierResult {
  const cache: Cache = { windows: [], totals: [] };
  let reached: { tier: TierRule; reason: TierReason } | undefined;
  for (const t of tiers) {
    const reason = reasonFor(t, sorted, today, cache);
    // The best tier met wins, even when a lower one is not met (tiers may use different metrics).
    if (reason.value >= t.threshold) reached = { tier: t, reason };
  }
  const above = tiers.find((t) => t.order > (reached?.tier.order ?? -Infinity));
  return {
    tier: reached?.tier,
    reason: reached?.reason ?? (tiers[0] ? reasonFor(tiers[0], sorted, today, cache) : undefined),
    next: above ? { tier: above, reason: reasonFor(above, sorted, today, cache) } : undefined,
  };
}

/**
 * Which tier a stored cell names: a tier's id, owner name, or one of `names(tier)` (its label in each
 * language, given by the caller since core holds no UI text). Case and spaces are ignored.
 */
export function matchTier(stored: string, tiers: readonly TierRule[], names: (t: TierRule) => readonly string[] = () => []): TierRule | undefined {
  const s = stored.trim().toLowerCase();
  if (!s) return undefined;
  return tiers.find((t) => t.id.toLowerCase() === s || t.name?.trim().toLowerCase() === s || names(t).some((n) => n.trim().toLowerCase() === s));
}

export type TierMove = 'up' | 'down' | 'same';

/** How a customer's tier moved from the one stored in the book to the computed one. */
export function tierMove(previous: TierRule | undefined, now: TierRule | undefined): TierMove {
  const a = previous?.order ?? -Infinity;
  const b = now?.order ?? -Infinity;
  return b > a ? 'up' : b < a ? 'down' : 'same';
}
