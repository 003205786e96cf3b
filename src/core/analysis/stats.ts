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
  return medianOf(xs, xs.length);
}

/** The median of the first `n` values of `xs`, which it sorts in place. */
function medianOf(xs: number[] | Float64Array, n: number): number | undefined {
  if (n === 0) return undefined;
  if (n <= 24) {
    // Most customers have a handful of gaps: an insertion sort beats a comparator sort's calls.
    for (let i = 1; i < n; i++) {
      const v = xs[i]!;
      let j = i - 1;
      while (j >= 0 && xs[j]! > v) {
        xs[j + 1] = xs[j]!;
        j--;
      }
      xs[j + 1] = v;
    }
  } else if (Array.isArray(xs)) xs.sort((a, b) => a - b);
  else xs.subarray(0, n).sort();
  const mid = n >> 1;
  return n % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
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

/**
 * A customer's purchases as columns: the full compute keeps every purchase in typed arrays grouped by
 * customer (no object per purchase), and one customer's purchases are the range [start, end).
 * `points` is NaN where the row has no points cell.
 */
export type PurchaseColumns = {
  readonly day: ArrayLike<number>;
  readonly amount: ArrayLike<number>;
  /** Undefined when no purchase has a points cell (every value NaN). */
  readonly points: ArrayLike<number> | undefined;
};

/** A short list of purchase objects as columns (the object-based functions below use it). */
const NO_COLUMNS: PurchaseColumns = { day: [], amount: [], points: [] };

export function columnsOf(ps: readonly PurchaseSnap[]): PurchaseColumns {
  const n = ps.length;
  if (n === 0) return NO_COLUMNS;
  // Plain arrays: one customer's few purchases (typed arrays cost more to make than they save here).
  const day: number[] = new Array<number>(n);
  const amount: number[] = new Array<number>(n);
  const points: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const p = ps[i]!;
    day[i] = p.day;
    amount[i] = p.amount;
    points[i] = p.points === undefined ? NaN : p.points;
  }
  return { day, amount, points };
}

// Reused between calls: a full compute calls statsOf 50k times, and the gaps never outlive the call
// (a typed buffer: emptying a plain array let go of its storage, one allocation per customer).
let scratch = new Float64Array(256);

/** Stats of one customer's purchases, sorted by day. */
export function statsOf(sorted: readonly PurchaseSnap[], today: Day): CustomerStats {
  return statsOfRange(columnsOf(sorted), 0, sorted.length, today);
}

/** `statsOf` over the range [start, end) of columns sorted by day within it. */
export function statsOfRange(cols: PurchaseColumns, start: number, end: number, today: Day): CustomerStats {
  const days = cols.day;
  const amounts = cols.amount;
  let visits = 0;
  let tickets = 0;
  let total = 0;
  let first: Day | undefined;
  let last: Day | undefined;
  if (scratch.length < end - start) scratch = new Float64Array(end - start);
  const gaps = scratch;
  let nGaps = 0;
  for (let i = start; i < end; i++) {
    const day = days[i]!;
    if (day > today) break;
    const amount = amounts[i]!;
    total += amount;
    if (amount <= 0) continue;
    tickets++;
    if (last === undefined) {
      first = day;
      visits = 1;
    } else if (day !== last) {
      gaps[nGaps++] = day - last;
      visits++;
    }
    last = day;
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
    medianGap: medianOf(gaps, nGaps),
  };
}

/** Spend (refunds included) and visits within the `windowDays` days ending today; 0 = all time. */
export function windowTotals(sorted: readonly PurchaseSnap[], today: Day, windowDays: number): { spend: number; visits: number } {
  return windowTotalsOfRange(columnsOf(sorted), 0, sorted.length, today, windowDays);
}

/** `windowTotals` over the range [start, end) of columns sorted by day within it. */
export function windowTotalsOfRange(cols: PurchaseColumns, start: number, end: number, today: Day, windowDays: number): { spend: number; visits: number } {
  const from = windowDays > 0 ? today - windowDays + 1 : -Infinity;
  const days = cols.day;
  const amounts = cols.amount;
  let spend = 0;
  let visits = 0;
  let lastVisit: Day | undefined;
  for (let i = end - 1; i >= start; i--) {
    const day = days[i]!;
    if (day > today) continue;
    if (day < from) break;
    const amount = amounts[i]!;
    spend += amount;
    if (amount > 0 && day !== lastVisit) {
      visits++;
      lastVisit = day;
    }
  }
  return { spend: Math.round(spend * 100) / 100, visits };
}
