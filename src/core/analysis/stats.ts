// Per-customer purchase statistics from that customer's purchases. A visit is a day with at least
// one sale (two tickets on one day are one visit), so the gaps between visits are never 0 days.
// Purchases dated after `today` are ignored: a future date is a typo or a booking, not a sale yet.

import type { Day } from './days';
import type { PurchaseSnap } from './snapshot';

export type CustomerStats = {
  /** Days with a sale (amount > 0). */
  readonly visits: number;
  /** Rows with amount > 0. */
  readonly tickets: number;
  /** Sum of all amounts up to today (refunds subtract). */
  readonly totalSpent: number;
  /** totalSpent / tickets; 0 without tickets. */
  readonly avgTicket: number;
  readonly firstPurchase: Day | undefined;
  readonly lastPurchase: Day | undefined;
  readonly daysSince: number | undefined;
  /** Median of the gaps between consecutive visits; undefined with fewer than two visits. */
  readonly medianGap: number | undefined;
};

export const EMPTY_STATS: CustomerStats = {
  visits: 0,
  tickets: 0,
  totalSpent: 0,
  avgTicket: 0,
  firstPurchase: undefined,
  lastPurchase: undefined,
  daysSince: undefined,
  medianGap: undefined,
};

export function median(xs: number[]): number | undefined {
  if (xs.length === 0) return undefined;
  xs.sort((a, b) => a - b);
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

/** Sorts a customer's purchases by day, in place, only when they are not already in order. */
export function sortByDay(ps: PurchaseSnap[]): PurchaseSnap[] {
  for (let i = 1; i < ps.length; i++)
    if (ps[i]!.day < ps[i - 1]!.day) {
      ps.sort((a, b) => a.day - b.day);
      break;
    }
  return ps;
}

// Reused between calls: a full compute calls statsOf 50k times, and the gaps never outlive the call.
const scratch: number[] = [];

/** Stats of one customer's purchases, sorted by day. */
export function statsOf(sorted: readonly PurchaseSnap[], today: Day): CustomerStats {
  let visits = 0;
  let tickets = 0;
  let total = 0;
  let first: Day | undefined;
  let last: Day | undefined;
  const gaps = scratch;
  gaps.length = 0;
  for (const p of sorted) {
    if (p.day > today) break;
    total += p.amount;
    if (p.amount <= 0) continue;
    tickets++;
    if (last === undefined) {
      first = p.day;
      visits = 1;
    } else if (p.day !== last) {
      gaps.push(p.day - last);
      visits++;
    }
    last = p.day;
  }
  // Cents: sums of many decimal amounts drift (0.1 + 0.2); round to what money shows.
  total = Math.round(total * 100) / 100;
  return {
    visits,
    tickets,
    totalSpent: total,
    avgTicket: tickets ? Math.round((total / tickets) * 100) / 100 : 0,
    firstPurchase: first,
    lastPurchase: last,
    daysSince: last === undefined ? undefined : today - last,
    medianGap: median(gaps),
  };
}

/** Spend (refunds included) and visits within the `windowDays` days ending today; 0 = all time. */
export function windowTotals(sorted: readonly PurchaseSnap[], today: Day, windowDays: number): { spend: number; visits: number } {
  const from = windowDays > 0 ? today - windowDays + 1 : -Infinity;
  let spend = 0;
  let visits = 0;
  let lastVisit: Day | undefined;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i]!;
    if (p.day > today) continue;
    if (p.day < from) break;
    spend += p.amount;
    if (p.amount > 0 && p.day !== lastVisit) {
      visits++;
      lastVisit = p.day;
    }
  }
  return { spend: Math.round(spend * 100) / 100, visits };
}
