// Membership tiers: the best tier whose rule a customer meets today (spend or visits over a rolling
// window), with the reason as data so the UI can say "Gold: spent 640 in the last 365 days (≥ 600)".
// A tier is recomputed from purchases every time, so upgrades and downgrades happen by themselves;
// comparing with the tier stored in the book tells which way it moved.

import type { Day } from './days';
import type { TierRule } from './settings';
import type { PurchaseSnap } from './snapshot';
import { columnsOf, windowTotalsOfRange, type PurchaseColumns } from './stats';

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

/** The tier of one customer; `tiers` sorted by `sortTiers` (lowest first). */
export function tierOf(sorted: readonly PurchaseSnap[], today: Day, tiers: readonly TierRule[]): TierResult {
  return tierOfRange(columnsOf(sorted), 0, sorted.length, today, tiers);
}

// Totals of the last window asked for within one `tierOfRange` call: tiers usually share one
// window, so it is summed once (and nothing is allocated for it: 50k customers on a full compute).
let cachedWindow = NaN;
let cachedSpend = 0;
let cachedVisits = 0;

function valueFor(rule: TierRule, cols: PurchaseColumns, start: number, end: number, today: Day): number {
  if (rule.windowDays !== cachedWindow) {
    const t = windowTotalsOfRange(cols, start, end, today, rule.windowDays);
    cachedWindow = rule.windowDays;
    cachedSpend = t.spend;
    cachedVisits = t.visits;
  }
  return rule.metric === 'spend' ? cachedSpend : cachedVisits;
}

const reasonOf = (rule: TierRule, value: number): TierReason => ({ kind: rule.metric, value, threshold: rule.threshold, windowDays: rule.windowDays });

/** `tierOf` over the range [start, end) of columns sorted by day within it. */
export function tierOfRange(cols: PurchaseColumns, start: number, end: number, today: Day, tiers: readonly TierRule[]): TierResult {
  cachedWindow = NaN;
  let reached = -1;
  let reachedValue = 0;
  for (let i = 0; i < tiers.length; i++) {
    const t = tiers[i]!;
    const value = valueFor(t, cols, start, end, today);
    // The best tier met wins, even when a lower one is not met (tiers may use different metrics).
    if (value >= t.threshold) {
      reached = i;
      reachedValue = value;
    }
  }
  const tier = reached >= 0 ? tiers[reached] : undefined;
  const floor = tier?.order ?? -Infinity;
  let above: TierRule | undefined;
  for (let i = 0; i < tiers.length; i++)
    if (tiers[i]!.order > floor) {
      above = tiers[i];
      break;
    }
  const first = tiers[0];
  return {
    tier,
    reason: tier ? reasonOf(tier, reachedValue) : first ? reasonOf(first, valueFor(first, cols, start, end, today)) : undefined,
    next: above ? { tier: above, reason: reasonOf(above, valueFor(above, cols, start, end, today)) } : undefined,
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
